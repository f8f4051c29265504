/*
 * engine.c -- the event aggregation engine: input planning (format
 * detection, byte-range units), the scanners, per-row validation and
 * filters, the country lookup tables, the group hash table, threads, and the
 * exact row accounting.
 */
#include "events.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define EV_X86 1
#endif

/* ------------------------------------------------------------------ roles */

enum { R_ID, R_DATE, R_A1, R_A2, R_CODE, R_QUAD, R_GS, R_MENT, R_SRC, R_ART, NROLES };

static const char *const gdelt_colname[NROLES] = {
    "GLOBALEVENTID", "SQLDATE", "Actor1CountryCode", "Actor2CountryCode", "EventCode",
    "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles"
};
static const int gdelt_colidx[NROLES] = { 0, 1, 7, 17, 26, 29, 30, 31, 32, 33 };

/* header aliases, normalised (lowercase, no blanks or underscores) */
static const char *const role_alias[NROLES][4] = {
    { "globaleventid", "eventid", NULL },
    { "sqldate", "eventdate", "day", NULL },
    { "actor1countrycode", "sourcecountry", NULL },
    { "actor2countrycode", "targetcountry", NULL },
    { "eventcode", "cameocode", NULL },
    { "quadclass", NULL },
    { "goldsteinscale", "intensity", NULL },
    { "nummentions", NULL },
    { "numsources", NULL },
    { "numarticles", NULL },
};

/* -------------------------------------------------------------- planning */

enum { IN_PLAIN, IN_GZ, IN_ZIP };

typedef struct ev_spec {
    ent_ev_format fmt;
    char delim;
    int quoted;          /* RFC 4180 quoting (CSV extracts) */
    int header;          /* a header line to skip */
    int rownames;        /* R row names: data rows have one more field */
    int nf_min, nf_max;  /* accepted field counts */
    int idx[NROLES];     /* field index per role, -1 absent */
    int last_needed;     /* highest needed field index */
    int names;           /* 1: countries are names (ICEWS), 0: ISO3 codes */
    int icews_codes;     /* 1: validate codes against ICEWS' table, quad from it */
    int gdelt_fixed;     /* 1: headerless GDELT 1.0/2.0 TSV (fields at fixed positions) */
    char colname[NROLES][48];
    int8_t role_of[64];  /* field index -> role, -1 none (indices < 64) */
    uint8_t next_need[65]; /* smallest needed field index >= i (last_needed + 1 past it) */
} ev_spec;

typedef struct ev_file {
    const char *path;
    int kind;            /* IN_* */
    uint64_t size;       /* bytes on disk */
    ev_spec spec;
    int map_fd;
    const char *map;     /* plain files: the mapping */
    uint64_t hdr_end;    /* offset of the first data row */
    uint64_t hdr_lines;  /* lines in the header */
} ev_file;

typedef struct ev_unit {
    int file;
    uint64_t lo, hi;     /* byte range of row starts (plain); whole file otherwise */
} ev_unit;

static int norm_eq(const char *s, size_t n, const char *alias)
{
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '_' || c == '\r')
            continue;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (!alias[j] || alias[j] != c)
            return 0;
        j++;
    }
    return alias[j] == 0;
}

static void spec_finish(ev_spec *s)
{
    memset(s->role_of, -1, sizeof s->role_of);
    s->last_needed = 0;
    for (int r = 0; r < NROLES; r++)
        if (s->idx[r] >= 0 && s->idx[r] < 64) {
            s->role_of[s->idx[r]] = (int8_t)r;
            if (s->idx[r] > s->last_needed)
                s->last_needed = s->idx[r];
        }
    int nx = s->last_needed + 1;
    for (int i = 64; i >= 0; i--) {
        if (i < 64 && s->role_of[i] >= 0)
            nx = i;
        s->next_need[i] = (uint8_t)(i > s->last_needed ? s->last_needed + 1 : nx);
    }
}

static void spec_gdelt(ev_spec *s, ent_ev_format fmt)
{
    memset(s, 0, sizeof *s);
    s->fmt = fmt;
    s->delim = '\t';
    s->nf_min = fmt == EV_FMT_GDELT2 ? 61 : 57;
    s->nf_max = fmt == EV_FMT_GDELT2 ? 61 : 58;
    for (int r = 0; r < NROLES; r++) {
        s->idx[r] = gdelt_colidx[r];
        snprintf(s->colname[r], sizeof s->colname[r], "%s", gdelt_colname[r]);
    }
    s->gdelt_fixed = 1;
    spec_finish(s);
}

/* spec_header builds a spec from a header line; returns 0, or -1 with why. */
static int spec_header(ev_spec *s, const char *line, size_t n, char delim, char *why, size_t whyn)
{
    ent_ev_field f[256];
    char scratch[4096];
    const char *next;
    int nf, nl;
    memset(s, 0, sizeof *s);
    if (ent_ev_csv_row(line, line + n, delim, &next, f, 256, scratch, sizeof scratch, &nf, &nl) !=
            0 ||
        nf > 256) {
        snprintf(why, whyn, "unreadable header line");
        return -1;
    }
    for (int r = 0; r < NROLES; r++) {
        s->idx[r] = -1;
        for (int i = 0; i < nf && s->idx[r] < 0; i++)
            for (int a = 0; role_alias[r][a]; a++)
                if (norm_eq(f[i].p, f[i].n, role_alias[r][a])) {
                    s->idx[r] = i;
                    snprintf(s->colname[r], sizeof s->colname[r], "%.*s", (int)f[i].n, f[i].p);
                    break;
                }
    }
    static const int need[] = { R_DATE, R_A1, R_A2, R_CODE, R_GS };
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
        if (s->idx[need[i]] < 0) {
            snprintf(why, whyn, "the header has no %s column", role_alias[need[i]][0]);
            return -1;
        }
    s->names = norm_eq(s->colname[R_A1], strlen(s->colname[R_A1]), "sourcecountry");
    s->icews_codes = s->names;
    if (!s->names && s->idx[R_QUAD] < 0) {
        snprintf(why, whyn, "the header has no QuadClass column");
        return -1;
    }
    if (s->names)
        s->idx[R_QUAD] = s->idx[R_MENT] = s->idx[R_SRC] = s->idx[R_ART] = -1;
    s->fmt = s->names ? EV_FMT_ICEWS : EV_FMT_GDELT1_CSV;
    s->delim = delim;
    s->quoted = delim == ',';
    s->header = 1;
    s->nf_min = s->nf_max = nf;
    for (int r = 0; r < NROLES; r++)
        if (s->idx[r] >= 64) {
            snprintf(why, whyn, "column %s is beyond field 64", s->colname[r]);
            return -1;
        }
    spec_finish(s);
    return 0;
}

/* peek reads up to cap decompressed bytes from the start of path. */
static ent_status peek(ent_ctx *ctx, const char *path, int *kind, uint64_t *size, char *buf,
                       size_t cap, size_t *got)
{
    struct stat sb;
    unsigned char magic[4] = { 0 };
    *got = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return ent_err(ctx, ENT_EIO, "%s: cannot open: %s", path, strerror(errno));
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        return ent_err(ctx, ENT_EIO, "%s: not a regular file", path);
    }
    *size = (uint64_t)sb.st_size;
    ssize_t m = pread(fd, magic, 4, 0);
    close(fd);
    if (m <= 0)
        return ent_err(ctx, ENT_EPARSE, "%s:1: empty file", path);
    if (m >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
        *kind = IN_GZ;
        gzFile g = gzopen(path, "rb");
        if (!g)
            return ent_err(ctx, ENT_EIO, "%s: cannot open", path);
        int k = gzread(g, buf, (unsigned)cap);
        int errn = 0;
        const char *em = gzerror(g, &errn);
        if (k < 0 || (k == 0 && errn != Z_OK)) {
            ent_status st = ent_err(ctx, ENT_EPARSE, "%s:1: truncated or corrupt gzip (%s)", path,
                                    em ? em : "?");
            gzclose(g);
            return st;
        }
        gzclose(g);
        *got = (size_t)k;
    } else if (m >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
        *kind = IN_ZIP;
        int zerr = 0;
        zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
        if (!z) {
            zip_error_t ze;
            zip_error_init_with_code(&ze, zerr);
            ent_status st = ent_err(ctx, ENT_EPARSE, "%s: truncated or corrupt zip archive (%s)",
                                    path, zip_error_strerror(&ze));
            zip_error_fini(&ze);
            return st;
        }
        zip_int64_t ne = zip_get_num_entries(z, 0), files = 0, first = -1;
        for (zip_int64_t i = 0; i < ne; i++) {
            const char *nm = zip_get_name(z, (zip_uint64_t)i, 0);
            if (nm && *nm && nm[strlen(nm) - 1] != '/') {
                files++;
                if (first < 0)
                    first = i;
            }
        }
        if (files != 1) {
            zip_close(z);
            return ent_err(ctx, ENT_EPARSE, "%s: a zip archive must hold one event file (it holds %lld)",
                           path, (long long)files);
        }
        zip_file_t *zf = zip_fopen_index(z, (zip_uint64_t)first, 0);
        zip_int64_t k = zf ? zip_fread(zf, buf, cap) : -1;
        if (k < 0) {
            ent_status st = ent_err(ctx, ENT_EPARSE, "%s:1: truncated or corrupt zip archive (%s)",
                                    path, zf ? zip_file_strerror(zf) : zip_strerror(z));
            if (zf)
                zip_fclose(zf);
            zip_discard(z);
            return st;
        }
        zip_fclose(zf);
        zip_discard(z);
        *got = (size_t)k;
    } else {
        *kind = IN_PLAIN;
        fd = open(path, O_RDONLY);
        if (fd < 0)
            return ent_err(ctx, ENT_EIO, "%s: cannot open: %s", path, strerror(errno));
        ssize_t k = pread(fd, buf, cap, 0);
        close(fd);
        if (k < 0)
            return ent_err(ctx, ENT_EIO, "%s: read error: %s", path, strerror(errno));
        *got = (size_t)k;
    }
    if (*got == 0)
        return ent_err(ctx, ENT_EPARSE, "%s:1: empty file (no rows after decompression)", path);
    return ENT_OK;
}

