/*
 * rd_rds.c -- a small reader of R's serialization format (XDR, versions 2
 * and 3, as written by saveRDS and save), for what librdata cannot read:
 * lists of matrices.  Recipe "rds-matrices" (rd.h): a .rds holding a list of
 * one numeric matrix per year (rows exporter/supplier, columns importer/
 * recipient, dimnames the country names) and an .RData workspace holding the
 * data frame country_list (columns V1 = the names, COW, iso3) become the long
 * CSV the prepared files hold, as R made them:
 *   w <- which(m != 0, arr.ind = TRUE)   # column-major; NA and 0 dropped
 *   data.frame(year, from = rownames(m)[w[,1]], to = colnames(m)[w[,2]],
 *              from_cow = cl$COW[w[,1]], to_cow = cl$COW[w[,2]],
 *              from_iso3 = cl$iso3[w[,1]], to_iso3 = cl$iso3[w[,2]], VALUE)
 *   write.csv(..., row.names = FALSE)
 * The list has no names: the first year and the value column are the
 * publisher's, known by the file's name (table `known` below).
 *
 * Recipe "rda-listcols": a workspace's data frame with list columns
 * (peacesciencer's ps_bib.rda: AUTHOR and EDITOR), which librdata refuses,
 * rendered as the other .rda files are (rd.h), a list element's strings
 * joined by ';'.
 *
 * The format (R Internals, "Serialization Formats"): after "X\n" (an .RData
 * starts with "RDX2\n"/"RDX3\n" first), three ints (format version, writer and
 * reader R versions; version 3 adds the native encoding), then one item: an
 * int of flags (type in the low byte, object bit 8, attribute bit 9, tag bit
 * 10, levels above) and the type's payload; vectors carry their attributes
 * after the payload, pairlists before.  References (REFSXP) point back to
 * symbols, environments and external pointers already read.
 *
 * Ownership: every object read lives in one arena, freed at the end of the
 * call.  Bad input is ENT_EPARSE naming the file, the byte offset and what
 * was expected; nesting deeper than MAXDEPTH and lengths past the input are
 * refused before anything is allocated for them.
 */
#include "rd.h"
#include "dynbuf.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define MAXDEPTH 256
#define MAXREFS ((size_t)1 << 24) /* reference objects (symbols, environments) of one file */

enum {
    NILSXP = 0, SYMSXP = 1, LISTSXP = 2, CLOSXP = 3, ENVSXP = 4, PROMSXP = 5, LANGSXP = 6,
    SPECIALSXP = 7, BUILTINSXP = 8, CHARSXP = 9, LGLSXP = 10, INTSXP = 13, REALSXP = 14,
    CPLXSXP = 15, STRSXP = 16, DOTSXP = 17, VECSXP = 19, EXPRSXP = 20, EXTPTRSXP = 22,
    WEAKREFSXP = 23, RAWSXP = 24, S4SXP = 25,
    ALTREP_SXP = 238, ATTRLISTSXP = 239, ATTRLANGSXP = 240, BASEENV_SXP = 241,
    EMPTYENV_SXP = 242, GENERICREFSXP = 245, CLASSREFSXP = 246, PERSISTSXP = 247,
    PACKAGESXP = 248, NAMESPACESXP = 249, BASENAMESPACE_SXP = 250, MISSINGARG_SXP = 251,
    UNBOUNDVALUE_SXP = 252, GLOBALENV_SXP = 253, NILVALUE_SXP = 254, REFSXP = 255
};

typedef struct robj robj;
struct robj {
    int type;
    size_t n;         /* vector length */
    int32_t *i;       /* LGLSXP, INTSXP */
    double *d;        /* REALSXP */
    robj **v;         /* STRSXP (CHARSXP items), VECSXP, EXPRSXP */
    char *s;          /* CHARSXP (NULL: NA_character_), SYMSXP name */
    robj *attr;       /* a pairlist, or NULL */
    robj *tag, *car, *cdr; /* pairlists */
    robj *next_alloc;
};

