/*
 * rd_xlsx.c -- reader backend (recipe "xlsx-dots") for the IMF Direction of
 * Trade Statistics workbooks (SamLeBlanc/Direction-of-Trade-Map, DOTS_N.xlsx)
 * through libzip and libxml2: the workbook's sheet list and relationships,
 * the shared strings, and each sheet's cells (shared strings, inline strings
 * and numbers), placed by their A1 references as openpyxl places them.
 *
 * The table is the one convert_dots.py (in the data folder) made from the
 * same workbooks, byte for byte:
 *   - workbooks in the order of their number N; in each, sheet 1 is
 *     exports_fob and sheet 2 imports_cif; a sheet of fewer than 8 rows is
 *     skipped; the reporter is cell B4, the years row 7, partners column B
 *     from row 8 (a row without a partner is skipped);
 *   - a value "1,247.27 e" is an IMF estimate: thousands separators dropped,
 *     flag 1; every value printed with 10 significant digits (%.10g);
 *   - a reporter already read from an earlier workbook is skipped when its
 *     rows are identical (Nicaragua: DOTS_143 and DOTS_144), an error if not;
 *   - a (reporter, partner, flow, year) seen before is skipped when its value
 *     and flag are the same (Australia listed twice), an error if not;
 *   - CSV as Python's csv.writer writes it (QUOTE_MINIMAL, CRLF).
 * Errors name the workbook, the sheet and the cell.
 *
 * Ownership: one workbook at a time is held (its zip, shared strings and the
 * current sheet's grid); the output text and the key table grow over all.
 */
#include "rd.h"
#include "dynbuf.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define MAXCELLS ((size_t)1 << 24) /* rows x columns of one sheet */
#define MAXPART ((size_t)256 << 20) /* one member of a workbook, uncompressed */
#define MAXSST ((size_t)1 << 25)    /* shared strings of one workbook */
#define MAXREPS ((size_t)1 << 16)   /* reporters of a recipe's workbooks (IMF has ~250) */

typedef struct xcell {
    const char *s; /* the cell's text: a shared string, inline string or number; NULL: empty */
    int num;       /* 1: a number */
} xcell;

typedef struct wbook {
    ent_ctx *ctx;
    const char *label;
    zip_t *z;
    char **sst;
    size_t nsst;
    xmlDoc *sheet;  /* the current sheet; grid texts point into it or into sst */
    xcell *grid;
    size_t nrow, ncol;
    char sheetname[128]; /* as name[] of sheet_paths */
} wbook;

/* ------------------------------------------------------------ zip members */

static ent_status member(wbook *w, const char *name, char **out, size_t *len)
{
    zip_stat_t zs;
    zip_file_t *f;
    char *buf;
    zip_int64_t got;
    *out = NULL;
    if (zip_stat(w->z, name, 0, &zs) != 0 || !(zs.valid & ZIP_STAT_SIZE))
        return ent_err(w->ctx, ENT_EPARSE, "%s: no member %s: not an xlsx workbook", w->label,
                       name);
    if (zs.size > MAXPART)
        return ent_err(w->ctx, ENT_EPARSE, "%s: %s: larger than %zu MiB unpacked", w->label, name,
                       MAXPART >> 20);
    if (!(buf = ent_malloc(w->ctx, (size_t)zs.size + 1)))
        return ent_err(w->ctx, ENT_ENOMEM, "%s: out of memory", w->label);
    if (!(f = zip_fopen(w->z, name, 0))) {
        ent_free(w->ctx, buf);
        return ent_err(w->ctx, ENT_EPARSE, "%s: %s: %s", w->label, name, zip_strerror(w->z));
    }
    got = zip_fread(f, buf, zs.size);
    zip_fclose(f);
    if (got < 0 || (zip_uint64_t)got != zs.size) {
        ent_free(w->ctx, buf);
        return ent_err(w->ctx, ENT_EPARSE, "%s: %s: truncated or corrupt member", w->label, name);
    }
    buf[zs.size] = '\0';
    *out = buf;
    *len = (size_t)zs.size;
    return ENT_OK;
}