/* plan_file detects the format (or checks the one requested) and reads the header. */
static ent_status plan_file(ent_ctx *ctx, ev_file *f, ent_ev_format want, char *buf, size_t cap)
{
    size_t got;
    ent_status st = peek(ctx, f->path, &f->kind, &f->size, buf, cap, &got);
    if (st != ENT_OK)
        return st;
    const char *nl = memchr(buf, '\n', got);
    size_t l1 = nl ? (size_t)(nl - buf) : got;
    int tabs = 0, commas = 0;
    for (size_t i = 0; i < l1; i++) {
        tabs += buf[i] == '\t';
        commas += buf[i] == ',';
    }
    char why[160];
    int hdr = 0;
    /* a header names its columns: look for a known event column name */
    {
        ev_spec tmp;
        char d = tabs > commas ? '\t' : ',';
        if (spec_header(&tmp, buf, l1, d, why, sizeof why) == 0) {
            hdr = 1;
            f->spec = tmp;
        }
    }
    if (want == EV_FMT_AUTO) {
        if (!hdr) {
            if (tabs + 1 == 57 || tabs + 1 == 58)
                want = EV_FMT_GDELT1;
            else if (tabs + 1 == 61)
                want = EV_FMT_GDELT2;
            else
                return ent_err(ctx, ENT_EPARSE,
                               "%s:1: not an event file under --format auto: the first line has %d "
                               "tab-separated fields (GDELT 1.0 has 57 or 58, GDELT 2.0 has 61) and "
                               "no GDELT or ICEWS header",
                               f->path, tabs + 1);
        }
    }
    if (want == EV_FMT_GDELT1 || want == EV_FMT_GDELT2) {
        spec_gdelt(&f->spec, want);
        f->hdr_end = 0;
        f->hdr_lines = 0;
        return ENT_OK;
    }
    if (!hdr)
        return ent_err(ctx, ENT_EPARSE, "%s:1: expected a header line for --format %s: %s", f->path,
                       ent_ev_format_name(want), why);
    if (want != EV_FMT_AUTO && want != f->spec.fmt)
        return ent_err(ctx, ENT_EPARSE, "%s:1: the header is that of %s, not %s", f->path,
                       ent_ev_format_name(f->spec.fmt), ent_ev_format_name(want));
    f->hdr_end = nl ? l1 + 1 : got;
    f->hdr_lines = 1;
    /* R's write.csv convention: data rows with one more field than the
     * header carry row names in front. */
    if (nl && f->hdr_end < got) {
        ent_ev_field fl[256];
        char scratch[4096];
        const char *next;
        int nf = 0, nlines = 0;
        if (ent_ev_csv_row(buf + f->hdr_end, buf + got, f->spec.delim, &next, fl, 256, scratch,
                           sizeof scratch, &nf, &nlines) == 0 &&
            nf == f->spec.nf_min + 1 && f->spec.quoted) {
            f->spec.rownames = 1;
            f->spec.nf_min++;
            f->spec.nf_max++;
            for (int r = 0; r < NROLES; r++)
                if (f->spec.idx[r] >= 0)
                    f->spec.idx[r]++;
            spec_finish(&f->spec);
        }
    }
    return ENT_OK;
}

/* ------------------------------------------------------------ hash table */

typedef struct gtab {
    ent_ev_group *slot;
    size_t cap, n;
    int mapped;          /* slot is an anonymous mapping (large tables), not ent_calloc */
} gtab;

/* Tables of GT_MAP_BYTES and more are anonymous mappings with transparent
 * huge pages requested: a probe is a random access into tens of MB, and with
 * 4 KiB pages nearly every one also missed the TLB. */
#define GT_MAP_BYTES ((size_t)4 << 20)

static inline size_t ghash(uint64_t k, size_t mask)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ull;
    k ^= k >> 33;
    return (size_t)k & mask;
}

/* slots_alloc returns bytes of zeroed slot memory: an anonymous mapping
 * advised for huge pages from GT_MAP_BYTES up (*mapped = 1), else calloc.
 * Both group tables use it; slots_free undoes it. */
static void *slots_alloc(ent_ctx *ctx, size_t bytes, int *mapped)
{
    *mapped = 0;
    if (bytes >= GT_MAP_BYTES) {
        void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return NULL;
#ifdef MADV_HUGEPAGE
        madvise(p, bytes, MADV_HUGEPAGE);
#endif
        *mapped = 1;
        return p; /* zero-filled */
    }
    return ent_calloc(ctx, bytes, 1);
}

static void slots_free(ent_ctx *ctx, void *p, size_t bytes, int mapped)
{
    if (p && mapped)
        munmap(p, bytes);
    else
        ent_free(ctx, p);
}

static int gt_init(ent_ctx *ctx, gtab *t, size_t cap)
{
    t->slot = slots_alloc(ctx, cap * sizeof *t->slot, &t->mapped);
    t->cap = cap;
    t->n = 0;
    return t->slot != NULL;
}

static void gt_free(ent_ctx *ctx, gtab *t)
{
    slots_free(ctx, t->slot, t->cap * sizeof *t->slot, t->mapped);
    t->slot = NULL;
    t->cap = t->n = 0;
    t->mapped = 0;
}

static int gt_grow(ent_ctx *ctx, gtab *t)
{
    gtab nt;
    if (!gt_init(ctx, &nt, t->cap * 2))
        return 0;
    size_t mask = nt.cap - 1;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slot[i].key) {
            size_t h = ghash(t->slot[i].key, mask);
            while (nt.slot[h].key)
                h = (h + 1) & mask;
            nt.slot[h] = t->slot[i];
        }
    nt.n = t->n;
    gt_free(ctx, t);
    *t = nt;
    return 1;
}

/* gt_get returns the group of key, inserting it; NULL on no memory. */
static inline ent_ev_group *gt_get(ent_ctx *ctx, gtab *t, uint64_t key)
{
    size_t mask = t->cap - 1, h = ghash(key, mask);
    for (;;) {
        ent_ev_group *g = &t->slot[h];
        if (g->key == key)
            return g;
        if (!g->key)
            break;
        h = (h + 1) & mask;
    }
    if ((t->n + 1) * 2 > t->cap) {
        if (!gt_grow(ctx, t))
            return NULL;
        return gt_get(ctx, t, key);
    }
    ent_ev_group *g = &t->slot[h];
    memset(g, 0, sizeof *g);
    g->key = key;
    t->n++;
    return g;
}

/* The table of groups whose rows all had the four values (Goldstein,
 * mentions, sources, articles): GDELT's usual case.  Its slots are one cache
 * line (64 bytes, against 80 for ent_ev_group), so a probe touches one line
 * and needs one prefetch; the present-value counts are the event count.
 * Rows missing any value go to the general table; both are folded together
 * at the end (ft_fold), so the sums are the same integers. */
typedef struct fslot {
    uint64_t key;
    int64_t events, gold100, mentions, sources, articles;
    int64_t pad[2];
} fslot;

typedef struct ftab {
    fslot *slot;
    size_t cap, n;
    int mapped;
} ftab;

static int ft_init(ent_ctx *ctx, ftab *t, size_t cap)
{
    t->slot = slots_alloc(ctx, cap * sizeof *t->slot, &t->mapped);
    t->cap = cap;
    t->n = 0;
    return t->slot != NULL;
}

static void ft_free(ent_ctx *ctx, ftab *t)
{
    slots_free(ctx, t->slot, t->cap * sizeof *t->slot, t->mapped);
    t->slot = NULL;
    t->cap = t->n = 0;
    t->mapped = 0;
}

static int ft_grow(ent_ctx *ctx, ftab *t)
{
    ftab nt;
    if (!ft_init(ctx, &nt, t->cap * 2))
        return 0;
    size_t mask = nt.cap - 1;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slot[i].key) {
            size_t h = ghash(t->slot[i].key, mask);
            while (nt.slot[h].key)
                h = (h + 1) & mask;
            nt.slot[h] = t->slot[i];
        }
    nt.n = t->n;
    ft_free(ctx, t);
    *t = nt;
    return 1;
}

static inline fslot *ft_get(ent_ctx *ctx, ftab *t, uint64_t key)
{
    size_t mask = t->cap - 1, h = ghash(key, mask);
    for (;;) {
        fslot *g = &t->slot[h];
        if (g->key == key)
            return g;
        if (!g->key)
            break;
        h = (h + 1) & mask;
    }
    if ((t->n + 1) * 2 > t->cap) {
        if (!ft_grow(ctx, t))
            return NULL;
        return ft_get(ctx, t, key);
    }
    fslot *g = &t->slot[h];
    g->key = key;
    t->n++;
    return g;
}

/* ft_fold adds the fast table's groups into the general table and frees it */
static int ft_fold(ent_ctx *ctx, ftab *f, gtab *t)
{
    for (size_t i = 0; i < f->cap; i++)
        if (f->slot[i].key) {
            const fslot *s = &f->slot[i];
            ent_ev_group *g = gt_get(ctx, t, s->key);
            if (!g)
                return 0;
            g->events += s->events;
            g->gold100 += s->gold100;
            g->n_gold += s->events;
            g->mentions += s->mentions;
            g->sources += s->sources;
            g->articles += s->articles;
            g->n_ment += s->events;
            g->n_src += s->events;
            g->n_art += s->events;
        }
    ft_free(ctx, f);
    return 1;
}

