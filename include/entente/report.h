/*
 * entente/report.h -- the claim as a page: one self-contained HTML file
 * (inline CSS and SVG; no scripts, fonts or images to fetch) that answers
 * what ent_compare answers, in pictures: the verdict, the scores over time,
 * the comparison in one year, robustness, coverage, and method and sources.
 *
 * Ownership: the options are read, never kept.  The caller owns the result
 * it receives (*out) and frees it with ent_result_free; on failure *out is
 * NULL, nothing was written or replaced, and the message is on the
 * warehouse's context (ent_errmsg(ent_db_ctx(db))).
 */
#ifndef ENTENTE_REPORT_H
#define ENTENTE_REPORT_H

#include "result.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ent_report_opts {
    const char *subject;   /* "A-B", states by any name the registry knows */
    const char *group;     /* as ent_compare: allies:S[@YEAR], partners:S, all, A-B,C-D */
    int from, to;          /* the span; 0, 0: the 15 years ending in the subject's latest
                              year with all four dimensions (at most 250 years) */
    int year;              /* the comparison year; 0: the latest of the span with all four */
    int draws;             /* robustness draws (1 .. ENT_INDEX_MAX_DRAWS; 0 = 1000) */
    unsigned long long seed; /* the draws' seed */
    const char *config;    /* path of an index config; NULL = the default weights */
    const char *normalize; /* percentile (NULL), zlog or minmax */
    const char *svgdir;    /* also write each chart as svgdir/NAME.svg; NULL: none */
    const char *dbname;    /* the warehouse as the page's command names it (--db); NULL: none */
} ent_report_opts;

#define ENT_REPORT_OPTS_INIT {NULL, NULL, 0, 0, 0, 0, 1, NULL, NULL, NULL, NULL}

/* ent_report gathers the comparison for every year of the span, draws the
 * charts and writes the page to path (and, with opts->svgdir, the charts),
 * every file replaced atomically, all or none.  The page ends with the
 * `entente report` command that makes it again, span and draws spelled out.
 * *out is one row: subject, group, from, to, year (the comparison year),
 * charts (how many), path, svgdir.  ENT_EINVAL for a bad option (from
 * without to, from > to, a span over 250 years, draws out of range, an
 * unknown normalisation); ENT_ENOTFOUND for an unknown state; ENT_ENODATA
 * when no year of the span has data; ENT_EIO when a file cannot be
 * written. */
ent_status ent_report(ent_db *db, const ent_report_opts *opts, const char *path,
                      ent_result **out);

/* ent_report_check makes the checks of ent_report that need no warehouse
 * (the span, the draws, the normalisation): ENT_OK, or ENT_EINVAL with the
 * message on ctx.  For a caller that reports bad options before opening
 * anything. */
ent_status ent_report_check(ent_ctx *ctx, const ent_report_opts *opts);

#ifdef __cplusplus
}
#endif
#endif
