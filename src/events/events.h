/*
 * events.h -- the event-data engine: GDELT 1.0 / 2.0 and ICEWS event files
 * aggregated per (actor 1 state, actor 2 state, period, key) at the speed the
 * machine can read them.  Internal to libentente; the CLI verb `events`
 * (cli/cmd_events.c) drives it.  Design notes: docs/internals/events.md.
 *
 * Pipeline: inputs (plain files are mmap'd and split into byte ranges across
 * threads and MPI ranks; .gz and .zip are streamed whole) -> a format scanner
 * (GDELT TSV: SIMD separator masks, parses only the fields the aggregation
 * needs, then skips to the newline counting tabs; CSV extracts and ICEWS: by
 * header name) -> per-row validation, filters and the country lookup table ->
 * a per-thread open-addressing hash table of groups -> merge -> sorted
 * output.  Every row read is counted exactly once as aggregated, filtered or
 * rejected, with a tally of reasons and the first examples as file:line.
 *
 * Goldstein values are kept as exact integers in hundredths, so sums do not
 * depend on the order of addition: a run split across threads, ranks or
 * partial files gives byte-identical output.
 */
#ifndef ENT_EVENTS_H
#define ENT_EVENTS_H

#include "../core/core.h"

struct sqlite3;

/* ------------------------------------------------------------ CAMEO table */

/* A CAMEO event code of 2 to 4 digits is packed as len*10000 + value, so
 * "04" and "040" differ; EV_CODE_SPACE bounds the packed value. */
#define EV_CODE_SPACE 50000

typedef struct ent_cameo {
    /* For each packed code: 0 = unknown, else 1 + the quad class (1..4) for
     * ICEWS-style lookups; bit 7 set = known to GDELT's table. */
    uint8_t gdelt[EV_CODE_SPACE];   /* 1 when in GDELT_CAMEO.eventcodes.txt */
    uint8_t icews[EV_CODE_SPACE];   /* 1 when in the ICEWS code table */
    uint8_t quad[EV_CODE_SPACE];    /* quad class 1..4 from the ICEWS table; 0 unknown */
    int16_t gold10[EV_CODE_SPACE];  /* Goldstein x 10 from GDELT's table; INT16_MIN unknown */
    int ncodes_gdelt, ncodes_icews;
} ent_cameo;

/* ent_cameo_load reads cameo_codebook/GDELT_CAMEO.eventcodes.txt,
 * GDELT_CAMEO.goldsteinscale.txt and icews_cameo_codes_quadpenta.csv under
 * datadir.  Free with ent_free(ctx, cameo). */
ent_status ent_cameo_load(ent_ctx *ctx, const char *datadir, ent_cameo **out);
/* ent_cameo_pack packs a code of 2..4 ASCII digits; -1 when not such a code. */
int ent_cameo_pack(const char *s, size_t n);
/* ent_cameo_unpack writes the code text for a packed value into buf[5]. */
void ent_cameo_unpack(int packed, char buf[5]);

/* ------------------------------------------------------- RFC 4180 rows */

typedef struct ent_ev_field {
    const char *p;
    uint32_t n;
} ent_ev_field;

/* ent_ev_csv_row parses one record of delimited text at p (bounded by end).
 * Quoted fields are unquoted: a view inside the quotes, or a copy into
 * scratch when they hold "" escapes.  Up to maxf fields are stored; *nfields
 * receives the true count and *nlines the newlines consumed.  *next points
 * past the record's newline.  Returns 0, or -1 for an unclosed quote at the
 * end of input, -2 for a byte after a closing quote, -3 scratch too small. */
int ent_ev_csv_row(const char *p, const char *end, char delim, const char **next,
                   ent_ev_field *f, int maxf, char *scratch, size_t scratchcap, int *nfields,
                   int *nlines);

/* the most bytes read whole (ent_fread_all): a codebook table or a partial
 * aggregate file */
#define EV_MAXREAD ((size_t)1 << 40)

/* ------------------------------------------------------------ country map */

/* How country codes become COW codes.  The engine never calls these in the
 * hot loop: it builds a lookup table (per code and year, per day only for
 * the few years in which a code changes state) on first sight of a code.
 * iso3 returns the COW code or -1; name (ICEWS country names) likewise.
 * Both must be safe to call from several threads with distinct `tls`. */