static void group_add(ent_ev_group *d, const ent_ev_group *s)
{
    d->events += s->events;
    d->gold100 += s->gold100;
    d->n_gold += s->n_gold;
    d->mentions += s->mentions;
    d->sources += s->sources;
    d->articles += s->articles;
    d->n_ment += s->n_ment;
    d->n_src += s->n_src;
    d->n_art += s->n_art;
}

/* a set of event ids for --dedupe */
typedef struct idset {
    uint64_t *slot;
    size_t cap, n;
} idset;

static int ids_add(ent_ctx *ctx, idset *s, uint64_t id, int *dup)
{
    id += 1; /* 0 marks an empty slot */
    if ((s->n + 1) * 2 > s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 1 << 16;
        uint64_t *ns = ent_calloc(ctx, ncap, sizeof *ns);
        if (!ns)
            return 0;
        for (size_t i = 0; i < s->cap; i++)
            if (s->slot[i]) {
                size_t h = ghash(s->slot[i], ncap - 1);
                while (ns[h])
                    h = (h + 1) & (ncap - 1);
                ns[h] = s->slot[i];
            }
        ent_free(ctx, s->slot);
        s->slot = ns;
        s->cap = ncap;
    }
    size_t h = ghash(id, s->cap - 1);
    while (s->slot[h]) {
        if (s->slot[h] == id) {
            *dup = 1;
            return 1;
        }
        h = (h + 1) & (s->cap - 1);
    }
    s->slot[h] = id;
    s->n++;
    *dup = 0;
    return 1;
}

/* --------------------------------------------------------------- reasons */

enum {
    RS_BLANK, RS_RANGE, RS_A1MISS, RS_A2MISS, RS_BOTHMISS, RS_COUNTRIES, RS_DUP, /* filtered */
    RS_UNMAP_CODE, RS_UNMAP_NAME,                                              /* rejected */
    RS_SHORT, RS_EXTRA, RS_BADDATE, RS_BADGS, RS_BADCODE, RS_BADQUAD, RS_BADCOUNT, RS_BADCSV,
    RS_N
};
#define RS_FIRST_MALFORMED RS_SHORT

typedef struct wreason {
    uint32_t id, arg;
    uint64_t count;
    int nex;
    ent_ev_where ex[EV_MAXEX];
} wreason;

#define WR_MAX 256
#define PEND_N 16 /* power of two */

/* --------------------------------------------------------- country cache */

#define YEAR_LO 1800
#define YEAR_N 400
#define CC_UNSET INT16_MIN
#define CC_VARIES (INT16_MIN + 1)

typedef struct ccache {
    int16_t year[YEAR_N];
    int16_t *day[YEAR_N]; /* per-day codes in the years a code changes state */
} ccache;

typedef struct nameent {
    char *name;
    uint32_t len;
    int id;
} nameent;

/* ---------------------------------------------------------------- worker */

typedef struct ev_run ev_run;

typedef struct worker {
    ev_run *run;
    ent_ctx *ctx;
    gtab groups;
    ftab fgroups;        /* groups of rows with all four values (see fslot) */
    uint64_t read, aggregated, filtered, rejected, bytes;
    wreason reasons[WR_MAX];
    int nreasons;
    uint64_t reason_overflow;
    uint16_t iso_id[26 * 26 * 26];
    ccache **cc;         /* by cache id (1-based) */
    int ncc, capcc;
    nameent *names;      /* open-addressed table of ICEWS names */
    size_t namecap, nnames;
    char **name_by_id;
    void *tls;
    int failed;          /* ENT_ENOMEM and the like */
    ent_status fail_st;
    char fail_msg[512];
    /* the first malformed row in this worker (strict mode) */
    int has_err;
    ent_ev_where err_where;
    char err_msg[400];
    char *buf;           /* streaming buffer */
    size_t bufcap;
    /* updates waiting for their group's cache line (prefetched when queued) */
    struct pend {
        uint64_t key;
        int64_t gold, ment, src, art;
        uint8_t hg, hm, hs, ha, full;
    } pq[PEND_N];
    unsigned pq_head, pq_n;
} worker;

struct ev_run {
    ent_ctx *ctx;
    const ent_cameo *cameo;
    const ent_ev_mapper *map;
    const ent_ev_opts *opts;
    ev_file *files;
    size_t nfiles;
    ev_unit *units;
    size_t nunits;
    atomic_size_t next_unit;
    pthread_mutex_t err_mu;
    int any_err;
    ent_ev_where first_err;
    idset ids;
};

static int where_lt(const ent_ev_where *a, const ent_ev_where *b)
{
    return a->file < b->file || (a->file == b->file && a->off < b->off);
}

static void reason_hit(worker *w, uint32_t id, uint32_t arg, const ent_ev_where *wh)
{
    wreason *r = NULL;
    for (int i = 0; i < w->nreasons; i++)
        if (w->reasons[i].id == id && w->reasons[i].arg == arg) {
            r = &w->reasons[i];
            break;
        }
    if (!r) {
        if (w->nreasons == WR_MAX) {
            w->reason_overflow++;
            return;
        }
        r = &w->reasons[w->nreasons++];
        memset(r, 0, sizeof *r);
        r->id = id;
        r->arg = arg;
    }
    r->count++;
    /* keep the first examples in input order */
    if (r->nex < EV_MAXEX || where_lt(wh, &r->ex[r->nex - 1])) {
        int i = r->nex < EV_MAXEX ? r->nex++ : EV_MAXEX - 1;
        while (i > 0 && where_lt(wh, &r->ex[i - 1])) {
            r->ex[i] = r->ex[i - 1];
            i--;
        }
        r->ex[i] = *wh;
    }
}

static void wfail(worker *w, ent_status st, const char *msg)
{
    if (!w->failed) {
        w->failed = 1;
        w->fail_st = st;
        snprintf(w->fail_msg, sizeof w->fail_msg, "%s", msg);
    }
}

/* ----------------------------------------------------- country lookups */

static int days_in(int y, int m)
{
    static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static int day_of_year(int y, int m, int d)
{
    int n = d - 1;
    for (int i = 1; i < m; i++)
        n += days_in(y, i);
    return n;
}

/* lookup: the code or name (key) -> COW code on y-m-d; -1 unmappable, -2 no memory */
static int cc_fill(worker *w, ccache *c, int yi, int y, const char *key, int isname)
{
    const ent_ev_mapper *mp = w->run->map;
#define MAPCALL(mm, dd)                                                               \
    (isname ? mp->name(mp->ud, w->tls, key, y, (mm), (dd)) : mp->iso3(mp->ud, key, y, (mm), (dd)))
    int v0 = MAPCALL(1, 1), same = 1;
    for (int m = 1; m <= 12 && same; m++) {
        if (MAPCALL(m, 1) != v0 || MAPCALL(m, days_in(y, m)) != v0)
            same = 0;
    }
    if (same) {
        c->year[yi] = (int16_t)(v0 < 0 ? -1 : v0);
        return 0;
    }
    int16_t *dd = ent_malloc(w->ctx, 366 * sizeof *dd);
    if (!dd)
        return -2;
    int k = 0;
    for (int m = 1; m <= 12; m++)
        for (int d = 1; d <= days_in(y, m); d++) {
            int v = MAPCALL(m, d);
            dd[k++] = (int16_t)(v < 0 ? -1 : v);
        }
#undef MAPCALL
    c->day[yi] = dd;
    c->year[yi] = CC_VARIES;
    return 0;
}

static ccache *cc_new(worker *w)
{
    if (w->ncc + 1 >= w->capcc) {
        int ncap = w->capcc ? w->capcc * 2 : 64;
        ccache **n = ent_realloc(w->ctx, w->cc, (size_t)ncap * sizeof *n);
        if (!n)
            return NULL;
        w->cc = n;
        w->capcc = ncap;
    }
    ccache *c = ent_malloc(w->ctx, sizeof *c);
    if (!c)
        return NULL;
    for (int i = 0; i < YEAR_N; i++) {
        c->year[i] = CC_UNSET;
        c->day[i] = NULL;
    }
    w->cc[++w->ncc] = c;
    return c;
}

static inline int cc_get(worker *w, ccache *c, const char *key, int isname, int y, int m, int d)
{
    int yi = y - YEAR_LO;
    int v = c->year[yi];
    if (v == CC_UNSET) {
        if (cc_fill(w, c, yi, y, key, isname) < 0)
            return -2;
        v = c->year[yi];
    }
    if (v == CC_VARIES)
        v = c->day[yi][day_of_year(y, m, d)];
    return v;
}

/* map_iso3: a 3-letter code -> ccode; -1 unmappable, -2 no memory; *arg = code index */
static inline int map_iso3(worker *w, const char *s, uint32_t n, int y, int m, int d,
                           uint32_t *arg)
{
    if (n != 3 || (unsigned)(s[0] - 'A') > 25 || (unsigned)(s[1] - 'A') > 25 ||
        (unsigned)(s[2] - 'A') > 25) {
        *arg = 26 * 26 * 26; /* "not a 3-letter code": examples show it */
        return -1;
    }
    uint32_t idx = (uint32_t)((s[0] - 'A') * 676 + (s[1] - 'A') * 26 + (s[2] - 'A'));
    *arg = idx;
    int id = w->iso_id[idx];
    if (!id) {
        if (!cc_new(w))
            return -2;
        id = w->ncc;
        w->iso_id[idx] = (uint16_t)id;
    }
    char key[4] = { s[0], s[1], s[2], 0 };
    return cc_get(w, w->cc[id], key, 0, y, m, d);
}

static uint64_t strhash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static int map_name(worker *w, const char *s, uint32_t n, int y, int m, int d, uint32_t *arg)
{
    if (w->nnames * 2 + 2 > w->namecap) {
        size_t ncap = w->namecap ? w->namecap * 2 : 256;
        nameent *nt = ent_calloc(w->ctx, ncap, sizeof *nt);
        if (!nt)
            return -2;
        for (size_t i = 0; i < w->namecap; i++)
            if (w->names[i].name) {
                size_t h = strhash(w->names[i].name, w->names[i].len) & (ncap - 1);
                while (nt[h].name)
                    h = (h + 1) & (ncap - 1);
                nt[h] = w->names[i];
            }
        ent_free(w->ctx, w->names);
        w->names = nt;
        w->namecap = ncap;
    }
    size_t h = strhash(s, n) & (w->namecap - 1);
    while (w->names[h].name) {
        if (w->names[h].len == n && !memcmp(w->names[h].name, s, n))
            break;
        h = (h + 1) & (w->namecap - 1);
    }
    nameent *e = &w->names[h];
    if (!e->name) {
        e->name = ent_malloc(w->ctx, n + 1);
        if (!e->name || !cc_new(w))
            return -2;
        memcpy(e->name, s, n);
        e->name[n] = 0;
        e->len = n;
        e->id = w->ncc;
        w->nnames++;
        char **nb = ent_realloc(w->ctx, w->name_by_id, (size_t)(w->ncc + 1) * sizeof *nb);
        if (!nb)
            return -2;
        w->name_by_id = nb;
        nb[w->ncc] = e->name;
    }
    *arg = (uint32_t)e->id;
    return cc_get(w, w->cc[e->id], e->name, 1, y, m, d);
}

/* ---------------------------------------------------------- field parsing */

static inline int is_missing(const char *p, uint32_t n)
{
    return n == 0 || (n == 2 && p[0] == 'N' && p[1] == 'A');
}

/* parse_date: YYYYMMDD or YYYY-MM-DD -> 1, else 0 */
static inline int parse_date(const char *p, uint32_t n, int *y, int *m, int *d)
{
    unsigned v[8];
    if (n == 8) {
        for (int i = 0; i < 8; i++) {
            v[i] = (unsigned)(p[i] - '0');
            if (v[i] > 9)
                return 0;
        }
    } else if (n == 10 && p[4] == '-' && p[7] == '-') {
        static const int pos[8] = { 0, 1, 2, 3, 5, 6, 8, 9 };
        for (int i = 0; i < 8; i++) {
            v[i] = (unsigned)(p[pos[i]] - '0');
            if (v[i] > 9)
                return 0;
        }
    } else {
        return 0;
    }
    *y = (int)(v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3]);
    *m = (int)(v[4] * 10 + v[5]);
    *d = (int)(v[6] * 10 + v[7]);
    if (*y < YEAR_LO || *y >= YEAR_LO + YEAR_N || *m < 1 || *m > 12 || *d < 1 ||
        *d > days_in(*y, *m))
        return 0;
    return 1;
}

