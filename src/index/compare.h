/*
 * compare.h -- the index's three queries, each one library call that returns
 * a result object: compare a dyad with a group (the claim tester), rank the
 * dyads of a year, and follow one dyad's scores and world ranks year by year.
 *
 *     ent_ix_opts o = ENT_IX_OPTS_INIT;
 *     ent_ix_result *res;
 *     o.cfg = &cfg;                  (ent_ix_config_load + ent_ix_config_check)
 *     o.subject = "CHN-RUS"; o.group = "allies:USA@2018"; o.from = 2014; o.to = 2023;
 *     if (ent_ix_compare(ctx, db, &o, &res) == ENT_OK) {
 *         for (size_t i = 0; i < res->nrows; i++) ... res->rows[i].composite ...
 *         for (size_t i = 0; i < res->nnotes; i++) ... res->notes[i].text ...
 *         ent_ix_result_free(ctx, res);
 *     }
 *
 * Ownership: the caller owns a result and frees it, rows, notes, years and
 * all, with one ent_ix_result_free; nothing in it points into the warehouse,
 * the registry or the options, so it outlives them.  The options are read,
 * never kept.  A failed call returns a status with the message in ctx
 * (ent_errmsg) and leaves *out NULL.
 *
 * Scores are 0-100 among all dyads of their year; NAN is missing, never 0.
 */
#ifndef ENT_IX_COMPARE_H
#define ENT_IX_COMPARE_H

#include "index.h"

/* The caps on robustness draws (docs/measures.md, "Cost of the draws"): a
 * draw re-scores every dyad of the group, about 0.13-0.25 us per dyad on
 * this machine (bench/bench_index: 8 us a draw for the 67 dyads of
 * allies:USA, 4.6 ms for all 18,915 dyads of a year).  At most
 * ENT_IX_MAX_DRAWS draws a year, and at most ENT_IX_MAX_DYAD_DRAWS draws
 * times group size a year (about 25-50 s). */
#define ENT_IX_MAX_DRAWS 1000000
#define ENT_IX_MAX_DYAD_DRAWS 200000000LL

/* ent_ix_progress_fn is called during long robustness draws with the draws
 * done and the draws to do over the whole call (every year of a range). */
typedef void (*ent_ix_progress_fn)(void *ud, long long done, long long total);

typedef struct ent_ix_opts {
    const ent_ix_config *cfg; /* required; checked against the panel by the caller */
    ent_norm norm;            /* ENT_NORM_PCT by default */
    const char *subject;      /* compare, trend: "A-B" (also "A,B") */
    const char *group;        /* compare: allies:S[:any][@Y], partners:S, all, A-B,C-D */
    const char *state;        /* rank: only dyads of this state (world ranks kept); NULL: all */
    int year;                 /* compare, rank: the year; 0: the default (see each call) */
    int from, to;             /* compare (a range instead of year), trend: inclusive */
    int dim;                  /* rank: 0..3 one dimension, ENT_NDIM the composite */
    int top;                  /* rank: rows listed, >= 1 */
    int complete_only;        /* rank: list only composites with all four dimensions */
    int draws;                /* compare: robustness draws per year, 0..ENT_IX_MAX_DRAWS */
    unsigned long long seed;  /* compare: the draws' seed */
    ent_ix_progress_fn progress; /* optional, for draws */
    void *progress_ud;
} ent_ix_opts;

#define ENT_IX_OPTS_INIT {NULL, ENT_NORM_PCT, NULL, NULL, NULL, 0, 0, 0, ENT_NDIM, 20, 0, 0, 1, NULL, NULL}

typedef enum ent_ix_kind { ENT_IX_COMPARE, ENT_IX_RANK, ENT_IX_TREND } ent_ix_kind;

/* What a note says.  The CLI prints INFO, VERDICT, MISSING, ROBUST, DIMS,
 * CARRIED, SKIP and INCOMPLETE after a table (VERDICT, MISSING, ROBUST, DIMS
 * and CARRIED on stderr for CSV and JSON) and COVERAGE always on stderr. */
typedef enum ent_ix_note_kind {
    ENT_IX_NOTE_INFO,       /* how the scores were made ("scores 0-100 among all 21 dyads...") */
    ENT_IX_NOTE_VERDICT,    /* compare: "CHN-RUS ranks above 3 of 4 (75%) on the composite; ..." */
    ENT_IX_NOTE_MISSING,    /* compare: the subject's missing indicators in a year */
    ENT_IX_NOTE_ROBUST,     /* compare: the robustness line of a year's draws */
    ENT_IX_NOTE_DIMS,       /* compare: dimensions missing for the subject or most of the group */
    ENT_IX_NOTE_CARRIED,    /* the indicators that carried a partly present dimension */
    ENT_IX_NOTE_SKIP,       /* a year left out (not a dyad, no panel rows, empty group) */
    ENT_IX_NOTE_INCOMPLETE, /* rank, trend: ranked composites that lack a dimension */
    ENT_IX_NOTE_COVERAGE    /* the years asked run past a source's last covered year */
} ent_ix_note_kind;

typedef struct ent_ix_note {
    ent_ix_note_kind kind;
    int year;   /* the year it is about; 0: the whole result */
    char *text; /* one line, no newline; in range results prefixed "YEAR: " */
} ent_ix_note;