typedef struct rin {
    ent_ctx *ctx;
    const char *label;
    const unsigned char *p;
    size_t n, pos;
    robj *arena;
    robj **refs;
    size_t nrefs, caprefs;
    ent_status st;
} rin;

static robj NIL = {.type = NILSXP};

static ent_status bad(rin *r, const char *what)
{
    if (r->st == ENT_OK)
        r->st = ent_err(r->ctx, ENT_EPARSE, "%s: byte %zu: %s", r->label, r->pos, what);
    return r->st;
}

static robj *new_obj(rin *r, int type)
{
    robj *o = ent_calloc(r->ctx, 1, sizeof *o);
    if (!o) {
        if (r->st == ENT_OK)
            r->st = ent_err(r->ctx, ENT_ENOMEM, "%s: out of memory", r->label);
        return NULL;
    }
    o->type = type;
    o->next_alloc = r->arena;
    r->arena = o;
    return o;
}

static void arena_free(rin *r)
{
    for (robj *o = r->arena, *nx; o; o = nx) {
        nx = o->next_alloc;
        ent_free(r->ctx, o->i);
        ent_free(r->ctx, o->d);
        ent_free(r->ctx, o->v);
        ent_free(r->ctx, o->s);
        ent_free(r->ctx, o);
    }
    ent_free(r->ctx, r->refs);
}

static int get_int(rin *r, int32_t *v)
{
    if (r->n - r->pos < 4)
        return bad(r, "truncated (an integer expected)"), 0;
    const unsigned char *b = r->p + r->pos;
    *v = (int32_t)((uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3]);
    r->pos += 4;
    return 1;
}

/* get_len reads a vector length (a long one as two ints) and checks that
 * the input can hold that many elements of elsize bytes each. */
static int get_len(rin *r, size_t elsize, size_t *len)
{
    int32_t a, b;
    if (!get_int(r, &a))
        return 0;
    if (a < -1)
        return bad(r, "negative vector length"), 0;
    if (a == -1) {
        if (!get_int(r, &a) || !get_int(r, &b))
            return 0;
        if (a < 0 || b < 0 || a > 0)
            return bad(r, "vector length past 2^31 in a long vector"), 0;
        *len = (size_t)b;
    } else
        *len = (size_t)a;
    if (elsize && *len > (r->n - r->pos) / elsize)
        return bad(r, "vector longer than the rest of the file"), 0;
    return 1;
}

static int add_ref(rin *r, robj *o)
{
    if (r->nrefs == r->caprefs && ent_grow_for(r->ctx, r->label, &r->refs, &r->caprefs,
                                               r->nrefs + 1, sizeof *r->refs, MAXREFS,
                                               "references") != ENT_OK)
        return r->st = ENT_ENOMEM, 0;
    r->refs[r->nrefs++] = o;
    return 1;
}

static robj *item(rin *r, int depth);

/* charsxp reads the length and bytes of a CHARSXP (its flags already read). */
static robj *charsxp(rin *r)
{
    int32_t len;
    robj *o;
    if (!get_int(r, &len) || !(o = new_obj(r, CHARSXP)))
        return NULL;
    if (len == -1)
        return o; /* NA_character_ */
    if (len < 0 || (size_t)len > r->n - r->pos)
        return bad(r, "string longer than the rest of the file"), NULL;
    if (!(o->s = ent_malloc(r->ctx, (size_t)len + 1)))
        return r->st = ent_err(r->ctx, ENT_ENOMEM, "%s: out of memory", r->label), NULL;
    memcpy(o->s, r->p + r->pos, (size_t)len);
    o->s[len] = '\0';
    if (memchr(o->s, '\0', (size_t)len))
        return bad(r, "NUL byte inside a string"), NULL;
    r->pos += (size_t)len;
    return o;
}