/* parse_gold: a decimal with at most two decimals -> hundredths; 1 ok,
 * 0 missing, -1 bad */
static inline int parse_gold(const char *p, uint32_t n, int64_t *out)
{
    if (is_missing(p, n))
        return 0;
    uint32_t i = 0;
    int neg = 0;
    if (p[0] == '-' || p[0] == '+') {
        neg = p[0] == '-';
        i = 1;
    }
    int64_t v = 0;
    int digits = 0, dec = -1;
    for (; i < n; i++) {
        char c = p[i];
        if (c >= '0' && c <= '9') {
            if (dec >= 0) {
                if (dec >= 2) {
                    if (c != '0')
                        return -1;
                    continue;
                }
                dec++;
            }
            v = v * 10 + (c - '0');
            if (++digits > 9)
                return -1;
        } else if (c == '.' && dec < 0) {
            dec = 0;
        } else {
            return -1;
        }
    }
    if (!digits)
        return -1;
    if (dec < 0)
        dec = 0;
    for (; dec < 2; dec++)
        v *= 10;
    if (v > 1000 * 100)
        return -1; /* far off the -10..10 scale: not a Goldstein value */
    *out = neg ? -v : v;
    return 1;
}

static inline int parse_count(const char *p, uint32_t n, int64_t *out)
{
    if (is_missing(p, n))
        return 0;
    if (n > 15)
        return -1;
    int64_t v = 0;
    for (uint32_t i = 0; i < n; i++) {
        unsigned c = (unsigned)(p[i] - '0');
        if (c > 9)
            return -1;
        v = v * 10 + c;
    }
    *out = v;
    return 1;
}

/* ------------------------------------------------------------ row logic */

typedef struct rowctx {
    worker *w;
    const ev_spec *spec;
    int file;
    uint64_t off;    /* byte offset of the row */
    uint64_t line;   /* 0 when unknown (split units) */
} rowctx;

