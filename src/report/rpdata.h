/*
 * rpdata.h -- what `entente report` shows, as plain data: the subject's
 * scores by year against the group's quartiles, the group in the comparison
 * year, the subject's rank over the robustness draws, its indicator x year
 * coverage, the method and the sources.  ent_rp_gather fills it from a
 * warehouse through the index API (src/index); the renderer (charts.c,
 * html.c) reads nothing else, so it is tested on hand-made values.
 *
 * Ownership: an ent_rp owns every array in it (ctx allocations); free with
 * ent_rp_free.  Scores are 0-100; NAN is missing, never 0.
 */
#ifndef ENT_RPDATA_H
#define ENT_RPDATA_H

#include "../index/index.h"
#include "entente.h"

#define ENT_RP_NM (ENT_NDIM + 1) /* measures: the four dimensions, then the composite */
#define ENT_RP_COMPOSITE ENT_NDIM

/* A coverage cell of the subject's indicator x year grid. */
enum { ENT_RP_MISSING = 0, ENT_RP_ZERO = 1, ENT_RP_PRESENT = 2, ENT_RP_NODYAD = 3 };

typedef struct ent_rp_dyad {
    char name[32];              /* "USA-JPN": the state the group shares first */
    double score[ENT_RP_NM];
    int complete;
    int is_subject;
} ent_rp_dyad;

typedef struct ent_rp_answer {
    int year;
    int complete;               /* the subject has all four dimensions that year */
    char verdict[1024];         /* compare's verdict sentence, ending with "." */
    char robust[768];           /* compare's robustness line ("" without draws) */
    char missing[1024];         /* "missing for A-B in Y: ..." */
    char carried[1024];         /* "A-B in Y rests on part of its indicators: ..." or "" */
} ent_rp_answer;

typedef struct ent_rp_term {
    int dim;
    char expr[160];
    double weight;
    int reverse;
    char source[96];            /* the source(s) of its columns, from the codebook */
    int first, last;            /* years in from..to with a value for any dyad; 0 none */
} ent_rp_term;

typedef struct ent_rp_source {
    char name[64];
    int version;                /* loader version */
    char digest[16];            /* first 12 hex digits of the first file's SHA-256 */
    int year_lo, year_hi;       /* years in the data; 0 when not yearly */
    int stated_lo, stated_hi;   /* coverage stated by the codebook */
    char coverage[256];
    char cite[512];
} ent_rp_source;

typedef struct ent_rp {
    ent_ctx *ctx;
    char subject[32];           /* "CHN-RUS" */
    char group[128];            /* the group spec as given */
    char command[2048];         /* the command line that reproduces the page */
    char norm[16];              /* normalisation name */
    int from, to, nyears;       /* years from..to, nyears = to - from + 1 */
    /* over time, index [m * nyears + (year - from)] */
    double *subj, *q1, *med, *q3;
    int *group_n;               /* per year: dyads of the group other than the subject */
    unsigned char *complete;    /* per year: the subject has all four dimensions */
    char **year_note;           /* per year: why there is no group or no subject, or NULL */
    /* the answer: [0] the latest complete year, [1] the last year of the span */
    ent_rp_answer ans[2];
    int nans;
    /* the comparison year */
    int year;
    ent_rp_dyad *dyads;         /* the group in `year`, the subject included */
    size_t ndyads;
    /* robustness in `year` */
    int draws;
    long long seed;
    int *rank_count;            /* ndyads + 1: [r] draws in which the subject ranked r; [0] undefined */
    int default_rank;           /* the subject's rank with the config's weights; 0 if missing */
    /* method */
    double dimw[ENT_NDIM];
    ent_rp_term *terms;
    int nterms;
    unsigned char *cov;         /* coverage grid [term * nyears + (year - from)] */
    ent_rp_source *src;
    size_t nsrc;
} ent_rp;

typedef struct ent_rp_opts {
    const char *pair;           /* "CHN-RUS" */
    const char *group;          /* GROUP spec for ent_ix_group */
    const char *config;         /* index config path; NULL = default */
    ent_norm norm;
    int from, to;               /* 0, 0: the 15 years ending in the subject's latest complete year */
    int year;                   /* 0: the latest year of the span with all four dimensions */
    int draws;                  /* > 0 */
    long long seed;
    const char *command;
} ent_rp_opts;

/* ent_rp_gather scores the subject and its group in every year of the span
 * and fills rp (zeroed first).  ENT_EINVAL for from/to not both given, out of
 * order or more than 250 years apart, or draws < 1; other errors (unknown
 * state, bad config, a group empty in the comparison year, no year with
 * data) likewise with the message on ctx.  On failure rp holds nothing. */
ent_status ent_rp_gather(ent_ctx *ctx, ent_db *db, const ent_rp_opts *opts, ent_rp *rp);
/* ent_rp_quartiles sets q[0..3) to the 25th, 50th and 75th percentiles of the
 * present values of v[0..n) (linear interpolation between order statistics,
 * Hyndman-Fan type 7); NAN when none is present.  v is reordered. */
void ent_rp_quartiles(double *v, size_t n, double q[3]);
/* ent_rp_alloc zeroes rp and sizes its per-year arrays and coverage grid for from..to and
 * nterms terms, all scores NAN (for the gatherer and for tests). */
ent_status ent_rp_alloc(ent_ctx *ctx, ent_rp *rp, int from, int to, int nterms, size_t ndyads);
void ent_rp_free(ent_rp *rp);

#endif
