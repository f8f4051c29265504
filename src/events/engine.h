/*
 * engine.h -- the types the event engine's files share (internal to
 * src/events/; the API is events.h).  The engine is split by concept:
 *
 *   plan.c      work planning: format detection, headers, byte-range units
 *   ../core/bytesrc.c  the byte source (plain, mmap, gzip, zip)
 *   scan.c      the scanners (generic TSV, quoted CSV, the GDELT fast scanner
 *               of scan_gdelt.h per instruction set) and the SIMD dispatch
 *   row.h/row.c one row: field parsing, validation, filters, the country
 *               lookup tables, the queue of group updates
 *   gtable.h/.c the u64-keyed open-addressing table (groups, --dedupe ids)
 *   engine.c    ent_ev_run: units, threads, gathering, row accounting
 */
#ifndef ENT_EV_ENGINE_H
#define ENT_EV_ENGINE_H

#include "events.h"
#include "gtable.h"
#include "../core/bytesrc.h"

#include <pthread.h>
#include <stdatomic.h>

/* ------------------------------------------------------------------ roles */

enum { R_ID, R_DATE, R_A1, R_A2, R_CODE, R_QUAD, R_GS, R_MENT, R_SRC, R_ART, NROLES };

/* ---------------------------------------------------------------- plan */

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
    ent_bs_kind kind;
    uint64_t size;       /* bytes on disk */
    ev_spec spec;
    ent_bytesrc *src;    /* plain files this rank reads: open and mapped */
    const char *map;     /* plain files: the mapping */
    uint64_t hdr_end;    /* offset of the first data row */
    uint64_t hdr_lines;  /* lines in the header */
} ev_file;

typedef struct ev_unit {
    int file;
    uint64_t lo, hi;     /* byte range of row starts (plain); whole file otherwise */
} ev_unit;
/* work units of one run: 16 MiB each by default (about 100 for GDELT's 1.6 GB) */
#define EV_MAXUNITS ((size_t)1 << 32)

/* ------------------------------------------------------------- reasons */

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
#define PEND_N 32 /* power of two */

/* --------------------------------------------------------- country cache */

#define YEAR_LO 1800
#define YEAR_N 400
#define CC_UNSET INT16_MIN
#define CC_VARIES (INT16_MIN + 1)

#define EV_FILL_LOCKS 64

/* The lookup table of one code: per year one COW code (-1 none), or
 * CC_VARIES with a table per day.  The tables of ISO codes are shared by
 * the threads (ev_run.iso_cc): a year is filled once, under one of the
 * striped locks ev_run.fill_mu (chosen by the table's address, so two
 * threads filling different codes at the start of a run do not wait on each
 * other), and published by the atomic store of its entry (release; the hot path
 * reads it with acquire, a plain load on x86).  ICEWS names keep tables
 * per thread (their lookups need the thread's mapper state). */
typedef struct ccache {
    _Atomic int16_t year[YEAR_N];
    int16_t *day[YEAR_N]; /* per-day codes in the years a code changes state */
} ccache;

/* distinct ICEWS country names of one thread (a few hundred in the data) */
#define EV_MAXNAMES ((size_t)1 << 24)

typedef struct nameent {
    char *name;
    uint32_t len;
    int id;
} nameent;


/* ---------------------------------------------------------------- worker */

/* A group whose rows all had the four values (Goldstein, mentions, sources,
 * articles): GDELT's usual case.  48 bytes against 80 for ent_ev_group: the
 * present-value counts are the event count.  Rows missing any value go to
 * the general table of ent_ev_group slots; both are gathered into one
 * result at the end, so the sums are the same integers. */
typedef struct fslot {
    uint64_t key;
    int64_t events, gold100, mentions, sources, articles;
} fslot;

typedef struct ev_run ev_run;