static int has_countries(const ent_ev_opts *o, int c)
{
    size_t lo = 0, hi = o->ncountries;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (o->countries[mid] == c)
            return 1;
        if (o->countries[mid] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* malformed: count (lenient) or record the error (strict); returns 1 to stop */
static int malformed(rowctx *rc, int reason, int role, const char *fmt, const char *val,
                     uint32_t vn)
{
    worker *w = rc->w;
    ent_ev_where wh = { rc->file, rc->off, rc->line };
    w->rejected++;
    if (w->run->opts->lenient) {
        reason_hit(w, (uint32_t)reason, 0, &wh);
        return 0;
    }
    if (!w->has_err || where_lt(&wh, &w->err_where)) {
        w->has_err = 1;
        w->err_where = wh;
        char col[96] = "";
        if (role >= 0)
            snprintf(col, sizeof col, "column %d (%s): ", rc->spec->idx[role] + 1 - rc->spec->rownames,
                     rc->spec->colname[role]);
        char v[64];
        snprintf(v, sizeof v, "%.*s", (int)(vn > 40 ? 40 : vn), val ? val : "");
        /* fmt is a constant with at most one %s, for the value */
        char tmp[256];
        snprintf(tmp, sizeof tmp, fmt, v);
        snprintf(w->err_msg, sizeof w->err_msg, "%s%s", col, tmp);
        pthread_mutex_lock(&w->run->err_mu);
        if (!w->run->any_err || where_lt(&wh, &w->run->first_err)) {
            w->run->any_err = 1;
            w->run->first_err = wh;
        }
        pthread_mutex_unlock(&w->run->err_mu);
    }
    return 1;
}

static inline void filtered(worker *w, rowctx *rc, int reason, uint32_t arg)
{
    ent_ev_where wh = { rc->file, rc->off, rc->line };
    w->filtered++;
    reason_hit(w, (uint32_t)reason, arg, &wh);
}

static inline int pend_apply(worker *w, const struct pend *pe)
{
    if (pe->full) {
        fslot *f = ft_get(w->ctx, &w->fgroups, pe->key);
        if (!f) {
            wfail(w, ENT_ENOMEM, "out of memory: too many groups");
            return 0;
        }
        f->events++;
        f->gold100 += pe->gold;
        f->mentions += pe->ment;
        f->sources += pe->src;
        f->articles += pe->art;
        return 1;
    }
    ent_ev_group *g = gt_get(w->ctx, &w->groups, pe->key);
    if (!g) {
        wfail(w, ENT_ENOMEM, "out of memory: too many groups");
        return 0;
    }
    g->events++;
    if (pe->hg) {
        g->gold100 += pe->gold;
        g->n_gold++;
    }
    if (pe->hm) {
        g->mentions += pe->ment;
        g->n_ment++;
    }
    if (pe->hs) {
        g->sources += pe->src;
        g->n_src++;
    }
    if (pe->ha) {
        g->articles += pe->art;
        g->n_art++;
    }
    return 1;
}

/* process one row given its fields by role; returns 1 to stop the unit */
static inline int process_row(rowctx *rc, const ent_ev_field *fr, int nf)
{
    worker *w = rc->w;
    const ev_spec *sp = rc->spec;
    const ent_ev_opts *o = w->run->opts;
    const ent_cameo *cm = w->run->cameo;
    w->read++;
    if (nf < sp->nf_min || nf > sp->nf_max) {
        char msg[96];
        if (sp->nf_min == sp->nf_max)
            snprintf(msg, sizeof msg, "%s: %d fields, expected %d", nf < sp->nf_min ? "short row" : "extra field",
                     nf - sp->rownames, sp->nf_min - sp->rownames);
        else
            snprintf(msg, sizeof msg, "%s: %d fields, expected %d or %d",
                     nf < sp->nf_min ? "short row" : "extra field", nf - sp->rownames,
                     sp->nf_min - sp->rownames, sp->nf_max - sp->rownames);
        return malformed(rc, nf < sp->nf_min ? RS_SHORT : RS_EXTRA, -1, msg, NULL, 0);
    }
    int y, m, d;
    if (!parse_date(fr[R_DATE].p, fr[R_DATE].n, &y, &m, &d))
        return malformed(rc, RS_BADDATE, R_DATE, "bad date '%s'", fr[R_DATE].p, fr[R_DATE].n);
    int code = ent_cameo_pack(fr[R_CODE].p, fr[R_CODE].n);
    if (code < 0 || !(sp->icews_codes ? cm->icews[code] : cm->gdelt[code]))
        return malformed(rc, RS_BADCODE, R_CODE, "unknown CAMEO code '%s'", fr[R_CODE].p,
                         fr[R_CODE].n);
    int quad;
    if (sp->icews_codes) {
        quad = cm->quad[code];
    } else {
        if (fr[R_QUAD].n != 1 || fr[R_QUAD].p[0] < '1' || fr[R_QUAD].p[0] > '4')
            return malformed(rc, RS_BADQUAD, R_QUAD, "QuadClass '%s' is not 1..4", fr[R_QUAD].p,
                             fr[R_QUAD].n);
        quad = fr[R_QUAD].p[0] - '0';
    }
    int64_t gold = 0, ment = 0, src = 0, art = 0;
    int hg = parse_gold(fr[R_GS].p, fr[R_GS].n, &gold);
    if (hg < 0)
        return malformed(rc, RS_BADGS, R_GS, "Goldstein value '%s' is not a number on the -10..10 scale",
                         fr[R_GS].p, fr[R_GS].n);
    int hm = 0, hs = 0, ha = 0;
    if (sp->idx[R_MENT] >= 0 && (hm = parse_count(fr[R_MENT].p, fr[R_MENT].n, &ment)) < 0)
        return malformed(rc, RS_BADCOUNT, R_MENT, "'%s' is not a count", fr[R_MENT].p, fr[R_MENT].n);
    if (sp->idx[R_SRC] >= 0 && (hs = parse_count(fr[R_SRC].p, fr[R_SRC].n, &src)) < 0)
        return malformed(rc, RS_BADCOUNT, R_SRC, "'%s' is not a count", fr[R_SRC].p, fr[R_SRC].n);
    if (sp->idx[R_ART] >= 0 && (ha = parse_count(fr[R_ART].p, fr[R_ART].n, &art)) < 0)
        return malformed(rc, RS_BADCOUNT, R_ART, "'%s' is not a count", fr[R_ART].p, fr[R_ART].n);
    int ymd = y * 10000 + m * 100 + d;
    if ((o->from && ymd < o->from) || (o->to && ymd > o->to)) {
        filtered(w, rc, RS_RANGE, 0);
        return 0;
    }
    int m1 = is_missing(fr[R_A1].p, fr[R_A1].n), m2 = is_missing(fr[R_A2].p, fr[R_A2].n);
    if (m1 || m2) {
        filtered(w, rc, m1 && m2 ? RS_BOTHMISS : m1 ? RS_A1MISS : RS_A2MISS, 0);
        return 0;
    }
    uint32_t arg1, arg2;
    int c1, c2;
    if (sp->names) {
        c1 = map_name(w, fr[R_A1].p, fr[R_A1].n, y, m, d, &arg1);
        c2 = c1 < -1 ? c1 : map_name(w, fr[R_A2].p, fr[R_A2].n, y, m, d, &arg2);
    } else {
        c1 = map_iso3(w, fr[R_A1].p, fr[R_A1].n, y, m, d, &arg1);
        c2 = c1 < -1 ? c1 : map_iso3(w, fr[R_A2].p, fr[R_A2].n, y, m, d, &arg2);
    }
    if (c1 < -1 || c2 < -1) {
        wfail(w, ENT_ENOMEM, "out of memory in the country lookup");
        return 1;
    }
    if (c1 < 0 || c2 < 0) {
        ent_ev_where wh = { rc->file, rc->off, rc->line };
        w->rejected++;
        reason_hit(w, sp->names ? RS_UNMAP_NAME : RS_UNMAP_CODE, c1 < 0 ? arg1 : arg2, &wh);
        return 0;
    }
    if (o->countries && (!has_countries(o, c1) || !has_countries(o, c2))) {
        filtered(w, rc, RS_COUNTRIES, 0);
        return 0;
    }
    if (o->dedupe) {
        int64_t id;
        int dup = 0;
        if (parse_count(fr[R_ID].p, fr[R_ID].n, &id) <= 0)
            return malformed(rc, RS_BADCOUNT, R_ID, "event id '%s' is not a number", fr[R_ID].p,
                             fr[R_ID].n);
        if (!ids_add(w->ctx, &w->run->ids, (uint64_t)id, &dup)) {
            wfail(w, ENT_ENOMEM, "out of memory in the --dedupe id set");
            return 1;
        }
        if (dup) {
            filtered(w, rc, RS_DUP, 0);
            return 0;
        }
    }
    int per = o->by == EV_BY_DAY ? ymd : o->by == EV_BY_MONTH ? y * 100 + m : y;
    int k = o->key == EV_KEY_QUAD ? quad : o->key == EV_KEY_ROOT ? (code % 10000) / (code >= 40000 ? 100 : code >= 30000 ? 10 : 1) : code;
    uint64_t key = EV_KEY_PACK(c1, c2, per, k);
    /* queue the update and prefetch its slot: the group table is larger
     * than the caches, and this hides the miss behind the next rows */
    int full = hg & hm & hs & ha;
    if (full) {
        __builtin_prefetch(&w->fgroups.slot[ghash(key, w->fgroups.cap - 1)], 1);
    } else {
        const ent_ev_group *slot = &w->groups.slot[ghash(key, w->groups.cap - 1)];
        __builtin_prefetch(slot, 1);
        __builtin_prefetch((const char *)slot + 64, 1);
    }
    if (w->pq_n == PEND_N) {
        if (!pend_apply(w, &w->pq[w->pq_head]))
            return 1;
        w->pq_head = (w->pq_head + 1) & (PEND_N - 1);
        w->pq_n--;
    }
    struct pend *pe = &w->pq[(w->pq_head + w->pq_n) & (PEND_N - 1)];
    w->pq_n++;
    pe->key = key;
    pe->gold = gold;
    pe->ment = ment;
    pe->src = src;
    pe->art = art;
    pe->hg = (uint8_t)hg;
    pe->hm = (uint8_t)hm;
    pe->hs = (uint8_t)hs;
    pe->ha = (uint8_t)ha;
    pe->full = (uint8_t)full;
    w->aggregated++;
    return 0;
}

static int pend_flush(worker *w)
{
    while (w->pq_n) {
        if (!pend_apply(w, &w->pq[w->pq_head]))
            return 0;
        w->pq_head = (w->pq_head + 1) & (PEND_N - 1);
        w->pq_n--;
    }
    return 1;
}

/* ------------------------------------------------------------ scanners */

/* block of 64 bytes: bit i set when base[i] is a tab / newline */
typedef struct blk {
    const char *base;
    uint64_t tab, nl;
} blk;

static inline void blk_load(blk *b, const char *p, const char *end, char delim)
{
    b->base = p;
#if defined(__SSE2__)
    if (end - p >= 64) {
        const __m128i vt = _mm_set1_epi8(delim), vn = _mm_set1_epi8('\n');
        uint64_t t = 0, n = 0;
        for (int i = 0; i < 4; i++) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i));
            t |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(x, vt)) << (16 * i);
            n |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(x, vn)) << (16 * i);
        }
        b->tab = t;
        b->nl = n;
        return;
    }
#endif
    uint64_t t = 0, n = 0;
    long len = end - p > 64 ? 64 : end - p;
    for (long i = 0; i < len; i++) {
        t |= (uint64_t)(p[i] == delim) << i;
        n |= (uint64_t)(p[i] == '\n') << i;
    }
    b->tab = t;
    b->nl = n;
}

static inline uint64_t above(int k)
{
    return k >= 63 ? 0 : ~0ull << (k + 1);
}

/* scan_tsv processes the rows that start in [p, stop) of data ending at end
 * (rows may run past stop).  base_off is the file offset of p; line is the
 * line of the first row (0 = unknown).  When !final, a row not ended by a
 * newline before end is left for the next call.  Returns the pointer where
 * scanning stopped, or NULL when the unit must stop (error). */
static const char *scan_tsv(worker *w, const ev_spec *sp, int file, const char *p,
                            const char *stop, const char *end, uint64_t base_off, uint64_t *line,
                            int final)
{
    const char *data0 = p;
    const char delim = sp->delim;
    const int last = sp->last_needed;
    blk b;
    blk_load(&b, p, end, delim);
    rowctx rc = { w, sp, file, 0, 0 };
    ent_ev_field fr[NROLES];
    /* once: a row with the expected field count overwrites every role it
     * has, and a row without it is rejected before its fields are read */
    memset(fr, 0, sizeof fr);
    while (p < stop) {
        const char *row = p, *fs = p;
        int nf = 0;
        /* bits below the row start are already cleared */
        for (;;) {
            uint64_t sep = b.tab | b.nl;
            if (!sep) {
                if (b.base + 64 >= end)
                    goto eod;
                blk_load(&b, b.base + 64, end, delim);
                continue;
            }
            int k = __builtin_ctzll(sep);
            const char *q = b.base + k;
            int isnl = (int)((b.nl >> k) & 1);
            uint64_t keep = above(k);
            b.tab &= keep;
            b.nl &= keep;
            if (nf < 64 && sp->role_of[nf] >= 0) {
                uint32_t n = (uint32_t)(q - fs);
                if (isnl && n && fs[n - 1] == '\r')
                    n--;
                fr[sp->role_of[nf]] = (ent_ev_field){ fs, n };
            }
            nf++;
            fs = q + 1;
            if (isnl)
                goto row_done;
            /* fields nf .. need-1 are not needed: pass their separators with
             * popcount and clear-lowest-bit, without looking at them */
            int need = sp->next_need[nf < 64 ? nf : 64];
            while (nf < need && nf <= last) {
                int nlpos = b.nl ? __builtin_ctzll(b.nl) : 64;
                uint64_t tb = nlpos == 64 ? b.tab : b.tab & ((1ull << nlpos) - 1);
                int cnt = __builtin_popcountll(tb), skip = need - nf;
                if (cnt >= skip) {
                    for (int i = 1; i < skip; i++)
                        tb &= tb - 1;
                    int kk = __builtin_ctzll(tb);
                    uint64_t kp = above(kk);
                    b.tab &= kp;
                    b.nl &= kp;
                    nf = need;
                    fs = b.base + kk + 1;
                    break;
                }
                nf += cnt;
                if (nlpos < 64) {
                    /* the row ends before the field we need: a short row */
                    uint64_t kp = above(nlpos);
                    b.tab &= kp;
                    b.nl &= kp;
                    nf++;
                    fs = b.base + nlpos + 1;
                    goto row_done;
                }
                b.tab = 0;
                if (b.base + 64 >= end) {
                    fs = end; /* no newline before the end of data */
                    goto eod;
                }
                blk_load(&b, b.base + 64, end, delim);
            }
            if (nf > last) {
                /* skip the rest of the row: count delimiters up to the newline */
                for (;;) {
                    if (b.nl) {
                        int j = __builtin_ctzll(b.nl);
                        nf += __builtin_popcountll(b.tab & ((1ull << j) - 1)) + 1;
                        uint64_t kp = above(j);
                        b.tab &= kp;
                        b.nl &= kp;
                        fs = b.base + j + 1;
                        goto row_done;
                    }
                    nf += __builtin_popcountll(b.tab);
                    b.tab = 0;
                    if (b.base + 64 >= end) {
                        /* no newline before the end of data */
                        if (!final)
                            return row;
                        nf++;
                        fs = end;
                        goto row_done;
                    }
                    blk_load(&b, b.base + 64, end, delim);
                }
            }
        }
    eod:
        if (!final)
            return row;
        if (row >= end)
            return end;
        /* the last row has no newline */
        if (nf < 64 && sp->role_of[nf] >= 0)
            fr[sp->role_of[nf]] = (ent_ev_field){ fs, (uint32_t)(end - fs) };
        nf++;
        fs = end;
    row_done:
        rc.off = base_off + (uint64_t)(row - data0);
        rc.line = *line;
        if (*line)
            (*line)++;
        if (nf == 1 && (fs - row <= 1 || (fs - row == 2 && row[0] == '\r'))) {
            w->read++;
            filtered(w, &rc, RS_BLANK, 0);
        } else if (process_row(&rc, fr, nf)) {
            return NULL;
        }
        p = fs;
    }
    return p;
}