static robj *vector(rin *r, int type, int depth)
{
    robj *o = new_obj(r, type);
    size_t len;
    if (!o)
        return NULL;
    switch (type) {
    case LGLSXP:
    case INTSXP:
        if (!get_len(r, 4, &len) || !(o->i = ent_calloc(r->ctx, len ? len : 1, 4)))
            break;
        for (size_t k = 0; k < len; k++)
            get_int(r, &o->i[k]);
        o->n = len;
        return o;
    case REALSXP:
        if (!get_len(r, 8, &len) || !(o->d = ent_calloc(r->ctx, len ? len : 1, 8)))
            break;
        for (size_t k = 0; k < len; k++) {
            const unsigned char *b = r->p + r->pos + 8 * k;
            uint64_t u = 0;
            for (int j = 0; j < 8; j++)
                u = u << 8 | b[j];
            memcpy(&o->d[k], &u, 8);
        }
        r->pos += 8 * len;
        o->n = len;
        return o;
    case STRSXP:
    case VECSXP:
    case EXPRSXP:
        if (!get_len(r, 4, &len) || !(o->v = ent_calloc(r->ctx, len ? len : 1, sizeof *o->v)))
            break;
        o->n = len;
        for (size_t k = 0; k < len; k++)
            if (!(o->v[k] = item(r, depth + 1)))
                return NULL;
        if (type == STRSXP)
            for (size_t k = 0; k < len; k++)
                if (o->v[k]->type != CHARSXP)
                    return bad(r, "a character vector holds a non-string"), NULL;
        return o;
    case RAWSXP:
        if (!get_len(r, 1, &len))
            break;
        r->pos += len;
        o->n = len;
        return o;
    case CPLXSXP:
        if (!get_len(r, 16, &len))
            break;
        r->pos += 16 * len;
        o->n = len;
        return o;
    }
    if (r->st == ENT_OK)
        r->st = ent_err(r->ctx, ENT_ENOMEM, "%s: out of memory", r->label);
    return NULL;
}

/* altrep expands the compact sequences R 3.5+ writes for 1:n; the wrappers
 * (wrap_*) stand for their payload; other classes are refused. */
static robj *altrep(rin *r, int depth)
{
    robj *info = item(r, depth + 1), *state, *attr, *o = NULL;
    const char *cls;
    if (!info || !(state = item(r, depth + 1)) || !(attr = item(r, depth + 1)))
        return NULL;
    cls = info->type == LISTSXP && info->car && info->car->type == SYMSXP ? info->car->s : "";
    if (!strcmp(cls, "compact_intseq") || !strcmp(cls, "compact_realseq")) {
        int isint = cls[8] == 'i';
        if (state->type != REALSXP || state->n != 3 || !(state->d[0] >= 0) ||
            state->d[0] > (double)(1 << 24))
            return bad(r, "malformed compact sequence"), NULL;
        size_t len = (size_t)state->d[0];
        if (!(o = new_obj(r, isint ? INTSXP : REALSXP)))
            return NULL;
        if (isint ? !(o->i = ent_calloc(r->ctx, len ? len : 1, 4))
                  : !(o->d = ent_calloc(r->ctx, len ? len : 1, 8)))
            return r->st = ent_err(r->ctx, ENT_ENOMEM, "%s: out of memory", r->label), NULL;
        for (size_t k = 0; k < len; k++) {
            double v = state->d[1] + (double)k * state->d[2];
            if (isint)
                o->i[k] = (int32_t)v;
            else
                o->d[k] = v;
        }
        o->n = len;
    } else if (!strncmp(cls, "wrap_", 5) && state->type == VECSXP && state->n >= 1) {
        o = state->v[0];
    } else {
        char msg[120];
        snprintf(msg, sizeof msg, "unsupported ALTREP class '%.40s'", cls);
        return bad(r, msg), NULL;
    }
    if (attr->type != NILSXP && o != &NIL)
        o->attr = attr;
    return o;
}