static ent_status parse_xml(wbook *w, const char *name, xmlDoc **doc)
{
    char *text;
    size_t n = 0;
    ent_status st = member(w, name, &text, &n);
    *doc = NULL;
    if (st != ENT_OK)
        return st;
    xmlResetLastError();
    if (n <= (size_t)INT32_MAX)
        *doc = xmlReadMemory(text, (int)n, name, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                 XML_PARSE_HUGE);
    ent_free(w->ctx, text);
    if (!*doc) {
        const xmlError *e = xmlGetLastError();
        char msg[160] = "not well-formed";
        if (e && e->message) {
            snprintf(msg, sizeof msg, "%s", e->message);
            msg[strcspn(msg, "\n")] = '\0';
        }
        return ent_err(w->ctx, ENT_EPARSE, "%s: %s:%d: malformed XML: %s", w->label, name,
                       e ? e->line : 0, msg);
    }
    return ENT_OK;
}

static int is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* ------------------------------------------------------------ shared strings */

/* si_text appends the text of every <t> under n, skipping phonetic runs. */
static void si_text(const xmlNode *n, ent_rdbuf *b)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "rPh") || is(c, "phoneticPr"))
            continue;
        if (is(c, "t")) {
            xmlChar *t = xmlNodeGetContent(c);
            if (t)
                ent_rdbuf_put(b, (const char *)t, strlen((const char *)t));
            xmlFree(t);
        } else if (c->type == XML_ELEMENT_NODE)
            si_text(c, b);
    }
}

static ent_status load_sst(wbook *w)
{
    xmlDoc *doc;
    ent_status st;
    size_t cap = 0;
    zip_stat_t zs;
    if (zip_stat(w->z, "xl/sharedStrings.xml", 0, &zs) != 0)
        return ENT_OK; /* a workbook without text cells */
    if ((st = parse_xml(w, "xl/sharedStrings.xml", &doc)) != ENT_OK)
        return st;
    for (xmlNode *si = xmlDocGetRootElement(doc)->children; si; si = si->next) {
        if (!is(si, "si"))
            continue;
        ent_rdbuf b = {.ctx = w->ctx};
        char *s;
        size_t len;
        si_text(si, &b);
        if (w->nsst == cap && ent_grow_for(w->ctx, w->label, &w->sst, &cap, w->nsst + 1,
                                           sizeof *w->sst, MAXSST, "shared strings") != ENT_OK) {
            ent_free(w->ctx, b.p);
            st = ENT_ENOMEM;
            break;
        }
        if ((st = ent_rdbuf_done(&b, w->label, &s, &len)) != ENT_OK)
            break;
        w->sst[w->nsst++] = s;
    }
    xmlFreeDoc(doc);
    return st;
}

/* ------------------------------------------------------------ sheets */

/* sheet_paths finds the first two sheets in workbook order: their names and
 * the zip members the relationships point to. */
static ent_status sheet_paths(wbook *w, char path[2][256], char name[2][128], int *nsheets)
{
    xmlDoc *wb = NULL, *rels = NULL;
    ent_status st;
    *nsheets = 0;
    if ((st = parse_xml(w, "xl/workbook.xml", &wb)) != ENT_OK ||
        (st = parse_xml(w, "xl/_rels/workbook.xml.rels", &rels)) != ENT_OK)
        goto out;
    for (xmlNode *n = xmlDocGetRootElement(wb)->children; n; n = n->next) {
        if (!is(n, "sheets"))
            continue;
        for (xmlNode *s = n->children; s && *nsheets < 2; s = s->next) {
            if (!is(s, "sheet"))
                continue;
            xmlChar *id = xmlGetNsProp(
                s, (const xmlChar *)"id",
                (const xmlChar *)"http://schemas.openxmlformats.org/officeDocument/2006/relationships");
            xmlChar *nm = xmlGetProp(s, (const xmlChar *)"name");
            const char *target = NULL;
            for (xmlNode *r = xmlDocGetRootElement(rels)->children; r && id; r = r->next) {
                xmlChar *rid = is(r, "Relationship") ? xmlGetProp(r, (const xmlChar *)"Id") : NULL;
                if (rid && !strcmp((const char *)rid, (const char *)id)) {
                    xmlChar *t = xmlGetProp(r, (const xmlChar *)"Target");
                    if (t) {
                        if (t[0] == '/')
                            snprintf(path[*nsheets], 256, "%s", (const char *)t + 1);
                        else
                            snprintf(path[*nsheets], 256, "xl/%s", (const char *)t);
                        target = path[*nsheets];
                    }
                    xmlFree(t);
                }
                xmlFree(rid);
            }
            snprintf(name[*nsheets], 128, "%s", nm ? (const char *)nm : "?");
            xmlFree(id);
            xmlFree(nm);
            if (!target) {
                st = ent_err(w->ctx, ENT_EPARSE, "%s: sheet '%s' has no worksheet part",
                             w->label, name[*nsheets]);
                goto out;
            }
            (*nsheets)++;
        }
    }
out:
    xmlFreeDoc(wb);
    xmlFreeDoc(rels);
    return st;
}

