/*
 * rd_xml.c -- reader backend (recipe "xml") for the State Department
 * Office of the Historian's XML (HistoryAtState/visits data/NNNN.xml and
 * HistoryAtState/travels {president,secretary}-travels/NAME.xml) through
 * libxml2.  A set of files renders one table, as the prepared TSVs were made
 * (python xml.etree): one row per record element in file order, every text
 * whitespace-collapsed (runs of Unicode white space one space, trimmed),
 * rows stably sorted by start date, written as csv.writer does.
 *   <visits><visit>: id,start_date,end_date,visitor,from_country_id,
 *                    from_country,description
 *   <trips><trip role who>: id,role,who,name,start_date,end_date,
 *                    country_id,country,locale,remarks
 * Ownership: rows are collected in one growing array of strings, freed
 * before returning; the document is freed after each file.
 */
#include "rd.h"
#include "dynbuf.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { VISITS = 1, TRIPS = 2 };

#define MAXRECORDS ((size_t)1 << 24) /* visits or trips of one recipe (thousands in all) */

static const char *const VISIT_COLS[] = {"id", "start_date", "end_date", "visitor",
                                         "from_country_id", "from_country", "description"};
static const char *const TRIP_COLS[] = {"id", "start_date", "end_date", "name", "role", "who",
                                        "country_id", "country", "locale", "remarks"};
/* output order of the trip columns above */
static const int TRIP_ORDER[] = {0, 4, 5, 3, 1, 2, 6, 7, 8, 9};

typedef struct xrow {
    char *f[10];
    size_t seq;
} xrow;

typedef struct xtab {
    ent_ctx *ctx;
    int kind;
    xrow *r;
    size_t n, cap;
} xtab;

/* ws_len is the length of the Unicode white space (as Python's \s) at s, or 0. */
static size_t ws_len(const unsigned char *s)
{
    if (*s == ' ' || (*s >= '\t' && *s <= '\r') || (*s >= 0x1c && *s <= 0x1f))
        return 1;
    if (s[0] == 0xc2 && (s[1] == 0x85 || s[1] == 0xa0))
        return 2;
    if (s[0] == 0xe1 && s[1] == 0x9a && s[2] == 0x80)
        return 3;
    if (s[0] == 0xe2 && s[1] == 0x80 && ((s[2] >= 0x80 && s[2] <= 0x8a) || s[2] == 0xa8 ||
                                         s[2] == 0xa9 || s[2] == 0xaf))
        return 3;
    if (s[0] == 0xe2 && s[1] == 0x81 && s[2] == 0x9f)
        return 3;
    if (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    return 0;
}

/* collapse makes a copy of s with white space runs one space, trimmed. */
static char *collapse(ent_ctx *ctx, const char *s)
{
    size_t n = s ? strlen(s) : 0, k = 0;
    char *o = ent_malloc(ctx, n + 1);
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    int pend = 0;
    if (!o)
        return NULL;
    while (*p) {
        size_t w = ws_len(p);
        if (w) {
            pend = k > 0;
            p += w;
            continue;
        }
        if (pend)
            o[k++] = ' ';
        pend = 0;
        o[k++] = (char)*p++;
    }
    o[k] = '\0';
    return o;
}

static xmlNode *child(xmlNode *e, const char *name)
{
    for (xmlNode *c = e->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name))
            return c;
    return NULL;
}

/* text_of is the collapsed text of e (all descendants), "" for NULL. */
static char *text_of(ent_ctx *ctx, xmlNode *e)
{
    xmlChar *t = e ? xmlNodeGetContent(e) : NULL;
    char *s = collapse(ctx, (const char *)t);
    xmlFree(t);
    return s;
}

static char *attr_of(ent_ctx *ctx, xmlNode *e, const char *name)
{
    xmlChar *t = e ? xmlGetProp(e, (const xmlChar *)name) : NULL;
    char *s = ent_strdup(ctx, t ? (const char *)t : "");
    xmlFree(t);
    return s;
}

static ent_status add_record(xtab *t, xmlNode *e, const char *label)
{
    xrow *r;
    if (t->n == t->cap && ent_grow_for(t->ctx, label, &t->r, &t->cap, t->n + 1, sizeof *t->r,
                                       MAXRECORDS, "records") != ENT_OK)
        return ENT_ENOMEM;
    r = &t->r[t->n];
    memset(r, 0, sizeof *r);
    r->seq = t->n++;
    if (t->kind == VISITS) {
        xmlNode *from = child(e, "from");
        r->f[0] = text_of(t->ctx, child(e, "id"));
        r->f[1] = text_of(t->ctx, child(e, "start-date"));
        r->f[2] = text_of(t->ctx, child(e, "end-date"));
        r->f[3] = text_of(t->ctx, child(e, "visitor"));
        r->f[4] = attr_of(t->ctx, from, "id");
        r->f[5] = text_of(t->ctx, from);
        r->f[6] = text_of(t->ctx, child(e, "description"));
        for (int i = 0; i < 7; i++)
            if (!r->f[i])
                return ent_err(t->ctx, ENT_ENOMEM, "%s: out of memory", label);
        return ENT_OK;
    }
    xmlNode *country = child(e, "country");
    r->f[0] = text_of(t->ctx, child(e, "id"));
    r->f[1] = text_of(t->ctx, child(e, "start-date"));
    r->f[2] = text_of(t->ctx, child(e, "end-date"));
    r->f[3] = text_of(t->ctx, child(e, "name"));
    r->f[4] = attr_of(t->ctx, e, "role");
    if (r->f[4] && !*r->f[4]) { /* the attribute, else the element */
        ent_free(t->ctx, r->f[4]);
        r->f[4] = text_of(t->ctx, child(e, "role"));
    }
    r->f[5] = attr_of(t->ctx, e, "who");
    r->f[6] = attr_of(t->ctx, country, "id");
    r->f[7] = text_of(t->ctx, country);
    r->f[8] = text_of(t->ctx, child(e, "locale"));
    r->f[9] = text_of(t->ctx, child(e, "remarks"));
    for (int i = 0; i < 10; i++)
        if (!r->f[i])
            return ent_err(t->ctx, ENT_ENOMEM, "%s: out of memory", label);
    return ENT_OK;
}