static robj *item(rin *r, int depth)
{
    int32_t flags, k;
    robj *o = NULL;
    if (r->st != ENT_OK)
        return NULL;
    if (depth > MAXDEPTH)
        return bad(r, "objects nested too deeply"), NULL;
    if (!get_int(r, &flags))
        return NULL;
    int type = flags & 0xff, hasattr = flags & (1 << 9), hastag = flags & (1 << 10);
    switch (type) {
    case NILVALUE_SXP:
    case EMPTYENV_SXP:
    case BASEENV_SXP:
    case GLOBALENV_SXP:
    case UNBOUNDVALUE_SXP:
    case MISSINGARG_SXP:
    case BASENAMESPACE_SXP:
        return &NIL;
    case REFSXP:
        k = flags >> 8;
        if (k == 0 && !get_int(r, &k))
            return NULL;
        if (k < 1 || (size_t)k > r->nrefs)
            return bad(r, "reference to an object not read"), NULL;
        return r->refs[k - 1];
    case PERSISTSXP:
    case PACKAGESXP:
    case NAMESPACESXP: {
        int32_t zero;
        if (!get_int(r, &zero) || !(o = vector(r, STRSXP, depth)) || !add_ref(r, o))
            return NULL;
        return o;
    }
    case SYMSXP: {
        robj *name = item(r, depth + 1);
        if (!name)
            return NULL;
        if (name->type != CHARSXP)
            return bad(r, "a symbol without a name"), NULL;
        if (!(o = new_obj(r, SYMSXP)) || !add_ref(r, o))
            return NULL;
        o->s = name->s; /* moved: name is never used again */
        name->s = NULL;
        if (!o->s && !(o->s = ent_strdup(r->ctx, "NA")))
            return r->st = ent_err(r->ctx, ENT_ENOMEM, "%s: out of memory", r->label), NULL;
        return o;
    }
    case ENVSXP: {
        int32_t locked;
        if (!get_int(r, &locked) || !(o = new_obj(r, ENVSXP)) || !add_ref(r, o))
            return NULL;
        if (!item(r, depth + 1) || !item(r, depth + 1) || !item(r, depth + 1) ||
            !item(r, depth + 1))
            return NULL; /* enclosure, frame, hash table, attributes */
        return o;
    }
    case LISTSXP:
    case LANGSXP:
    case CLOSXP:
    case PROMSXP:
    case DOTSXP:
    case ATTRLISTSXP:
    case ATTRLANGSXP: {
        /* a pairlist: read iteratively along its cdr */
        robj *head = NULL, **tail = &head;
        for (;;) {
            robj *cell = new_obj(r, type == ATTRLISTSXP ? LISTSXP : type);
            if (!cell)
                return NULL;
            if (hasattr && !(cell->attr = item(r, depth + 1)))
                return NULL;
            if (hastag && !(cell->tag = item(r, depth + 1)))
                return NULL;
            if (!(cell->car = item(r, depth + 1)))
                return NULL;
            *tail = cell;
            tail = &cell->cdr;
            if (!get_int(r, &flags))
                return NULL;
            type = flags & 0xff;
            hasattr = flags & (1 << 9);
            hastag = flags & (1 << 10);
            if (type != LISTSXP && type != LANGSXP && type != ATTRLISTSXP &&
                type != ATTRLANGSXP) {
                r->pos -= 4; /* the cdr is another kind of item */
                if (!(*tail = item(r, depth + 1)))
                    return NULL;
                break;
            }
        }
        return head;
    }
    case EXTPTRSXP:
        if (!(o = new_obj(r, EXTPTRSXP)) || !add_ref(r, o) || !item(r, depth + 1) ||
            !item(r, depth + 1))
            return NULL; /* protected value, tag */
        break;
    case WEAKREFSXP:
        if (!(o = new_obj(r, WEAKREFSXP)) || !add_ref(r, o))
            return NULL;
        break;
    case SPECIALSXP:
    case BUILTINSXP: {
        size_t len;
        if (!get_len(r, 1, &len) || !(o = new_obj(r, type)))
            return NULL;
        r->pos += len;
        break;
    }
    case CHARSXP:
        if (!(o = charsxp(r)))
            return NULL;
        break;
    case LGLSXP:
    case INTSXP:
    case REALSXP:
    case CPLXSXP:
    case STRSXP:
    case VECSXP:
    case EXPRSXP:
    case RAWSXP:
        if (!(o = vector(r, type, depth)))
            return NULL;
        break;
    case S4SXP:
        if (!(o = new_obj(r, S4SXP)))
            return NULL;
        break;
    case ALTREP_SXP:
        return altrep(r, depth);
    default: {
        char msg[80];
        snprintf(msg, sizeof msg, "unsupported object type %d", type);
        return bad(r, msg), NULL;
    }
    }
    if (hasattr && !(o->attr = item(r, depth + 1)))
        return NULL;
    return o;
}