static void col_name(size_t c, char *b)
{
    char t[8];
    int k = 0;
    for (c++; c; c = (c - 1) / 26)
        t[k++] = (char)('A' + (c - 1) % 26);
    for (int i = 0; i < k; i++)
        b[i] = t[k - 1 - i];
    b[k] = '\0';
}

/* cell_ref parses "BK174" into a 0-based column and row. */
static int cell_ref(const char *s, size_t *col, size_t *row)
{
    size_t c = 0, r = 0;
    int nl = 0, nd = 0;
    for (; *s >= 'A' && *s <= 'Z'; s++, nl++)
        c = c * 26 + (size_t)(*s - 'A' + 1);
    for (; *s >= '0' && *s <= '9'; s++, nd++)
        if ((r = r * 10 + (size_t)(*s - '0')) > 1048576)
            return 0;
    if (*s || nl == 0 || nl > 3 || nd == 0 || c == 0 || r == 0)
        return 0;
    *col = c - 1;
    *row = r - 1;
    return 1;
}

static void sheet_free(wbook *w)
{
    xmlFreeDoc(w->sheet);
    w->sheet = NULL;
    ent_free(w->ctx, w->grid);
    w->grid = NULL;
    w->nrow = w->ncol = 0;
}

/* load_sheet fills the grid from a worksheet part. */
static ent_status load_sheet(wbook *w, const char *part)
{
    ent_status st;
    xmlNode *data = NULL;
    size_t maxr = 0, maxc = 0;
    sheet_free(w);
    if ((st = parse_xml(w, part, &w->sheet)) != ENT_OK)
        return st;
    for (xmlNode *n = xmlDocGetRootElement(w->sheet)->children; n; n = n->next)
        if (is(n, "sheetData"))
            data = n;
    if (!data)
        return ENT_OK;
    /* two passes: the extent, then the cells */
    for (int pass = 0; pass < 2; pass++) {
        size_t r = 0;
        for (xmlNode *row = data->children; row; row = row->next) {
            if (!is(row, "row"))
                continue;
            xmlChar *rr = xmlGetProp(row, (const xmlChar *)"r");
            if (rr) {
                long v = strtol((const char *)rr, NULL, 10);
                if (v < 1 || v > 1048576) {
                    xmlFree(rr);
                    return ent_err(w->ctx, ENT_EPARSE, "%s: sheet '%s': row %ld: bad row number",
                                   w->label, w->sheetname, v);
                }
                r = (size_t)v - 1;
                xmlFree(rr);
            }
            size_t c = 0;
            for (xmlNode *cell = row->children; cell; cell = cell->next) {
                if (!is(cell, "c"))
                    continue;
                xmlChar *ref = xmlGetProp(cell, (const xmlChar *)"r");
                size_t rc = r;
                if (ref && !cell_ref((const char *)ref, &c, &rc)) {
                    st = ent_err(w->ctx, ENT_EPARSE, "%s: sheet '%s': bad cell reference '%.20s'",
                                 w->label, w->sheetname, (const char *)ref);
                    xmlFree(ref);
                    return st;
                }
                xmlFree(ref);
                if (pass == 0) {
                    maxr = rc + 1 > maxr ? rc + 1 : maxr;
                    maxc = c + 1 > maxc ? c + 1 : maxc;
                } else if (rc < w->nrow && c < w->ncol) {
                    xcell *x = &w->grid[rc * w->ncol + c];
                    xmlChar *t = xmlGetProp(cell, (const xmlChar *)"t");
                    const char *type = t ? (const char *)t : "n";
                    xmlNode *v = NULL, *is_ = NULL;
                    for (xmlNode *k = cell->children; k; k = k->next) {
                        if (is(k, "v"))
                            v = k;
                        if (is(k, "is"))
                            is_ = k;
                    }
                    const char *vt = v && v->children && v->children->type == XML_TEXT_NODE
                                         ? (const char *)v->children->content
                                         : v ? "" : NULL;
                    x->num = 0;
                    x->s = NULL;
                    if (!strcmp(type, "s")) {
                        char *end;
                        long k = vt ? strtol(vt, &end, 10) : -1;
                        if (!vt || *end || k < 0 || (size_t)k >= w->nsst) {
                            char cn[8];
                            col_name(c, cn);
                            st = ent_err(w->ctx, ENT_EPARSE, "%s: sheet '%s': cell %s%zu: shared "
                                         "string index '%.20s' out of range (%zu strings)",
                                         w->label, w->sheetname, cn, rc + 1, vt ? vt : "",
                                         w->nsst);
                            xmlFree(t);
                            return st;
                        }
                        x->s = w->sst[k];
                    } else if (!strcmp(type, "inlineStr")) {
                        if (is_ && is_->children) {
                            xmlNode *tt = NULL;
                            for (xmlNode *k = is_->children; k; k = k->next)
                                if (is(k, "t"))
                                    tt = k;
                            x->s = tt && tt->children ? (const char *)tt->children->content : "";
                        }
                    } else if (vt) {
                        x->s = vt;
                        x->num = !strcmp(type, "n") || !strcmp(type, "b");
                    }
                    xmlFree(t);
                }
                c++;
            }
            r++;
        }
        if (pass == 0) {
            if (maxr && maxc > MAXCELLS / maxr)
                return ent_err(w->ctx, ENT_EPARSE, "%s: sheet '%s': %zu rows x %zu columns is "
                               "too large", w->label, w->sheetname, maxr, maxc);
            w->nrow = maxr;
            w->ncol = maxc;
            if (maxr && !(w->grid = ent_calloc(w->ctx, maxr * maxc, sizeof *w->grid)))
                return ent_err(w->ctx, ENT_ENOMEM, "%s: out of memory", w->label);
        }
    }
    return ENT_OK;
}