/* scan_csv: quoted CSV rows (the GDELT and ICEWS CSV extracts); same contract. */
static const char *scan_csv(worker *w, const ev_spec *sp, int file, const char *p,
                            const char *stop, const char *end, uint64_t base_off, uint64_t *line,
                            int final)
{
    const char *data0 = p;
    rowctx rc = { w, sp, file, 0, 0 };
    ent_ev_field f[64];
    char scratch[8192];
    while (p < stop) {
        const char *next;
        int nf, nl;
        int r = ent_ev_csv_row(p, end, sp->delim, &next, f, 64, scratch, sizeof scratch, &nf, &nl);
        if (!final && (r == -1 || (r == 0 && next >= end && next[-1] != '\n')))
            return p;
        rc.off = base_off + (uint64_t)(p - data0);
        rc.line = *line;
        if (r != 0) {
            const char *why = r == -1 ? "unclosed quote at the end of the file"
                              : r == -2 ? "a byte after a closing quote"
                                        : "a quoted field too long";
            if (malformed(&rc, RS_BADCSV, -1, why, NULL, 0))
                return NULL;
            /* lenient: skip to the next newline */
            const char *q = memchr(p, '\n', (size_t)(end - p));
            p = q ? q + 1 : end;
            if (*line)
                (*line)++;
            continue;
        }
        if (*line)
            *line += (uint64_t)(nl ? nl : 1);
        ent_ev_field fr[NROLES];
        memset(fr, 0, sizeof fr);
        for (int rr = 0; rr < NROLES; rr++)
            if (sp->idx[rr] >= 0 && sp->idx[rr] < nf && sp->idx[rr] < 64)
                fr[rr] = f[sp->idx[rr]];
        if (nf == 1 && f[0].n == 0) {
            w->read++;
            filtered(w, &rc, RS_BLANK, 0);
        } else if (process_row(&rc, fr, nf)) {
            return NULL;
        }
        p = next;
    }
    return p;
}

/* the fast GDELT scanner (scan_gdelt.h), once per instruction set */
#define SG_MAXROW 4096

static inline void blk_load64_base(blk *b, const char *p, char delim)
{
    blk_load(b, p, p + 64, delim);
}
#define SG_ATTR
#define SG_LOAD blk_load64_base
#define SGF(x) x##_base
#include "scan_gdelt.h"
#undef SG_ATTR
#undef SG_LOAD
#undef SGF

#if EV_X86
__attribute__((target("avx2"))) static inline void blk_load64_avx2(blk *b, const char *p,
                                                                   char delim)
{
    const __m256i vt = _mm256_set1_epi8(delim), vn = _mm256_set1_epi8('\n');
    __m256i x0 = _mm256_loadu_si256((const __m256i *)(const void *)p);
    __m256i x1 = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
    b->base = p;
    b->tab = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x0, vt)) |
             (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x1, vt)) << 32;
    b->nl = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x0, vn)) |
            (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x1, vn)) << 32;
}
#define SG_ATTR __attribute__((target("avx2,bmi,bmi2,popcnt")))
#define SG_LOAD blk_load64_avx2
#define SGF(x) x##_avx2
#include "scan_gdelt.h"
#undef SG_ATTR
#undef SG_LOAD
#undef SGF

__attribute__((target("avx512f,avx512bw"))) static inline void blk_load64_avx512(blk *b, const char *p,
                                                                              char delim)
{
    __m512i x = _mm512_loadu_si512((const void *)p);
    b->base = p;
    b->tab = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(delim));
    b->nl = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('\n'));
}
#define SG_ATTR __attribute__((target("avx512f,avx512bw,avx2,bmi,bmi2,popcnt")))
#define SG_LOAD blk_load64_avx512
#define SGF(x) x##_avx512
#include "scan_gdelt.h"
#undef SG_ATTR
#undef SG_LOAD
#undef SGF
#endif

/* which fast scanner: ENTENTE_SIMD=none|sse2|avx2|avx512 forces one (tests, benchmarks) */
enum { SIMD_NONE, SIMD_SSE2, SIMD_AVX2, SIMD_AVX512 };
static int simd_level(void)
{
    static atomic_int level = -1;
    int l = atomic_load(&level);
    if (l >= 0)
        return l;
    l = SIMD_SSE2;
#if EV_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
        __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt"))
        l = SIMD_AVX2;
#endif
    /* AVX-512BW is used only on request: on the AMD EPYC (Zen 4) this was
     * measured on it was no faster than AVX2 (0.68 vs 0.62 s user, 1.6 GB) */
    const char *e = getenv("ENTENTE_SIMD");
    if (e) {
        int want = !strcmp(e, "none") ? SIMD_NONE : !strcmp(e, "sse2") ? SIMD_SSE2
                   : !strcmp(e, "avx2") ? SIMD_AVX2 : !strcmp(e, "avx512") ? SIMD_AVX512 : l;
#if EV_X86
        if (want == SIMD_AVX512 && l == SIMD_AVX2 && __builtin_cpu_supports("avx512f") &&
            __builtin_cpu_supports("avx512bw"))
            l = SIMD_AVX512;
#endif
        if (want < l)
            l = want;
    }
    atomic_store(&level, l);
    return l;
}

static const char *scan(worker *w, const ev_spec *sp, int file, const char *p, const char *stop,
                        const char *end, uint64_t base_off, uint64_t *line, int final)
{
    if (sp->quoted)
        return scan_csv(w, sp, file, p, stop, end, base_off, line, final);
    if (sp->gdelt_fixed && !sp->header && sp->delim == '\t') {
        switch (simd_level()) {
#if EV_X86
        case SIMD_AVX512: return scan_gdelt_avx512(w, sp, file, p, stop, end, base_off, line, final);
        case SIMD_AVX2: return scan_gdelt_avx2(w, sp, file, p, stop, end, base_off, line, final);
#endif
        case SIMD_SSE2: return scan_gdelt_base(w, sp, file, p, stop, end, base_off, line, final);
        default: break;
        }
    }
    return scan_tsv(w, sp, file, p, stop, end, base_off, line, final);
}

/* ------------------------------------------------------------- units */

static void run_plain(worker *w, const ev_unit *u)
{
    ev_file *f = &w->run->files[u->file];
    const char *map = f->map, *end = map + f->size;
    uint64_t lo = u->lo;
    uint64_t line = 0;
    if (lo <= f->hdr_end) {
        lo = f->hdr_end;
        line = f->hdr_lines + 1;
    } else if (map[lo - 1] != '\n') {
        const char *q = memchr(map + lo, '\n', f->size - lo);
        lo = q ? (uint64_t)(q - map) + 1 : f->size;
    }
    if (lo >= u->hi)
        return;
    w->bytes += u->hi - lo;
    const char *stop = map + u->hi;
    scan(w, &f->spec, u->file, map + lo, stop, end, lo, &line, 1);
    pend_flush(w);
    /* the pages stay in the page cache; they leave this process's resident
     * set, so memory is bounded by the groups, not by the input */
    uint64_t pg = (uint64_t)sysconf(_SC_PAGESIZE);
    uint64_t a = u->lo / pg * pg, b = u->hi / pg * pg;
    if (b > a)
        madvise((void *)(uintptr_t)(map + a), b - a, MADV_DONTNEED);
}