/* unserialize reads the header and the one object of a .rds or .RData. */
static robj *unserialize(rin *r, int workspace)
{
    int32_t version, wr, rd;
    if (workspace) {
        if (r->n < 5 || (memcmp(r->p, "RDX2\n", 5) && memcmp(r->p, "RDX3\n", 5)))
            return bad(r, "not an R workspace (no RDX2/RDX3 header)"), NULL;
        r->pos = 5;
    }
    if (r->n - r->pos < 2 || memcmp(r->p + r->pos, "X\n", 2))
        return bad(r, "not R's XDR serialization (no 'X' header; ascii and native formats "
                      "are not read)"), NULL;
    r->pos += 2;
    if (!get_int(r, &version) || !get_int(r, &wr) || !get_int(r, &rd))
        return NULL;
    if (version != 2 && version != 3)
        return bad(r, "serialization version is not 2 or 3"), NULL;
    if (version == 3) {
        size_t len;
        if (!get_len(r, 1, &len))
            return NULL;
        r->pos += len;
    }
    return item(r, 0);
}

static robj *attr_get(const robj *o, const char *name)
{
    for (const robj *a = o->attr; a && a->type == LISTSXP; a = a->cdr)
        if (a->tag && a->tag->type == SYMSXP && !strcmp(a->tag->s, name))
            return a->car;
    return NULL;
}

/* ------------------------------------------------------------ the recipe */

static const struct {
    const char *file;  /* the .rds's name */
    int first_year;
    const char *value; /* the value column */
} known[] = {
    {"itpd_aggregated.rds", 2000, "exports_const2010usd"}, /* ITPD-E 2000-2016, 17 years */
    {"sipri_tiv.rds", 1950, "tiv_ordered"},                /* SIPRI TIV 1950-2018, 69 years */
};

static const robj *df_col(const robj *df, const char *name)
{
    const robj *nm = attr_get(df, "names");
    if (!nm || nm->type != STRSXP || nm->n != df->n)
        return NULL;
    for (size_t j = 0; j < nm->n; j++)
        if (nm->v[j]->s && !strcmp(nm->v[j]->s, name))
            return df->v[j];
    return NULL;
}

static void put_str(ent_rdbuf *b, const robj *c) /* write.csv: quoted, NA bare */
{
    if (!c->s) {
        ent_rdbuf_put(b, "NA", 2);
        return;
    }
    ent_rdbuf_put(b, "\"", 1);
    for (const char *s = c->s, *q;; s = q + 1) {
        if (!(q = strchr(s, '"'))) {
            ent_rdbuf_put(b, s, strlen(s));
            break;
        }
        ent_rdbuf_put(b, s, (size_t)(q - s) + 1);
        ent_rdbuf_put(b, "\"", 1);
    }
    ent_rdbuf_put(b, "\"", 1);
}

static void put_int(ent_rdbuf *b, int32_t v)
{
    char t[16];
    if (v == INT32_MIN)
        ent_rdbuf_put(b, "NA", 2);
    else
        ent_rdbuf_put(b, t, (size_t)snprintf(t, sizeof t, "%d", (int)v));
}