static const xcell *at(const wbook *w, size_t r, size_t c)
{
    static const xcell none = {NULL, 0};
    return r < w->nrow && c < w->ncol ? &w->grid[r * w->ncol + c] : &none;
}

/* ------------------------------------------------------------ the table */

typedef struct keyset {
    ent_ctx *ctx;
    char **k;       /* "reporter\x1fpartner\x1fflow\x1fyear" */
    char **val;     /* "value\x1fflag" */
    size_t n, cap;  /* cap a power of two */
} keyset;

static uint64_t fnv(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* keyset_add: 1 added, 0 present with the same value, -1 present with
 * another value, -2 out of memory. */
static int keyset_add(keyset *ks, const char *key, const char *val)
{
    if (2 * (ks->n + 1) > ks->cap) {
        size_t nc = ks->cap ? ks->cap * 2 : 1 << 16;
        char **nk = ent_calloc(ks->ctx, nc, sizeof *nk), **nv = ent_calloc(ks->ctx, nc, sizeof *nv);
        if (!nk || !nv) {
            ent_free(ks->ctx, nk);
            ent_free(ks->ctx, nv);
            return -2;
        }
        for (size_t i = 0; i < ks->cap; i++) {
            if (!ks->k[i])
                continue;
            size_t j = fnv(ks->k[i]) & (nc - 1);
            while (nk[j])
                j = (j + 1) & (nc - 1);
            nk[j] = ks->k[i];
            nv[j] = ks->val[i];
        }
        ent_free(ks->ctx, ks->k);
        ent_free(ks->ctx, ks->val);
        ks->k = nk;
        ks->val = nv;
        ks->cap = nc;
    }
    size_t j = fnv(key) & (ks->cap - 1);
    while (ks->k[j]) {
        if (!strcmp(ks->k[j], key))
            return strcmp(ks->val[j], val) ? -1 : 0;
        j = (j + 1) & (ks->cap - 1);
    }
    if (!(ks->k[j] = ent_strdup(ks->ctx, key)) || !(ks->val[j] = ent_strdup(ks->ctx, val)))
        return -2;
    ks->n++;
    return 1;
}

static void keyset_free(keyset *ks)
{
    for (size_t i = 0; i < ks->cap; i++) {
        ent_free(ks->ctx, ks->k[i]);
        ent_free(ks->ctx, ks->val[i]);
    }
    ent_free(ks->ctx, ks->k);
    ent_free(ks->ctx, ks->val);
}

/* py_strip trims what Python's str.strip() trims in these files (ASCII white
 * space and no-break spaces) and returns the length left at *s. */
static size_t py_strip(const char **s, size_t n)
{
    const char *p = *s;
    while (n && (*p == ' ' || (*p >= '\t' && *p <= '\r')))
        p++, n--;
    while (n && (p[n - 1] == ' ' || (p[n - 1] >= '\t' && p[n - 1] <= '\r')))
        n--;
    *s = p;
    return n;
}

/* cell_value reads a value cell as convert_dots.py does. */
static int cell_value(const xcell *x, double *v, int *flag)
{
    char b[128], *end;
    size_t k = 0;
    const char *s = x->s;
    size_t n;
    *flag = 0;
    if (x->num) {
        *v = strtod(s, &end);
        return end != s && *end == '\0';
    }
    n = py_strip(&s, strlen(s));
    for (size_t i = 0; i < n && k < sizeof b - 1; i++)
        if (s[i] != ',')
            b[k++] = s[i];
    b[k] = '\0';
    if (k && b[k - 1] == 'e') {
        *flag = 1;
        b[--k] = '\0';
        const char *q = b;
        k = py_strip(&q, k);
        memmove(b, q, k);
        b[k] = '\0';
    }
    *v = strtod(b, &end);
    return k && end != b && *end == '\0' && !isnan(*v);
}

static int year_of(const xcell *x, int *y)
{
    char *end;
    const char *s = x->s;
    size_t n = py_strip(&s, strlen(s));
    char b[32];
    if (!n || n >= sizeof b)
        return 0;
    memcpy(b, s, n);
    b[n] = '\0';
    double d = strtod(b, &end);
    if (*end || d != floor(d) || d < -100000 || d > 100000)
        return 0;
    if (!x->num && strchr(b, '.'))
        return 0; /* int("1960.0") fails in Python */
    *y = (int)d;
    return 1;
}

/* workbook renders one workbook's rows (before de-duplication) into rows[]
 * as CSV lines and tells its reporter. */
static ent_status workbook(wbook *w, ent_rdbuf *rows, char *reporter, size_t rn)
{
    static const char *const flows[2] = {"exports_fob", "imports_cif"};
    char path[2][256], name[2][128];
    int nsheets;
    ent_status st;
    reporter[0] = '\0';
    if ((st = load_sst(w)) != ENT_OK || (st = sheet_paths(w, path, name, &nsheets)) != ENT_OK)
        return st;
    for (int sh = 0; sh < nsheets; sh++) {
        memcpy(w->sheetname, name[sh], sizeof w->sheetname);
        if ((st = load_sheet(w, path[sh])) != ENT_OK)
            return st;
        if (w->nrow < 8)
            continue;
        const xcell *rep = at(w, 3, 1);
        if (!rep->s)
            return ent_err(w->ctx, ENT_EPARSE, "%s: sheet '%s': cell B4: no reporter",
                           w->label, w->sheetname);
        snprintf(reporter, rn, "%s", rep->s);
        for (size_t r = 7; r < w->nrow; r++) {
            const xcell *partner = at(w, r, 1);
            if (!partner->s)
                continue;
            for (size_t j = 2; j < w->ncol; j++) {
                const xcell *x = at(w, r, j), *yc = at(w, 6, j);
                double v;
                int flag, year;
                char cn[8], b[96];
                if (!x->s || !yc->s)
                    continue;
                col_name(j, cn);
                if (!year_of(yc, &year))
                    return ent_err(w->ctx, ENT_EPARSE, "%s: sheet '%s': cell %s7: year '%.40s' "
                                   "is not an integer", w->label, w->sheetname, cn, yc->s);
                if (!cell_value(x, &v, &flag))
                    return ent_err(w->ctx, ENT_EPARSE, "%s: sheet '%s': cell %s%zu (partner "
                                   "'%.60s', %d): value '%.40s' is not a number", w->label,
                                   w->sheetname, cn, r + 1, partner->s, year, x->s);
                ent_rdbuf_field(rows, rep->s, strlen(rep->s), ',');
                ent_rdbuf_put(rows, ",", 1);
                ent_rdbuf_field(rows, partner->s, strlen(partner->s), ',');
                ent_rdbuf_put(rows, b, (size_t)snprintf(b, sizeof b, ",%s,%d,%.10g,%d\r\n",
                                                        flows[sh], year, v, flag));
            }
        }
    }
    sheet_free(w);
    return rows->oom ? ent_rdbuf_oom(rows, w->label) : ENT_OK;
}

static void wbook_close(wbook *w)
{
    sheet_free(w);
    for (size_t i = 0; i < w->nsst; i++)
        ent_free(w->ctx, w->sst[i]);
    ent_free(w->ctx, w->sst);
    w->sst = NULL;
    w->nsst = 0;
    if (w->z)
        zip_discard(w->z);
    w->z = NULL;
}

typedef struct dots {
    ent_ctx *ctx;
    ent_rdbuf out;
    keyset keys;
    char **reps, **repdata; /* reporters seen, with their workbook's rows */
    size_t nreps, repcap;
    const char **repfile;
} dots;

/* add_rows keeps the rows of one workbook whose keys are new. */
static ent_status add_rows(dots *d, const char *label, const char *rows, size_t n)
{
    const char *p = rows, *end = rows + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t k = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
        /* the key is everything before the value: the 4th comma outside quotes */
        char *line = ent_malloc(d->ctx, k + 1);
        if (!line)
            return ent_err(d->ctx, ENT_ENOMEM, "%s: out of memory", label);
        memcpy(line, p, k);
        line[k] = '\0';
        int q = 0, commas = 0;
        char *cut = NULL;
        for (char *c = line; *c && !cut; c++) {
            if (*c == '"')
                q = !q;
            else if (*c == ',' && !q && ++commas == 4)
                cut = c;
        }
        int rc = -2;
        if (cut) {
            *cut = '\0';
            rc = keyset_add(&d->keys, line, cut + 1);
            *cut = ',';
        }
        if (rc == 1)
            ent_rdbuf_put(&d->out, line, k);
        ent_free(d->ctx, line);
        if (rc == -1)
            return ent_err(d->ctx, ENT_EPARSE, "%s: conflicting values for %.*s", label,
                           (int)(cut - line), p);
        if (rc == -2)
            return ent_err(d->ctx, ENT_ENOMEM, "%s: out of memory", label);
        p += k;
    }
    return ENT_OK;
}

