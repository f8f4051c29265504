/*
 * entente/index.h -- the index: compare a dyad with a group (the claim
 * tester), rank the dyads of a year, follow one dyad year by year.  Scores
 * are 0-100 among all dyads of their year on four dimensions (personal,
 * economic, military, diplomatic) and a weighted composite of the present
 * ones; docs/measures.md gives every formula and the default weights.
 *
 * Ownership: the options are read, never kept.  The caller owns the result
 * it receives (*out) and frees it with ent_result_free; on failure *out is
 * NULL and the message is on the warehouse's context (ent_errmsg).
 */
#ifndef ENTENTE_INDEX_H
#define ENTENTE_INDEX_H

#include "result.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ent_index_opts {
    const char *subject;   /* compare, trend: "A-B", states by any name the registry knows */
    const char *group;     /* compare: allies:S[@YEAR], partners:S, all, or A-B,C-D,... */
    const char *state;     /* rank: only this state's dyads (world ranks kept); NULL all */
    const char *dimension; /* rank: personal, economic, military, diplomatic; NULL composite */
    int year;              /* compare, rank: 0 = the latest year with all four dimensions */
    int from, to;          /* compare (instead of year), trend: inclusive years */
    int top;               /* rank: rows listed (>= 1; 0 = 20) */
    int complete;          /* rank: only composites with all four dimensions */
    int draws;             /* compare: robustness draws per year (0 = none) */
    unsigned long long seed; /* compare: the draws' seed */
    const char *config;    /* path of an index config; NULL = the default weights */
    const char *normalize; /* percentile (NULL), zlog or minmax */
    /* compare: called during long robustness draws with the draws done and
     * to do over the whole call (NULL: none); ud is handed back */
    void (*progress)(void *ud, long long done, long long total);
    void *progress_ud;
} ent_index_opts;

#define ENT_INDEX_OPTS_INIT {NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 1, NULL, NULL, NULL, NULL}

/* The most robustness draws compare makes a year (docs/measures.md, "Cost
 * of the draws"). */
#define ENT_INDEX_MAX_DRAWS 1000000

/* ent_compare scores opts->subject and every dyad of opts->group, for
 * opts->year or each year of opts->from..to.  Columns: a, b, year,
 * personal, economic, military, diplomatic, composite, rank, group_size,
 * is_subject (and complete).  Notes, per year: "info", "verdict",
 * "missing", "carried", "robustness" (with draws), "dims" (for a range),
 * "skip", and "coverage" where a year runs past a source.  In a table
 * (ent_result_write) a composite that lacks a dimension is marked "74.4*"
 * and the subject's row "<== subject".  A group defined
 * by ATOP after ATOP's last year is ENT_EINVAL suggesting allies:S@YEAR. */
ent_status ent_compare(ent_db *db, const ent_index_opts *opts, ent_result **out);

/* ent_rank lists the opts->top best dyads of opts->year with world ranks.
 * Columns: rank, a, b, year, the four dimensions, composite, complete (in
 * a table "0 (no personal)" names what an incomplete composite lacks). */
ent_status ent_rank(ent_db *db, const ent_index_opts *opts, ent_result **out);

/* ent_trend gives opts->subject's scores and world ranks for every year
 * opts->from..to.  Columns: a, b, year, each dimension and its world rank,
 * composite, rank, dyads, complete. */
ent_status ent_trend(ent_db *db, const ent_index_opts *opts, ent_result **out);

/* ent_index_check makes the checks of the three calls above that need no
 * warehouse (the normalisation, the dimension, top, draws, year with
 * from/to, from > to): ENT_OK, or ENT_EINVAL with the message on ctx.  For
 * a caller that reports bad options before opening anything. */
ent_status ent_index_check(ent_ctx *ctx, const ent_index_opts *opts);

/* ent_db_ctx returns the context a warehouse was opened with (its errors). */
ent_ctx *ent_db_ctx(ent_db *db);

#ifdef __cplusplus
}
#endif
#endif