static ent_status parse_one(xtab *t, const char *label, const char *data, size_t n)
{
    xmlDoc *doc;
    xmlNode *root;
    ent_status st = ENT_OK;
    int kind;
    const char *want;
    if (n > (size_t)INT32_MAX)
        return ent_err(t->ctx, ENT_EPARSE, "%s: too large for the XML reader", label);
    xmlResetLastError();
    doc = xmlReadMemory(data, (int)n, label, NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) {
        const xmlError *e = xmlGetLastError();
        char msg[200] = "not well-formed";
        if (e && e->message) {
            snprintf(msg, sizeof msg, "%s", e->message);
            msg[strcspn(msg, "\n")] = '\0';
        }
        return ent_err(t->ctx, ENT_EPARSE, "%s:%d: malformed XML: %s", label, e ? e->line : 0,
                       msg);
    }
    root = xmlDocGetRootElement(doc);
    if (!root || (strcmp((const char *)root->name, "visits") &&
                  strcmp((const char *)root->name, "trips"))) {
        st = ent_err(t->ctx, ENT_EPARSE, "%s:%d: root element <%s>: expected <visits> or <trips>",
                     label, root ? root->line : 1, root ? (const char *)root->name : "");
        goto out;
    }
    kind = !strcmp((const char *)root->name, "visits") ? VISITS : TRIPS;
    want = kind == VISITS ? "visit" : "trip";
    if (t->kind && t->kind != kind) {
        st = ent_err(t->ctx, ENT_EPARSE, "%s:%d: <%s> in a set of <%s> files", label, root->line,
                     root->name, t->kind == VISITS ? "visits" : "trips");
        goto out;
    }
    t->kind = kind;
    for (xmlNode *e = root->children; e && st == ENT_OK; e = e->next) {
        if (e->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)e->name, want)) {
            st = ent_err(t->ctx, ENT_EPARSE, "%s:%d: element <%s> in <%s>: expected <%s>",
                         label, e->line, e->name, root->name, want);
            break;
        }
        st = add_record(t, e, label);
    }
out:
    xmlFreeDoc(doc);
    return st;
}

static int by_start(const void *a, const void *b)
{
    const xrow *x = a, *y = b;
    int c = strcmp(x->f[1], y->f[1]); /* start date is column 1 of both kinds */
    return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static ent_status render(xtab *t, const char *label, char delim, char **out, size_t *len)
{
    ent_rdbuf b = {.ctx = t->ctx};
    char d[1] = {delim};
    size_t nc = t->kind == VISITS ? 7 : 10;
    qsort(t->r, t->n, sizeof *t->r, by_start);
    for (size_t j = 0; j < nc; j++) {
        const char *h = t->kind == VISITS ? VISIT_COLS[j] : TRIP_COLS[TRIP_ORDER[j]];
        if (j)
            ent_rdbuf_put(&b, d, 1);
        ent_rdbuf_field(&b, h, strlen(h), delim);
    }
    ent_rdbuf_put(&b, "\n", 1);
    for (size_t i = 0; i < t->n; i++) {
        for (size_t j = 0; j < nc; j++) {
            const char *f = t->r[i].f[t->kind == VISITS ? (int)j : TRIP_ORDER[j]];
            if (j)
                ent_rdbuf_put(&b, d, 1);
            ent_rdbuf_field(&b, f, strlen(f), delim);
        }
        ent_rdbuf_put(&b, "\n", 1);
    }
    return ent_rdbuf_done(&b, label, out, len);
}

static void tab_free(xtab *t)
{
    for (size_t i = 0; i < t->n; i++)
        for (int j = 0; j < 10; j++)
            ent_free(t->ctx, t->r[i].f[j]);
    ent_free(t->ctx, t->r);
}

ent_status ent_rd_xml_mem(ent_ctx *ctx, const char *label, const char *data, size_t n,
                          char delim, char **out, size_t *len)
{
    xtab t = {.ctx = ctx};
    ent_status st = parse_one(&t, label, data, n);
    if (st == ENT_OK)
        st = render(&t, label, delim, out, len);
    tab_free(&t);
    return st;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

ent_status ent_rd_xml(ent_ctx *ctx, const char *const *given, size_t n, char delim, char **out,
                      size_t *len)
{
    xtab t = {.ctx = ctx};
    ent_status st = ENT_OK;
    const char *base = NULL;
    const char **paths = ent_calloc(ctx, n ? n : 1, sizeof *paths);
    if (!paths)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    memcpy(paths, given, n * sizeof *paths);
    qsort(paths, n, sizeof *paths, by_path); /* the files in name order, as sorted(glob) */
    for (size_t i = 0; i < n && st == ENT_OK; i++) {
        unsigned char *data;
        size_t k;
        base = strrchr(paths[i], '/');
        base = base ? base + 1 : paths[i];
        if ((st = ent_rd_slurp(ctx, paths[i], &data, &k)) != ENT_OK)
            break;
        st = parse_one(&t, base, (const char *)data, k);
        ent_free(ctx, data);
    }
    if (st == ENT_OK)
        st = render(&t, base ? base : "xml", delim, out, len);
    tab_free(&t);
    ent_free(ctx, paths);
    return st;
}