static ent_status dots_workbook(dots *d, const char *label, zip_t *z)
{
    wbook w = {.ctx = d->ctx, .label = label, .z = z};
    ent_rdbuf rows = {.ctx = d->ctx};
    char rep[512];
    ent_status st = workbook(&w, &rows, rep, sizeof rep);
    wbook_close(&w);
    if (st != ENT_OK) {
        ent_free(d->ctx, rows.p);
        return st;
    }
    if (!rep[0]) { /* no sheet with data */
        ent_free(d->ctx, rows.p);
        return ENT_OK;
    }
    for (size_t i = 0; i < d->nreps; i++) {
        if (strcmp(d->reps[i], rep))
            continue;
        int same = (rows.p ? rows.n : 0) == strlen(d->repdata[i]) &&
                   (!rows.p || !memcmp(rows.p, d->repdata[i], rows.n));
        ent_free(d->ctx, rows.p);
        if (!same)
            return ent_err(d->ctx, ENT_EPARSE, "%s: reporter '%s' also in %s, with other data",
                           label, rep, d->repfile[i]);
        return ENT_OK;
    }
    if (d->nreps == d->repcap) { /* three parallel arrays: one capacity from one start */
        size_t cr = d->repcap, cd = d->repcap, cf = d->repcap, need = d->nreps + 1;
        if ((st = ent_grow_for(d->ctx, label, &d->reps, &cr, need, sizeof *d->reps, MAXREPS,
                               "reporters")) != ENT_OK ||
            (st = ent_grow_for(d->ctx, label, &d->repdata, &cd, need, sizeof *d->repdata,
                               MAXREPS, "reporters")) != ENT_OK ||
            (st = ent_grow_for(d->ctx, label, &d->repfile, &cf, need, sizeof *d->repfile,
                               MAXREPS, "reporters")) != ENT_OK) {
            ent_free(d->ctx, rows.p);
            return st;
        }
        d->repcap = cr;
    }
    if (!(d->reps[d->nreps] = ent_strdup(d->ctx, rep))) {
        ent_free(d->ctx, rows.p);
        return ent_err(d->ctx, ENT_ENOMEM, "%s: out of memory", label);
    }
    if (!rows.p)
        ent_rdbuf_put(&rows, "", 0);
    d->repdata[d->nreps] = rows.p;
    d->repfile[d->nreps] = label;
    d->nreps++;
    if (!rows.p)
        return ent_err(d->ctx, ENT_ENOMEM, "%s: out of memory", label);
    return add_rows(d, label, rows.p, rows.n);
}