static void run_stream(worker *w, const ev_unit *u)
{
    ev_file *f = &w->run->files[u->file];
    char msg[400];
    gzFile gz = NULL;
    zip_t *z = NULL;
    zip_file_t *zf = NULL;
    if (!w->buf) {
        w->bufcap = 8u << 20;
        w->buf = ent_malloc(w->ctx, w->bufcap);
        if (!w->buf) {
            wfail(w, ENT_ENOMEM, "out of memory for the decompression buffer");
            return;
        }
    }
    if (f->kind == IN_GZ) {
        gz = gzopen(f->path, "rb");
        if (!gz) {
            snprintf(msg, sizeof msg, "%s: cannot open", f->path);
            wfail(w, ENT_EIO, msg);
            return;
        }
        gzbuffer(gz, 1 << 20);
    } else {
        int zerr = 0;
        z = zip_open(f->path, ZIP_RDONLY, &zerr);
        zip_int64_t ne = z ? zip_get_num_entries(z, 0) : 0, first = -1;
        for (zip_int64_t i = 0; i < ne && first < 0; i++) {
            const char *nm = zip_get_name(z, (zip_uint64_t)i, 0);
            if (nm && *nm && nm[strlen(nm) - 1] != '/')
                first = i;
        }
        zf = first >= 0 ? zip_fopen_index(z, (zip_uint64_t)first, 0) : NULL;
        if (!zf) {
            snprintf(msg, sizeof msg, "%s: truncated or corrupt zip archive", f->path);
            wfail(w, ENT_EPARSE, msg);
            goto out;
        }
    }
    size_t have = 0;
    uint64_t off = 0, line = 1;
    int first_chunk = 1, eof = 0, trunc = 0;
    char gzmsg[200] = "";
    while (!eof) {
        long k;
        if (gz) {
            k = gzread(gz, w->buf + have, (unsigned)(w->bufcap - have));
            int errn = 0;
            const char *em = gzerror(gz, &errn);
            if (k < 0 || (errn != Z_OK && errn != Z_STREAM_END)) {
                /* zlib prefixes the message with the path: drop it */
                size_t pl = strlen(f->path);
                if (em && !strncmp(em, f->path, pl) && em[pl] == ':')
                    em += pl + 2;
                snprintf(gzmsg, sizeof gzmsg, "%s", em ? em : "?");
                trunc = 1;
                if (k < 0)
                    k = 0;
            }
        } else {
            k = (long)zip_fread(zf, w->buf + have, w->bufcap - have);
            if (k < 0) {
                snprintf(msg, sizeof msg, "%s:%llu: truncated or corrupt zip data (%s)", f->path,
                         (unsigned long long)line, zip_file_strerror(zf));
                wfail(w, ENT_EPARSE, msg);
                goto out;
            }
        }
        if (k == 0)
            eof = 1;
        have += (size_t)k;
        const char *p = w->buf, *end = w->buf + have;
        if (first_chunk) {
            first_chunk = 0;
            if (f->hdr_end > have) {
                wfail(w, ENT_EPARSE, "header line longer than the buffer");
                goto out;
            }
            p += f->hdr_end;
            off = f->hdr_end;
            line = f->hdr_lines + 1;
        }
        const char *q = scan(w, &f->spec, u->file, p, end, end, off, &line, eof);
        if (!q)
            goto out;
        if (trunc) {
            snprintf(msg, sizeof msg,
                     "%s:%llu: truncated or corrupt gzip stream (%s): the data ends in this line",
                     f->path, (unsigned long long)line, gzmsg);
            wfail(w, ENT_EPARSE, msg);
            goto out;
        }
        w->bytes += (uint64_t)(q - w->buf) - (p - w->buf);
        off += (uint64_t)(q - p);
        size_t rest = (size_t)(end - q);
        if (!eof && rest == w->bufcap) {
            snprintf(msg, sizeof msg, "%s:%llu: a row longer than %zu bytes", f->path,
                     (unsigned long long)line, w->bufcap);
            wfail(w, ENT_EPARSE, msg);
            goto out;
        }
        memmove(w->buf, q, rest);
        have = rest;
    }
out:
    pend_flush(w);
    if (gz)
        gzclose(gz);
    if (zf)
        zip_fclose(zf);
    if (z)
        zip_discard(z);
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    ev_run *run = w->run;
    if (run->map->tls_new)
        w->tls = run->map->tls_new(run->map->ud);
    for (;;) {
        size_t i = atomic_fetch_add(&run->next_unit, 1);
        if (i >= run->nunits || w->failed)
            break;
        const ev_unit *u = &run->units[i];
        if (!run->opts->lenient) {
            pthread_mutex_lock(&run->err_mu);
            int skip = run->any_err && (run->first_err.file < u->file ||
                                        (run->first_err.file == u->file && run->first_err.off < u->lo));
            pthread_mutex_unlock(&run->err_mu);
            if (skip)
                continue;
        }
        if (run->files[u->file].kind == IN_PLAIN)
            run_plain(w, u);
        else
            run_stream(w, u);
    }
    if (run->map->tls_free && w->tls)
        run->map->tls_free(run->map->ud, w->tls);
    return NULL;
}

/* ------------------------------------------------------------- results */

static const char *reason_fmt(uint32_t id)
{
    switch (id) {
    case RS_BLANK: return "blank line";
    case RS_RANGE: return "event date outside --from/--to";
    case RS_A1MISS: return "actor1 country missing";
    case RS_A2MISS: return "actor2 country missing";
    case RS_BOTHMISS: return "both actor countries missing";
    case RS_COUNTRIES: return "dyad outside --countries";
    case RS_DUP: return "duplicate event id (--dedupe)";
    case RS_UNMAP_CODE: return "unmappable country code";
    case RS_UNMAP_NAME: return "unmappable country name";
    case RS_SHORT: return "malformed: short row";
    case RS_EXTRA: return "malformed: extra field";
    case RS_BADDATE: return "malformed: bad date";
    case RS_BADGS: return "malformed: non-numeric Goldstein value";
    case RS_BADCODE: return "malformed: unknown CAMEO code";
    case RS_BADQUAD: return "malformed: QuadClass not 1..4";
    case RS_BADCOUNT: return "malformed: bad count or id";
    case RS_BADCSV: return "malformed: bad quoting";
    default: return "?";
    }
}

static void result_add_reason(ent_ev_result *r, const char *text, int kind, uint64_t count,
                              const ent_ev_where *ex, int nex)
{
    ent_ev_reason *rs = NULL;
    for (size_t i = 0; i < r->nreasons; i++)
        if (!strcmp(r->reasons[i].text, text)) {
            rs = &r->reasons[i];
            break;
        }
    if (!rs) {
        if (r->nreasons == EV_MAXREASONS) {
            r->other_reasons += count;
            return;
        }
        rs = &r->reasons[r->nreasons++];
        memset(rs, 0, sizeof *rs);
        snprintf(rs->text, sizeof rs->text, "%s", text);
        rs->kind = kind;
    }
    rs->count += count;
    for (int i = 0; i < nex; i++) {
        const ent_ev_where *wh = &ex[i];
        if (rs->nex < EV_MAXEX || where_lt(wh, &rs->ex[rs->nex - 1])) {
            int j = rs->nex < EV_MAXEX ? rs->nex++ : EV_MAXEX - 1;
            while (j > 0 && where_lt(wh, &rs->ex[j - 1])) {
                rs->ex[j] = rs->ex[j - 1];
                j--;
            }
            rs->ex[j] = *wh;
        }
    }
}

static void worker_reasons(worker *w, ent_ev_result *r)
{
    for (int i = 0; i < w->nreasons; i++) {
        wreason *wr = &w->reasons[i];
        char text[96];
        int kind = wr->id < RS_UNMAP_CODE ? 1 : 2;
        if (wr->id == RS_UNMAP_CODE) {
            if (wr->arg >= 26 * 26 * 26)
                snprintf(text, sizeof text, "unmappable country code (not 3 letters)");
            else
                snprintf(text, sizeof text, "unmappable country code '%c%c%c'",
                         'A' + wr->arg / 676, 'A' + wr->arg / 26 % 26, 'A' + wr->arg % 26);
        } else if (wr->id == RS_UNMAP_NAME) {
            snprintf(text, sizeof text, "unmappable country name '%.60s'", w->name_by_id[wr->arg]);
        } else {
            snprintf(text, sizeof text, "%s", reason_fmt(wr->id));
        }
        result_add_reason(r, text, kind, wr->count, wr->ex, wr->nex);
    }
    r->other_reasons += w->reason_overflow;
}

static int cmp_group(const void *a, const void *b)
{
    uint64_t x = ((const ent_ev_group *)a)->key, y = ((const ent_ev_group *)b)->key;
    return x < y ? -1 : x > y;
}

static int cmp_where(const void *a, const void *b)
{
    const ent_ev_where *x = *(ent_ev_where *const *)a, *y = *(ent_ev_where *const *)b;
    return where_lt(x, y) ? -1 : where_lt(y, x);
}

/* resolve the line numbers of examples and of the error that lack one */
static ent_status resolve_lines(ent_ctx *ctx, ent_ev_result *r, ev_file *files)
{
    size_t n = 0, cap = (size_t)r->nreasons * EV_MAXEX + 1;
    ent_ev_where **v = ent_malloc(ctx, cap * sizeof *v);
    if (!v)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    for (size_t i = 0; i < r->nreasons; i++)
        for (int j = 0; j < r->reasons[i].nex; j++)
            if (!r->reasons[i].ex[j].line)
                v[n++] = &r->reasons[i].ex[j];
    if (r->has_error && !r->err_where.line)
        v[n++] = &r->err_where;
    qsort(v, n, sizeof *v, cmp_where);
    size_t i = 0;
    while (i < n) {
        ev_file *f = &files[v[i]->file];
        if (f->kind != IN_PLAIN || !f->map) {
            i++;
            continue;
        }
        uint64_t pos = 0, line = 1;
        for (; i < n && &files[v[i]->file] == f; i++) {
            uint64_t to = v[i]->off;
            while (pos < to) {
                const char *q = memchr(f->map + pos, '\n', to - pos);
                if (!q)
                    break;
                line++;
                pos = (uint64_t)(q - f->map) + 1;
            }
            pos = to;
            v[i]->line = line;
        }
    }
    ent_free(ctx, v);
    return ENT_OK;
}

void ent_ev_result_free(ent_ctx *ctx, ent_ev_result *r)
{
    if (!r)
        return;
    ent_free(ctx, r->groups);
    ent_free(ctx, r);
}

