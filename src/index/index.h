/*
 * index.h -- the consequentiality index: the config of indicators and
 * weights, normalisation among all dyads of a year, dimension scores with the
 * missing-data policy, the composite, groups, ranks, and robustness draws.
 *
 * Ownership: an ent_ix_year owns its arrays (free with ent_ix_year_free);
 * configs are plain values.  Scores are on 0-100; NAN is missing, never 0.
 */
#ifndef ENT_INDEX_H
#define ENT_INDEX_H

#include "../core/core.h"
#include <sqlite3.h>

#define ENT_NDIM 4
#define ENT_IX_MAXTERMS 64

extern const char *const ent_ix_dims[ENT_NDIM]; /* personal economic military diplomatic */

typedef enum ent_norm { ENT_NORM_PCT = 0, ENT_NORM_ZLOG, ENT_NORM_MINMAX, ENT_NORM_COUNT } ent_norm;

/* ent_norm_parse maps "percentile", "zlog", "minmax"; -1 otherwise. */
int ent_norm_parse(const char *s);
const char *ent_norm_name(ent_norm m);

typedef struct ent_ix_term {
    int dim;            /* 0..3 */
    char expr[160];     /* as written: "max(trade_share_1,trade_share_2)" */
    char op;            /* 0 one column; 'M' max, 'S' sum, 'A' mean of two */
    char col[2][64];    /* the panel columns */
    double weight;      /* > 0 */
    int reverse;        /* 1: smaller is closer */
    int line;           /* line in the config */
} ent_ix_term;

typedef struct ent_ix_config {
    ent_ix_term terms[ENT_IX_MAXTERMS];
    int nterms;
    double dimw[ENT_NDIM];
} ent_ix_config;

/* The built-in default, identical to docs/index-default.conf (a test checks). */
extern const char ent_ix_default_conf[];

/* ent_ix_config_parse reads a config text; errors name label:line. */
ent_status ent_ix_config_parse(ent_ctx *ctx, const char *label, const char *text,
                               ent_ix_config *cfg);
/* ent_ix_config_check verifies every column exists in db's `panel` table
 * (ent_panel_columns_missing): ENT_EPARSE naming label:line of the first
 * that does not, ENT_ENODATA when there is no panel. */
ent_status ent_ix_config_check(ent_ctx *ctx, const char *label, const ent_ix_config *cfg,
                               sqlite3 *db);

/* ent_ix_normalize maps x[0..n) (NAN = missing) to 0-100 among the present
 * values with method m; reverse flips the scale.  All-equal present values
 * map to 50.  Percentile: mid-rank, 100 * (below + equal/2) / present.
 * zlog: 100 * Phi(z) of log1p(x) (of x itself when a value is <= -1).
 * minmax: 100 * (x - min) / (max - min). */
void ent_ix_normalize(const double *x, size_t n, ent_norm m, int reverse, double *out);

/* One year of the panel: every dyad's raw term values and their three
 * normalisations among all dyads of that year. */
typedef struct ent_ix_year {
    int year;
    size_t n;              /* dyads */
    int nterms;
    int *c1, *c2;          /* ccode1 < ccode2 */
    double *raw;           /* n * nterms */
    double *norm[ENT_NORM_COUNT]; /* n * nterms, 0-100 */
} ent_ix_year;

ent_status ent_ix_load_year(ent_ctx *ctx, sqlite3 *db, const ent_ix_config *cfg, int year,
                            ent_ix_year *out);
void ent_ix_year_free(ent_ctx *ctx, ent_ix_year *y);
/* ent_ix_find returns the row of dyad (a, b) in either order, or -1. */
long ent_ix_find(const ent_ix_year *y, int a, int b);

typedef struct ent_ix_score {
    double dim[ENT_NDIM];   /* NAN when no indicator of the dimension is present */
    int present[ENT_NDIM];  /* indicators present */
    int total[ENT_NDIM];    /* indicators used (configured minus dropped) */
    double composite;       /* weighted mean of the present dimensions; NAN if none */
    int complete;           /* 1 when all four dimensions are present */
} ent_ix_score;

/* ent_ix_score_row scores row r with method m.  tw (nterms) and dw (4)
 * override the config's weights when not NULL; drop (nterms) marks terms
 * left out.  Present indicators' weights are renormalised. */
void ent_ix_score_row(const ent_ix_config *cfg, const ent_ix_year *y, size_t r, ent_norm m,
                      const double *tw, const double *dw, const unsigned char *drop,
                      ent_ix_score *out);

/* ent_ix_rank_values ranks v[0..n) descending (1 = highest, ties share the best
 * rank); missing values get rank 0. */
void ent_ix_rank_values(const double *v, size_t n, int *rank);

/* Robustness draws. */
typedef struct ent_ix_robust {
    int draws;
    double above_median[ENT_NDIM + 1]; /* share of draws; [4] = composite; NAN if never defined */
    int defined[ENT_NDIM + 1];          /* draws in which the comparison was defined */
} ent_ix_robust;