typedef struct ent_ev_mapper {
    int (*iso3)(void *ud, const char *iso3, int y, int m, int d);
    int (*name)(void *ud, void *tls, const char *name, int y, int m, int d);
    void *(*tls_new)(void *ud);      /* per-thread state for name(); may be NULL */
    void (*tls_free)(void *ud, void *tls);
    const char *(*abb)(void *ud, int ccode); /* COW abbreviation for output */
    void *ud;
    /* optional (may be NULL): 0 when iso3 maps to no state on any date (a
     * regional code, a territory), so the engine fills every year of it at
     * once instead of asking iso3 about each year */
    int (*iso3_any)(void *ud, const char *iso3);
} ent_ev_mapper;

/* ent_ev_mapper_registry binds a mapper to the state registry. */
void ent_ev_mapper_registry(ent_ev_mapper *m, const ent_registry *reg);

/* -------------------------------------------------------------- options */

typedef enum ent_ev_format {
    EV_FMT_AUTO = 0,
    EV_FMT_GDELT1, /* raw TSV, no header, 57 or 58 fields */
    EV_FMT_GDELT2, /* raw TSV, no header, 61 fields */
    EV_FMT_GDELT1_CSV, /* the CSV extracts with a header (gdelt_sample) */
    EV_FMT_ICEWS   /* .tab with a header */
} ent_ev_format;

typedef enum ent_ev_by { EV_BY_DAY = 0, EV_BY_MONTH, EV_BY_YEAR } ent_ev_by;
typedef enum ent_ev_key { EV_KEY_QUAD = 0, EV_KEY_ROOT, EV_KEY_CODE } ent_ev_key;

typedef struct ent_ev_opts {
    ent_ev_format format;
    ent_ev_by by;
    ent_ev_key key;
    int from, to;          /* inclusive yyyymmdd bounds; 0 = open */
    const int *countries;  /* sorted COW codes; NULL = all */
    size_t ncountries;
    int dedupe;            /* drop repeated event ids (single scan in input order) */
    int lenient;           /* count malformed rows and go on */
    int threads;           /* 0 = number of online CPUs */
    size_t split_bytes;    /* plain files larger than this are split; 0 = 16 MiB */
    int rank, nranks;      /* MPI: this process's share of the work; 0/1 alone */
    size_t max_groups;     /* cap on the groups of one thread's table: beyond it the
                            * run fails with "too many groups: more than N ...";
                            * 0 = 2^26 (67 M groups: a table of 6.4 GB) */
} ent_ev_opts;

/* ------------------------------------------------------------- results */

/* One group.  Sums cover the rows where the value is present; n_* count
 * them, so a mean is sum / n and a group without any value prints empty. */
typedef struct ent_ev_group {
    uint64_t key;          /* packed: see ent_ev_key_* below */
    int64_t events;
    int64_t gold100;       /* sum of Goldstein x 100 */
    int64_t n_gold;
    int64_t mentions, sources, articles;
    int64_t n_ment, n_src, n_art;
} ent_ev_group;

/* key = a1 (10 bits) | a2 (10 bits) | period (27 bits) | key (16 bits) */
#define EV_KEY_PACK(a1, a2, per, k)                                            \
    (((uint64_t)(a1) << 53) | ((uint64_t)(a2) << 43) | ((uint64_t)(per) << 16) | \
     (uint64_t)(k))
#define EV_KEY_A1(x) ((int)((x) >> 53))
#define EV_KEY_A2(x) ((int)(((x) >> 43) & 1023))
#define EV_KEY_PER(x) ((int)(((x) >> 16) & ((1u << 27) - 1)))
#define EV_KEY_K(x) ((int)((x) & 0xffff))

#define EV_MAXFILES ((size_t)1 << 24) /* file names of partials (GDELT 2.0: ~350,000 files) */
#define EV_MAXREASONS 64
#define EV_MAXEX 3     /* examples kept per reason */

typedef struct ent_ev_where {
    int file;          /* index into the run's file list; -1 none */
    uint64_t off;      /* byte offset of the row in the (uncompressed) file */
    uint64_t line;     /* 1-based line, 0 until resolved */
} ent_ev_where;

typedef struct ent_ev_reason {
    char text[96];     /* "unmappable country code 'EUR'" */
    int kind;          /* 1 filtered, 2 rejected */
    uint64_t count;
    int nex;
    ent_ev_where ex[EV_MAXEX];
} ent_ev_reason;