static void worker_free(worker *w)
{
    ent_ctx *ctx = w->ctx;
    gt_free(ctx, &w->groups);
    ft_free(ctx, &w->fgroups);
    for (int i = 1; i <= w->ncc; i++) {
        for (int y = 0; y < YEAR_N; y++)
            ent_free(ctx, w->cc[i]->day[y]);
        ent_free(ctx, w->cc[i]);
    }
    ent_free(ctx, w->cc);
    for (size_t i = 0; i < w->namecap; i++)
        ent_free(ctx, w->names[i].name);
    ent_free(ctx, w->names);
    ent_free(ctx, w->name_by_id);
    ent_free(ctx, w->buf);
}

ent_status ent_ev_run(ent_ctx *ctx, const ent_cameo *cameo, const ent_ev_mapper *map,
                      const char *const *paths, size_t nfiles, const ent_ev_opts *opts,
                      ent_ev_result **out)
{
    ent_status st = ENT_OK;
    ev_run run;
    memset(&run, 0, sizeof run);
    worker *ws = NULL;
    int nthreads = 0;
    char *peekbuf = NULL;
    ent_ev_result *r = NULL;
    *out = NULL;
    run.ctx = ctx;
    run.cameo = cameo;
    run.map = map;
    run.opts = opts;
    pthread_mutex_init(&run.err_mu, NULL);
    if (nfiles == 0)
        return ent_err(ctx, ENT_EINVAL, "no input files");
    r = ent_calloc(ctx, 1, sizeof *r);
    run.files = ent_calloc(ctx, nfiles, sizeof *run.files);
    peekbuf = ent_malloc(ctx, 1 << 20);
    if (!r || !run.files || !peekbuf) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    r->by = opts->by;
    r->key = opts->key;
    run.nfiles = nfiles;
    /* plan: formats, headers, units */
    size_t split = opts->split_bytes ? opts->split_bytes : (size_t)16 << 20; /* small enough to even out threads slowed by other jobs */
    size_t nunits = 0, capunits = 0;
    for (size_t i = 0; i < nfiles; i++) {
        ev_file *f = &run.files[i];
        f->path = paths[i];
        f->map_fd = -1;
        if ((st = plan_file(ctx, f, opts->format, peekbuf, 1 << 20)) != ENT_OK)
            goto out;
        r->format_seen |= 1 << f->spec.fmt;
        size_t k = 1;
        if (f->kind == IN_PLAIN && !f->spec.quoted && !opts->dedupe)
            k = (size_t)((f->size + split - 1) / split);
        if (k == 0)
            k = 1;
        if (nunits + k > capunits) {
            capunits = (nunits + k) * 2;
            ev_unit *nu = ent_realloc(ctx, run.units, capunits * sizeof *nu);
            if (!nu) {
                st = ent_err(ctx, ENT_ENOMEM, "out of memory");
                goto out;
            }
            run.units = nu;
        }
        for (size_t j = 0; j < k; j++) {
            ev_unit *u = &run.units[nunits++];
            u->file = (int)i;
            u->lo = f->kind == IN_PLAIN ? j * split : 0;
            u->hi = f->kind == IN_PLAIN ? (j + 1 == k ? f->size : (j + 1) * split) : f->size;
        }
    }
    /* this rank's share: every nranks-th unit */
    if (opts->nranks > 1) {
        size_t m = 0;
        for (size_t i = 0; i < nunits; i++)
            if ((int)(i % (size_t)opts->nranks) == opts->rank)
                run.units[m++] = run.units[i];
        nunits = m;
    }
    run.nunits = nunits;
    /* map the plain files this rank reads */
    for (size_t i = 0; i < nunits; i++) {
        ev_file *f = &run.files[run.units[i].file];
        if (f->kind != IN_PLAIN || f->map)
            continue;
        f->map_fd = open(f->path, O_RDONLY);
        if (f->map_fd < 0) {
            st = ent_err(ctx, ENT_EIO, "%s: cannot open: %s", f->path, strerror(errno));
            goto out;
        }
        void *mp = mmap(NULL, f->size, PROT_READ, MAP_PRIVATE, f->map_fd, 0);
        if (mp == MAP_FAILED) {
            st = ent_err(ctx, ENT_EIO, "%s: cannot map: %s", f->path, strerror(errno));
            goto out;
        }
        madvise(mp, f->size, MADV_SEQUENTIAL);
        f->map = mp;
    }
    nthreads = opts->threads > 0 ? opts->threads : (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (nthreads < 1)
        nthreads = 1;
    if (opts->dedupe)
        nthreads = 1; /* the first occurrence in input order is kept */
    if ((size_t)nthreads > nunits)
        nthreads = nunits ? (int)nunits : 1;
    ws = ent_calloc(ctx, (size_t)nthreads, sizeof *ws);
    if (!ws) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    for (int t = 0; t < nthreads; t++) {
        ws[t].run = &run;
        ws[t].ctx = ctx;
        if (!gt_init(ctx, &ws[t].groups, 1 << 12) || !ft_init(ctx, &ws[t].fgroups, 1 << 12)) {
            st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
    }
    atomic_init(&run.next_unit, 0);
    if (nthreads == 1) {
        worker_main(&ws[0]);
    } else {
        pthread_t *tid = ent_malloc(ctx, (size_t)nthreads * sizeof *tid);
        if (!tid) {
            st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        int started = 0;
        for (int t = 0; t < nthreads; t++, started++)
            if (pthread_create(&tid[t], NULL, worker_main, &ws[t]) != 0)
                break;
        if (started == 0)
            worker_main(&ws[0]);
        for (int t = 0; t < started; t++)
            pthread_join(tid[t], NULL);
        if (started < nthreads && started > 0) {
            /* leftover units are picked up by a last run on this thread */
            worker_main(&ws[started]);
        }
        ent_free(ctx, tid);
    }
    /* gather */
    for (int t = 0; t < nthreads; t++) {
        worker *w = &ws[t];
        if (w->failed) {
            st = ent_err(ctx, w->fail_st, "%s", w->fail_msg);
            goto out;
        }
        r->read += w->read;
        r->aggregated += w->aggregated;
        r->filtered += w->filtered;
        r->rejected += w->rejected;
        r->bytes += w->bytes;
        worker_reasons(w, r);
        if (w->has_err && (!r->has_error || where_lt(&w->err_where, &r->err_where))) {
            r->has_error = 1;
            r->err_where = w->err_where;
            snprintf(r->err_msg, sizeof r->err_msg, "%s", w->err_msg);
        }
    }
    for (int t = 0; t < nthreads; t++)
        if (!ft_fold(ctx, &ws[t].fgroups, &ws[t].groups)) {
            st = ent_err(ctx, ENT_ENOMEM, "out of memory merging groups");
            goto out;
        }
    gtab *g0 = &ws[0].groups;
    for (int t = 1; t < nthreads; t++) {
        gtab *gt = &ws[t].groups;
        for (size_t i = 0; i < gt->cap; i++)
            if (gt->slot[i].key) {
                ent_ev_group *g = gt_get(ctx, g0, gt->slot[i].key);
                if (!g) {
                    st = ent_err(ctx, ENT_ENOMEM, "out of memory merging groups");
                    goto out;
                }
                group_add(g, &gt->slot[i]);
            }
        gt_free(ctx, gt);
    }
    r->groups = ent_malloc(ctx, (g0->n ? g0->n : 1) * sizeof *r->groups);
    if (!r->groups) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < g0->cap; i++)
        if (g0->slot[i].key)
            r->groups[r->ngroups++] = g0->slot[i];
    qsort(r->groups, r->ngroups, sizeof *r->groups, cmp_group);
    if ((st = resolve_lines(ctx, r, run.files)) != ENT_OK)
        goto out;
    if (r->has_error) {
        char full[2048];
        snprintf(full, sizeof full, "%s:%llu: %s", run.files[r->err_where.file].path,
                 (unsigned long long)r->err_where.line, r->err_msg);
        static const char hint[] = " (--lenient counts such rows and goes on)";
        size_t fl = strlen(full);
        if (fl > sizeof r->err_msg - sizeof hint)
            fl = sizeof r->err_msg - sizeof hint;
        memcpy(r->err_msg, full, fl);
        memcpy(r->err_msg + fl, hint, sizeof hint);
        st = ent_err(ctx, ENT_EPARSE, "%s", r->err_msg);
    }
out:
    if (ws) {
        for (int t = 0; t < nthreads; t++)
            worker_free(&ws[t]);
        ent_free(ctx, ws);
    }
    if (run.files) {
        for (size_t i = 0; i < nfiles; i++) {
            if (run.files[i].map)
                munmap((void *)(uintptr_t)run.files[i].map, run.files[i].size);
            if (run.files[i].map_fd >= 0)
                close(run.files[i].map_fd);
        }
        ent_free(ctx, run.files);
    }
    ent_free(ctx, run.units);
    ent_free(ctx, run.ids.slot);
    ent_free(ctx, peekbuf);
    pthread_mutex_destroy(&run.err_mu);
    if (st != ENT_OK && st != ENT_EPARSE) {
        ent_ev_result_free(ctx, r);
        r = NULL;
    }
    if (st == ENT_EPARSE && r && !r->has_error) {
        /* a file-level error (empty, truncated, wrong format) */
        r->has_error = 1;
        snprintf(r->err_msg, sizeof r->err_msg, "%s", ent_errmsg(ctx));
    }
    *out = r;
    return st;
}

const char *ent_ev_format_name(ent_ev_format f)
{
    switch (f) {
    case EV_FMT_GDELT1: return "gdelt1";
    case EV_FMT_GDELT2: return "gdelt2";
    case EV_FMT_GDELT1_CSV: return "gdelt1-csv";
    case EV_FMT_ICEWS: return "icews";
    default: return "auto";
    }
}

int ent_ev_format_parse(const char *s)
{
    static const char *const n[] = { "auto", "gdelt1", "gdelt2", "gdelt1-csv", "icews" };
    for (int i = 0; i < 5; i++)
        if (!strcmp(s, n[i]))
            return i;
    return -1;
}