ent_status ent_rd_rds_mem(ent_ctx *ctx, const char *label, const unsigned char *data, size_t n,
                          const unsigned char *clist, size_t cn, char **out, size_t *len)
{
    rin a = {.ctx = ctx, .label = label, .p = data, .n = n};
    rin c = {.ctx = ctx, .label = "country_list.RData", .p = clist, .n = cn};
    const robj *top, *ws, *cl = NULL, *names, *cow, *iso;
    ent_rdbuf b = {.ctx = ctx};
    ent_status st = ENT_OK;
    int first = 0;
    const char *value = NULL;
    const char *base = strrchr(label, '/');

    *out = NULL;
    *len = 0;
    base = base ? base + 1 : label;
    for (size_t k = 0; k < sizeof known / sizeof known[0]; k++)
        if (!strcmp(base, known[k].file)) {
            first = known[k].first_year;
            value = known[k].value;
        }
    if (!value) {
        st = ent_err(ctx, ENT_EINVAL, "%s: not a list of year matrices this recipe knows "
                                      "(itpd_aggregated.rds, sipri_tiv.rds)", label);
        goto out;
    }
    if (!(top = unserialize(&a, 0)) || !(ws = unserialize(&c, 1))) {
        st = a.st != ENT_OK ? a.st : c.st;
        goto out;
    }
    for (const robj *p = ws; p && p->type == LISTSXP; p = p->cdr)
        if (p->tag && p->tag->type == SYMSXP && !strcmp(p->tag->s, "country_list"))
            cl = p->car;
    if (!cl || cl->type != VECSXP) {
        st = ent_err(ctx, ENT_EPARSE, "%s: no data frame 'country_list'", c.label);
        goto out;
    }
    names = df_col(cl, "V1");
    cow = df_col(cl, "COW");
    iso = df_col(cl, "iso3");
    if (!names || names->type != STRSXP || !cow || cow->type != INTSXP || !iso ||
        iso->type != STRSXP || cow->n != names->n || iso->n != names->n) {
        st = ent_err(ctx, ENT_EPARSE, "%s: country_list lacks the columns V1 (text), COW "
                                      "(integer) and iso3 (text) of one length", c.label);
        goto out;
    }
    if (top->type != VECSXP) {
        st = ent_err(ctx, ENT_EPARSE, "%s: not a list (R type %d)", label, top->type);
        goto out;
    }
    static const char head[] =
        "\"year\",\"from\",\"to\",\"from_cow\",\"to_cow\",\"from_iso3\",\"to_iso3\",\"";
    ent_rdbuf_put(&b, head, sizeof head - 1);
    ent_rdbuf_put(&b, value, strlen(value));
    ent_rdbuf_put(&b, "\"\n", 2);
    for (size_t y = 0; y < top->n && !b.oom; y++) {
        const robj *m = top->v[y], *dim = attr_get(m, "dim"), *dn = attr_get(m, "dimnames");
        size_t nr, nc;
        if (m->type != REALSXP || !dim || dim->type != INTSXP || dim->n != 2 || dim->i[0] < 0 ||
            dim->i[1] < 0 || (size_t)dim->i[0] * (size_t)dim->i[1] != m->n) {
            st = ent_err(ctx, ENT_EPARSE, "%s: element %zu (year %d): not a numeric matrix",
                         label, y + 1, first + (int)y);
            goto out;
        }
        nr = (size_t)dim->i[0];
        nc = (size_t)dim->i[1];
        if (!dn || dn->type != VECSXP || dn->n != 2 || dn->v[0]->type != STRSXP ||
            dn->v[1]->type != STRSXP || dn->v[0]->n != nr || dn->v[1]->n != nc ||
            nr != names->n || nc != names->n) {
            st = ent_err(ctx, ENT_EPARSE, "%s: element %zu (year %d): dimnames are not the %zu "
                         "countries of country_list", label, y + 1, first + (int)y, names->n);
            goto out;
        }
        for (size_t i = 0; i < nr; i++) {
            const char *x = dn->v[0]->v[i]->s, *w = names->v[i]->s;
            if (!x || !w || strcmp(x, w)) {
                st = ent_err(ctx, ENT_EPARSE, "%s: element %zu (year %d): row %zu is '%s', "
                             "country_list row %zu is '%s'", label, y + 1, first + (int)y,
                             i + 1, x ? x : "NA", i + 1, w ? w : "NA");
                goto out;
            }
        }
        for (size_t j = 0; j < nc; j++) {
            for (size_t i = 0; i < nr; i++) {
                double v = m->d[j * nr + i];
                char yb[16];
                if (isnan(v) || v == 0)
                    continue;
                ent_rdbuf_put(&b, yb, (size_t)snprintf(yb, sizeof yb, "%d,", first + (int)y));
                put_str(&b, dn->v[0]->v[i]);
                ent_rdbuf_put(&b, ",", 1);
                put_str(&b, dn->v[1]->v[j]);
                ent_rdbuf_put(&b, ",", 1);
                put_int(&b, cow->i[i]);
                ent_rdbuf_put(&b, ",", 1);
                put_int(&b, cow->i[j]);
                ent_rdbuf_put(&b, ",", 1);
                put_str(&b, iso->v[i]);
                ent_rdbuf_put(&b, ",", 1);
                put_str(&b, iso->v[j]);
                ent_rdbuf_put(&b, ",", 1);
                ent_rdbuf_real_r(&b, v);
                ent_rdbuf_put(&b, "\n", 1);
            }
        }
    }
    st = ent_rdbuf_done(&b, label, out, len);
out:
    if (st != ENT_OK)
        ent_free(ctx, b.p);
    arena_free(&a);
    arena_free(&c);
    return st;
}