static void dots_free(dots *d)
{
    for (size_t i = 0; i < d->nreps; i++) {
        ent_free(d->ctx, d->reps[i]);
        ent_free(d->ctx, d->repdata[i]);
    }
    ent_free(d->ctx, d->reps);
    ent_free(d->ctx, d->repdata);
    ent_free(d->ctx, d->repfile);
    keyset_free(&d->keys);
    ent_free(d->ctx, d->out.p);
}

static const char HEADER[] =
    "reporter,partner,flow,year,value_usd_mn,imf_estimate_flag\r\n";

static int wb_number(const char *path)
{
    const char *u = strrchr(path, '_');
    return u ? atoi(u + 1) : 0;
}

static int by_number(const void *a, const void *b)
{
    int x = wb_number(*(const char *const *)a), y = wb_number(*(const char *const *)b);
    return (x > y) - (x < y);
}

ent_status ent_rd_xlsx_dots(ent_ctx *ctx, const char *const *given, size_t n, char **out,
                            size_t *len)
{
    dots d = {.ctx = ctx, .out = {.ctx = ctx}, .keys = {.ctx = ctx}};
    ent_status st = ENT_OK;
    const char **paths = ent_calloc(ctx, n ? n : 1, sizeof *paths);
    if (!paths)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    memcpy(paths, given, n * sizeof *paths);
    qsort(paths, n, sizeof *paths, by_number); /* DOTS_1 .. DOTS_235 */
    ent_rdbuf_put(&d.out, HEADER, sizeof HEADER - 1);
    for (size_t i = 0; i < n && st == ENT_OK; i++) {
        const char *base = strrchr(paths[i], '/');
        int zerr = 0;
        zip_t *z = zip_open(paths[i], ZIP_RDONLY, &zerr);
        base = base ? base + 1 : paths[i];
        if (!z) {
            zip_error_t ze;
            zip_error_init_with_code(&ze, zerr);
            st = ent_err(ctx, ENT_EPARSE, "%s: not a readable xlsx (zip) file: %s", paths[i],
                         zip_error_strerror(&ze));
            zip_error_fini(&ze);
            break;
        }
        st = dots_workbook(&d, base, z);
    }
    if (st == ENT_OK)
        st = ent_rdbuf_done(&d.out, "imf_dots", out, len);
    dots_free(&d);
    ent_free(ctx, paths);
    return st;
}

ent_status ent_rd_xlsx_mem(ent_ctx *ctx, const char *label, const unsigned char *data, size_t n,
                           char **out, size_t *len)
{
    dots d = {.ctx = ctx, .out = {.ctx = ctx}, .keys = {.ctx = ctx}};
    zip_error_t ze;
    zip_source_t *src;
    zip_t *z;
    ent_status st;
    zip_error_init(&ze);
    if (!(src = zip_source_buffer_create(data, n, 0, &ze))) {
        zip_error_fini(&ze);
        return ent_err(ctx, ENT_ENOMEM, "%s: out of memory", label);
    }
    if (!(z = zip_open_from_source(src, ZIP_RDONLY, &ze))) {
        st = ent_err(ctx, ENT_EPARSE, "%s: not a readable xlsx (zip) file: %s", label,
                     zip_error_strerror(&ze));
        zip_source_free(src);
        zip_error_fini(&ze);
        return st;
    }
    zip_error_fini(&ze);
    ent_rdbuf_put(&d.out, HEADER, sizeof HEADER - 1);
    st = dots_workbook(&d, label, z);
    if (st == ENT_OK)
        st = ent_rdbuf_done(&d.out, label, out, len);
    dots_free(&d);
    return st;
}