typedef struct worker {
    /* the workers sit side by side in one array: the pads keep the hot
     * fields of one (counters, table sizes, the queue) off the cache lines
     * of its neighbours, which the threads would otherwise pass back and
     * forth on every row (false sharing) */
    char pad_head[128];
    ev_run *run;
    ent_ctx *ctx;
    ev_tab groups;       /* ent_ev_group slots */
    ev_tab fgroups;      /* fslot slots: rows with all four values */
    uint64_t read, aggregated, filtered, rejected, bytes;
    wreason reasons[WR_MAX];
    int nreasons;
    uint16_t rix[RS_N];                    /* 1 + index in reasons of (id, 0); 0 none */
    uint16_t rix_code[26 * 26 * 26 + 1];   /* the same for (RS_UNMAP_CODE, code) */
    uint64_t reason_overflow;
    ccache **cc;         /* ICEWS names' tables, by name id (1-based) */
    int ncc;
    size_t capcc;
    nameent *names;      /* open-addressed table of ICEWS names */
    size_t namecap, nnames;
    char **name_by_id;
    size_t capbyid;
    void *tls;
    int failed;          /* ENT_ENOMEM and the like */
    ent_status fail_st;
    char fail_msg[512];
    ent_ctx ectx;        /* ctx's allocator with a message of this thread's own:
                          * ent_grow fails here without writing the shared ctx */
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
    char pad_tail[128];
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
    ev_tab ids;          /* --dedupe: event id + 1, 8-byte slots */
    _Atomic(ccache *) *iso_cc; /* by ISO code index (26^3), shared by the threads */
    pthread_mutex_t cc_mu;     /* creating shared tables */
    pthread_mutex_t fill_mu[EV_FILL_LOCKS]; /* filling them: by table address */
    size_t max_groups;
};

static inline int where_lt(const ent_ev_where *a, const ent_ev_where *b)
{
    return a->file < b->file || (a->file == b->file && a->off < b->off);
}

/* the row being processed */
typedef struct rowctx {
    worker *w;
    const ev_spec *spec;
    int file;
    uint64_t off;    /* byte offset of the row */
    uint64_t line;   /* 0 when unknown (split units) */
} rowctx;

/* plan.c: files (formats, headers, sources of this rank's plain files) and
 * this rank's units into run; the formats seen into *formats_seen. */
ent_status ev_plan(ent_ctx *ctx, ev_run *run, const char *const *paths, size_t nfiles,
                   int *formats_seen);
void ev_plan_free(ev_run *run);

/* scan.c: processes the rows that start in [p, stop) of data ending at end
 * (rows may run past stop).  base_off is the file offset of p; *line is the
 * line of the first row (0 = unknown), advanced.  When !final, a row not
 * ended by a newline before end is left for the next call.  Returns where
 * scanning stopped, or NULL when the unit must stop (an error). */
const char *ev_scan(worker *w, const ev_spec *sp, int file, const char *p, const char *stop,
                    const char *end, uint64_t base_off, uint64_t *line, int final);

/* row.c: the cold parts of the row logic */
void ev_reason_hit(worker *w, uint32_t id, uint32_t arg, const ent_ev_where *wh);
void ev_wfail(worker *w, ent_status st, const char *msg);
int ev_malformed(rowctx *rc, int reason, int role, const char *fmt, const char *val, uint32_t vn);
int ev_cc_fill(worker *w, ccache *c, int yi, int y, const char *key, int isname);
ccache *ev_cc_new(worker *w);
/* ev_cc_iso3 returns the shared table of ISO code idx, creating it; a code
 * that maps to no state on any date (ent_ev_mapper.iso3_any) gets every
 * year filled at once.  NULL on no memory. */
ccache *ev_cc_iso3(worker *w, uint32_t idx, const char *iso3);
void ev_cc_free_shared(ev_run *run);
int ev_map_name(worker *w, const char *s, uint32_t n, int y, int m, int d, uint32_t *arg);
int ev_group_fail(worker *w, const ev_tab *t);
int ev_pend_flush(worker *w);
void ev_row_free(worker *w);

#endif