/* ------------------------------------------------------------ list columns */

/* put_cell writes element i of column c as rdata2csv writes a data frame
 * (strings and factor levels quoted, NA empty, numbers with 15 digits); a
 * list column's element is its strings joined by ';' (NA as "NA"), quoted. */
static int put_cell(ent_rdbuf *b, const robj *c, size_t i)
{
    const robj *lev;
    char t[16];
    switch (c->type) {
    case STRSXP:
        if (c->v[i]->s)
            put_str(b, c->v[i]);
        return 1;
    case INTSXP:
        if (c->i[i] == INT32_MIN)
            return 1;
        if ((lev = attr_get(c, "levels")) && lev->type == STRSXP) {
            if (c->i[i] >= 1 && (size_t)c->i[i] <= lev->n && lev->v[c->i[i] - 1]->s)
                put_str(b, lev->v[c->i[i] - 1]);
            return 1;
        }
        ent_rdbuf_put(b, t, (size_t)snprintf(t, sizeof t, "%d", (int)c->i[i]));
        return 1;
    case LGLSXP:
        if (c->i[i] != INT32_MIN)
            ent_rdbuf_put(b, c->i[i] ? "TRUE" : "FALSE", c->i[i] ? 4 : 5);
        return 1;
    case REALSXP:
        ent_rdbuf_real(b, c->d[i]);
        return 1;
    case VECSXP: {
        const robj *e = c->v[i];
        ent_rdbuf j = {.ctx = b->ctx};
        robj tmp = {.type = CHARSXP};
        if (e->type != STRSXP)
            return e->type == NILSXP;
        ent_rdbuf_put(&j, "", 0);
        for (size_t k = 0; k < e->n; k++) {
            if (k)
                ent_rdbuf_put(&j, ";", 1);
            const char *x = e->v[k]->s ? e->v[k]->s : "NA";
            ent_rdbuf_put(&j, x, strlen(x));
        }
        if (j.oom) {
            b->oom = j.oom;
            return 1;
        }
        tmp.s = j.p;
        put_str(b, &tmp);
        ent_free(b->ctx, j.p);
        return 1;
    }
    }
    return 0;
}