/* ent_ix_draws repeats the scoring of rows[0..nrows) (the subject at
 * rows[subject]) draws times: term and dimension weights from a Dirichlet
 * around the config's (concentration 20), a random normalisation method, and
 * one random indicator dropped in each dimension with more than one.  The
 * same seed gives the same result. */
void ent_ix_draws(const ent_ix_config *cfg, const ent_ix_year *y, const long *rows, size_t nrows,
                  size_t subject, int draws, unsigned long long seed, ent_ix_robust *out);
/* ent_ix_draws_ranks is ent_ix_draws that also stores, when ranks (draws
 * ints) is not NULL, the subject's composite rank within rows in each draw
 * (1 = highest, ties share the best rank, 0 when its composite is missing). */
void ent_ix_draws_ranks(const ent_ix_config *cfg, const ent_ix_year *y, const long *rows,
                        size_t nrows, size_t subject, int draws, unsigned long long seed,
                        ent_ix_robust *out, int *ranks);
/* ent_ix_draws_cb is ent_ix_draws calling tick(ud, done) every 4096 draws
 * (tick may be NULL); the draws and their result are the same. */
void ent_ix_draws_cb(const ent_ix_config *cfg, const ent_ix_year *y, const long *rows,
                     size_t nrows, size_t subject, int draws, unsigned long long seed,
                     ent_ix_robust *out, void (*tick)(void *ud, int done), void *ud);

/* ent_ix_robust_text writes "robustness (N draws, seed S): A-B ranks above the
 * group median in P% of draws on the composite; on personal P%, ..." with
 * "n/a" where the comparison was never defined and "(of K draws)" where it
 * was defined in fewer than N. */
void ent_ix_robust_text(const ent_ix_robust *rb, const char *subject, long long seed, char *buf,
                        size_t cap);

/* ent_ix_atop_last is ATOP's last covered year, from the codebook. */
#define ENT_IX_ATOP_FIRST 1815
int ent_ix_atop_last(void);

/* ent_ix_config_load parses the file at path, or the built-in default when
 * path is NULL. */
ent_status ent_ix_config_load(ent_ctx *ctx, const char *path, ent_ix_config *cfg);
/* ent_ix_pair parses "A-B" into two COW codes (resolved for year). */
ent_status ent_ix_pair(ent_ctx *ctx, const ent_registry *reg, const char *text, int year, int *a,
                       int *b);
/* ent_ix_group lists the rows of y in the group spec (allies:S, allies:S:any,
 * partners:S, all, or A-B,C-D); *rows is a ctx allocation.  An empty group is
 * ENT_ENODATA.  allies:S[:any]@Y takes the ATOP members of year Y (those
 * still dyads in y's year); allies:S for a year after ATOP's last covered
 * year (ent_ix_atop_last) is ENT_EINVAL suggesting allies:S@LAST. */
ent_status ent_ix_group(ent_ctx *ctx, sqlite3 *db, const ent_registry *reg, const ent_ix_year *y,
                        const char *spec, long **rows, size_t *n);

/* The verdict's arithmetic over a group's scores sc[0..n) with the subject
 * at sc[subject], for the four dimensions and the composite ([ENT_NDIM]):
 * others = the other dyads with that score present, above = those of them
 * whose score is strictly lower than the subject's (ties are not "above").
 * Both are 0 when the subject's own score is missing (missing[d] = 1). */
typedef struct ent_ix_verdict {
    int above[ENT_NDIM + 1];
    int others[ENT_NDIM + 1];
    int missing[ENT_NDIM + 1];
    int complete;          /* the subject's composite has all four dimensions */
} ent_ix_verdict;

void ent_ix_verdict_count(const ent_ix_score *sc, size_t n, size_t subject, ent_ix_verdict *v);
/* ent_ix_verdict_text writes the sentence "CHN-RUS ranks above K of N (P%) on
 * the composite; on personal K of N, ..." (no final period) into buf. */
void ent_ix_verdict_text(const ent_ix_verdict *v, const char *subject, char *buf, size_t cap);
/* ent_ix_missing_text lists the config terms missing for row r of y, comma
 * separated, or "none"; returns the number missing. */
int ent_ix_missing_text(const ent_ix_config *cfg, const ent_ix_year *y, size_t r, char *buf,
                        size_t cap);
/* ent_ix_latest_complete finds the latest year in which dyad (a, b) has at
 * least one indicator present on every dimension of positive weight, reading
 * only that dyad's rows of the panel; ENT_ENODATA (with a message) if none. */
ent_status ent_ix_latest_complete(ent_ctx *ctx, sqlite3 *db, const ent_ix_config *cfg, int a,
                                  int b, int *year);
/* ent_ix_median returns the median of v[0..n), n > 0 (the mean of the two
 * middle values when n is even); v is reordered. */
double ent_ix_median(double *v, size_t n);

/* A small deterministic PRNG (splitmix64) and samplers, exposed for tests. */
typedef struct ent_rng {
    unsigned long long s;
} ent_rng;
double ent_rng_uniform(ent_rng *r);   /* (0, 1) */
double ent_rng_gamma(ent_rng *r, double shape);
void ent_rng_dirichlet(ent_rng *r, const double *alpha, size_t k, double *out);

#endif