/* One row; which fields a kind fills is said per field.  Missing scores are
 * NAN, missing ranks 0. */
typedef struct ent_ix_row {
    int year;
    int c1, c2;             /* COW codes in display order (the subject as the user gave it) */
    char abb1[8], abb2[8];  /* their abbreviations */
    double dim[ENT_NDIM];   /* personal, economic, military, diplomatic */
    double composite;       /* weighted mean of the present dimensions */
    int complete;           /* all four dimensions present */
    int rank;               /* compare: composite rank in the group; rank: world rank by
                               opts.dim; trend: world composite rank */
    int dim_rank[ENT_NDIM]; /* trend: world rank on each dimension */
    int n;                  /* compare: group size; rank, trend: dyads of the year */
    int is_subject;         /* compare: this row is the subject */
} ent_ix_row;

/* Per scored year of a comparison: the verdict's counts and the draws. */
typedef struct ent_ix_yearres {
    int year;
    size_t dyads;               /* all dyads of the year (the normalisation base) */
    size_t group;               /* rows of the year in the group, the subject included */
    ent_ix_verdict verdict;
    int group_missing[ENT_NDIM]; /* dyads of the group other than the subject lacking d */
    int has_robust;
    ent_ix_robust robust;
} ent_ix_yearres;

typedef struct ent_ix_result {
    ent_ix_kind kind;
    const char *const *cols; /* the CSV header of this kind (static strings) */
    size_t ncols;
    ent_ix_row *rows;
    size_t nrows;
    ent_ix_note *notes; /* in print order */
    size_t nnotes;
    ent_ix_yearres *years; /* compare only: one per scored year */
    size_t nyears;
    size_t rows_cap, notes_cap, years_cap; /* allocated (ent_grow, query.c's caps) */
    char subject[32]; /* "CHN-RUS" (compare, trend) */
    int from, to;     /* the years the result covers */
} ent_ix_result;

/* ent_ix_compare scores opts->subject and every dyad of opts->group.  With
 * opts->from/to it does so for each year in the range (years where the
 * subject is not a dyad, or the group has no other dyad, are SKIP notes);
 * otherwise for opts->year, or by default the latest year in which the
 * subject has data on all four dimensions.  Rows are ordered by year, then
 * composite rank (missing last).  Notes per year: INFO, VERDICT, MISSING,
 * CARRIED, ROBUST; for a range also DIMS; COVERAGE when a year runs past a
 * source.  A group defined by ATOP (allies:S) in a year after ATOP's last
 * covered year is ENT_EINVAL naming that year and suggesting allies:S@YEAR.
 * Fails with ENT_EINVAL for a bad option (year with from/to, from > to,
 * draws out of range), ENT_ENOTFOUND for an unknown state, ENT_ENODATA when
 * nothing can be compared. */
ent_status ent_ix_compare(ent_ctx *ctx, ent_db *db, const ent_ix_opts *opts,
                          ent_ix_result **out);

/* ent_ix_rank lists the opts->top best dyads of opts->year (default: the
 * latest year in which some dyad has all four dimensions) by opts->dim,
 * with world ranks among all dyads of that year; opts->state keeps only its
 * dyads (state first), opts->complete_only only complete composites.  Notes:
 * INFO, INCOMPLETE (or the --complete count), COVERAGE. */
ent_status ent_ix_rank(ent_ctx *ctx, ent_db *db, const ent_ix_opts *opts, ent_ix_result **out);

/* ent_ix_trend gives opts->subject's scores and world ranks for each year
 * opts->from..opts->to.  Years in which it is not a dyad or the panel has no
 * rows are SKIP notes; ENT_ENODATA when no year has a row.  Notes: SKIP,
 * CARRIED (a dimension resting on part of its indicators), INFO,
 * INCOMPLETE, COVERAGE. */
ent_status ent_ix_trend(ent_ctx *ctx, ent_db *db, const ent_ix_opts *opts, ent_ix_result **out);

/* ent_ix_result_free frees res and everything in it; NULL is a no-op. */
void ent_ix_result_free(ent_ctx *ctx, ent_ix_result *res);

/* ent_ix_lacks_text writes the dimensions row lacks ("personal, economic"),
 * or "" when complete. */
void ent_ix_lacks_text(const ent_ix_row *row, char *buf, size_t cap);

/* ent_ix_score_year scores every row of y with method m into sc (y->n
 * entries, a ctx allocation) and world ranks into rk (a ctx allocation of
 * 5 * y->n: rk[d * n + r] for the four dimensions, rk[4 * n + r] for the
 * composite).  ENT_ENOMEM on failure (nothing allocated). */
ent_status ent_ix_score_year(ent_ctx *ctx, const ent_ix_config *cfg, const ent_ix_year *y,
                             ent_norm m, ent_ix_score **sc, int **rk);

/* Coverage (coverage.c). */

/* ent_ix_ended_text lists the sources of the four dimensions whose stated
 * coverage (the codebook) ends before year: "cow_trade (2014), cow_igo
 * (2014), ..."; returns how many (0: buf is empty). */
int ent_ix_ended_text(int year, char *buf, size_t cap);

#endif