ent_status ent_rd_rda_frame_mem(ent_ctx *ctx, const char *label, const unsigned char *data,
                                size_t n, char **out, size_t *len)
{
    rin a = {.ctx = ctx, .label = label, .p = data, .n = n};
    const robj *ws, *df = NULL, *names;
    ent_rdbuf b = {.ctx = ctx};
    ent_status st = ENT_OK;
    size_t nrow = 0;
    *out = NULL;
    *len = 0;
    if (!(ws = unserialize(&a, 1))) {
        st = a.st;
        goto out;
    }
    for (const robj *p = ws; p && p->type == LISTSXP && !df; p = p->cdr)
        if (p->car && p->car->type == VECSXP && attr_get(p->car, "names"))
            df = p->car;
    if (!df || !(names = attr_get(df, "names")) || names->type != STRSXP ||
        names->n != df->n || df->n == 0) {
        st = ent_err(ctx, ENT_EPARSE, "%s: holds no data frame", label);
        goto out;
    }
    for (size_t j = 0; j < df->n; j++) {
        const robj *c = df->v[j];
        if (j == 0)
            nrow = c->n;
        if (c->n != nrow) {
            st = ent_err(ctx, ENT_EPARSE, "%s: column %zu (%s) has %zu rows, column 1 has %zu",
                         label, j + 1, names->v[j]->s ? names->v[j]->s : "NA", c->n, nrow);
            goto out;
        }
        if (j)
            ent_rdbuf_put(&b, ",", 1);
        put_str(&b, names->v[j]);
    }
    ent_rdbuf_put(&b, "\n", 1);
    for (size_t i = 0; i < nrow && !b.oom; i++) {
        for (size_t j = 0; j < df->n; j++) {
            if (j)
                ent_rdbuf_put(&b, ",", 1);
            if (!put_cell(&b, df->v[j], i)) {
                st = ent_err(ctx, ENT_EPARSE, "%s: row %zu, column %zu (%s): a value of R "
                             "type %d, not text, a number or a list of text", label, i + 1,
                             j + 1, names->v[j]->s ? names->v[j]->s : "NA",
                             df->v[j]->type == VECSXP ? df->v[j]->v[i]->type : df->v[j]->type);
                goto out;
            }
        }
        ent_rdbuf_put(&b, "\n", 1);
    }
    st = ent_rdbuf_done(&b, label, out, len);
out:
    if (st != ENT_OK)
        ent_free(ctx, b.p);
    arena_free(&a);
    return st;
}

/* load_unpacked reads path and undoes its compression. */
static ent_status load_unpacked(ent_ctx *ctx, const char *path, unsigned char **out, size_t *n)
{
    unsigned char *raw, *un;
    size_t rn, un_n;
    const char *base = strrchr(path, '/');
    ent_status st = ent_rd_slurp(ctx, path, &raw, &rn);
    if (st != ENT_OK)
        return st;
    st = ent_rd_unpack(ctx, base ? base + 1 : path, raw, rn, &un, &un_n);
    if (st != ENT_OK || !un) {
        *out = st == ENT_OK ? raw : NULL;
        *n = rn;
        if (st != ENT_OK)
            ent_free(ctx, raw);
        return st;
    }
    ent_free(ctx, raw);
    *out = un;
    *n = un_n;
    return ENT_OK;
}

ent_status ent_rd_rds_matrices(ent_ctx *ctx, const char *const *paths, size_t n, char **out,
                               size_t *len)
{
    unsigned char *a = NULL, *c = NULL;
    size_t an = 0, cn = 0;
    const char *rds = NULL, *rdata = NULL;
    ent_status st;
    for (size_t i = 0; i < n; i++) {
        const char *dot = strrchr(paths[i], '.');
        if (dot && !strcmp(dot, ".rds"))
            rds = paths[i];
        else
            rdata = paths[i];
    }
    if (n != 2 || !rds || !rdata)
        return ent_err(ctx, ENT_EINVAL, "%s: recipe rds-matrices wants one .rds and one "
                                        "country_list.RData", paths[0]);
    if ((st = load_unpacked(ctx, rds, &a, &an)) == ENT_OK &&
        (st = load_unpacked(ctx, rdata, &c, &cn)) == ENT_OK) {
        const char *base = strrchr(rds, '/');
        st = ent_rd_rds_mem(ctx, base ? base + 1 : rds, a, an, c, cn, out, len);
    }
    ent_free(ctx, a);
    ent_free(ctx, c);
    return st;
}

ent_status ent_rd_rda_frame(ent_ctx *ctx, const char *const *paths, size_t n, char **out,
                            size_t *len)
{
    unsigned char *a = NULL;
    size_t an = 0;
    ent_status st;
    if (n != 1)
        return ent_err(ctx, ENT_EINVAL, "%s: recipe rda-listcols reads one file", paths[0]);
    if ((st = load_unpacked(ctx, paths[0], &a, &an)) == ENT_OK) {
        const char *base = strrchr(paths[0], '/');
        st = ent_rd_rda_frame_mem(ctx, base ? base + 1 : paths[0], a, an, out, len);
    }
    ent_free(ctx, a);
    return st;
}