typedef struct ent_ev_result {
    ent_ev_by by;
    ent_ev_key key;
    int format_seen;          /* bit per ent_ev_format seen */
    uint64_t read, aggregated, filtered, rejected;
    uint64_t bytes;           /* uncompressed bytes scanned */
    size_t nreasons;
    ent_ev_reason reasons[EV_MAXREASONS];
    uint64_t other_reasons;   /* rows whose reason did not fit the table */
    ent_ev_group *groups;     /* sorted by key */
    size_t ngroups;
    /* the first malformed row (strict mode): */
    int has_error;
    ent_ev_where err_where;
    char err_msg[512];
} ent_ev_result;

/* ent_ev_run aggregates files[0..nfiles) (this rank's share when nranks > 1)
 * into a fresh result.  Returns ENT_OK with the result even when rows were
 * rejected; in strict mode the first malformed row is ENT_EPARSE with the
 * message on ctx and in (*out)->err_msg. */
ent_status ent_ev_run(ent_ctx *ctx, const ent_cameo *cameo, const ent_ev_mapper *map,
                      const char *const *files, size_t nfiles, const ent_ev_opts *opts,
                      ent_ev_result **out);
void ent_ev_result_free(ent_ctx *ctx, ent_ev_result *r);

/* ent_ev_merge adds src into dst (same by/key, or ENT_EINVAL). */
ent_status ent_ev_merge(ent_ctx *ctx, ent_ev_result *dst, const ent_ev_result *src);

/* Partial aggregates: a text file that --merge reads back, holding the
 * groups with their counts and the row accounting.  File names are kept so
 * that examples print as file:line after a merge. */
ent_status ent_ev_partial_write(ent_ctx *ctx, const ent_ev_result *r, const char *const *files,
                                size_t nfiles, FILE *fp);
/* ent_ev_partial_read reads one partial; file names it mentions are appended
 * to *names (ctx allocations, *nnames updated) and example indices remapped. */
ent_status ent_ev_partial_read(ent_ctx *ctx, const char *path, ent_ev_result **out,
                               char ***names, size_t *nnames);
/* In-memory form of the same, for MPI. */
ent_status ent_ev_partial_buf(ent_ctx *ctx, const ent_ev_result *r, char **buf, size_t *len);
ent_status ent_ev_partial_parse(ent_ctx *ctx, const char *label, const char *buf, size_t len,
                                ent_ev_result **out, char ***names, size_t *nnames);

/* ent_ev_period_str formats a packed period (yyyymmdd, yyyymm or yyyy) as
 * YYYY-MM-DD, YYYY-MM or YYYY. */
void ent_ev_period_str(int per, ent_ev_by by, char buf[16]);
/* ent_ev_key_str formats the key column: quad "1".."4", root "01".."20",
 * code "0834". */
void ent_ev_key_str(int k, ent_ev_key key, char buf[8]);
/* ent_ev_put_u writes v in decimal, zero-padded to at least width digits,
 * at p (no NUL); returns the end. */
char *ent_ev_put_u(char *p, uint64_t v, int width);
/* ent_ev_gold_str formats a sum of hundredths exactly: "12.3", "-0.45", "7.0". */
void ent_ev_gold_str(int64_t gold100, char buf[32]);

/* ent_ev_report writes the row accounting (rows read = aggregated +
 * filtered + rejected, each reason with its first examples as file:line). */
void ent_ev_report(const ent_ev_result *r, const char *const *files, size_t nfiles, FILE *fp);

/* ent_ev_format_name / _parse: "gdelt1", "gdelt2", "gdelt1-csv", "icews", "auto". */
const char *ent_ev_format_name(ent_ev_format f);
int ent_ev_format_parse(const char *s);

/* --------------------------------------------------------------- output */

/* ent_ev_write_csv writes r as CSV (header, then one line per group) to fp
 * through a private buffer (output.c); abb gives a COW code's abbreviation
 * (NULL, or a NULL return: the number).  A failed write stops it and leaves
 * fp's error set for the caller's close to report; ENT_ENOMEM only. */
ent_status ent_ev_write_csv(ent_ctx *ctx, const ent_ev_result *r,
                            const char *(*abb)(void *ud, int ccode), void *ud, FILE *fp);

/* ent_ev_write_db stores a year x quad result as the source table
 * events_dyad_year (schema in docs/internals/events.md), replacing its rows
 * in one transaction. */
ent_status ent_ev_write_db(ent_ctx *ctx, struct sqlite3 *db, const ent_ev_result *r,
                           const char *files_desc);

#endif
