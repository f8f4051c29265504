/*
 * entente/events.h -- event data: GDELT 1.0 / 2.0 and ICEWS event files
 * aggregated per (actor 1 state, actor 2 state, period, key), with every row
 * read accounted for as aggregated, filtered or rejected (the library form of
 * `entente events`).  Partial aggregates written by one run are added up by
 * another, so a job can be split across processes, machines or MPI ranks
 * and give the same bytes as one run.
 *
 * Ownership: the caller owns the ent_events_opts it made and the ent_events
 * it received, and releases them with ent_events_opts_free and
 * ent_events_free; strings an ent_events hands out belong to it and live
 * until it is freed.  An ent_events keeps the ent_ctx it was made with and
 * must be freed before that ctx.  Neither object may be used by two threads
 * at once (a run itself uses several threads inside).
 */
#ifndef ENTENTE_EVENTS_H
#define ENTENTE_EVENTS_H

#include "../entente.h"
#include "result.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ent_events_opts ent_events_opts; /* the options of a run */
typedef struct ent_events ent_events;           /* an aggregate: groups and row accounting */

/* ent_events_opts_new makes options with the defaults: input format auto,
 * --by year, --key quad, all dates and countries, one thread per online CPU,
 * strict (the first malformed row is the error).  NULL when out of memory. */
ent_events_opts *ent_events_opts_new(void);
/* ent_events_opts_free releases o; NULL is allowed. */
void ent_events_opts_free(ent_events_opts *o);

/* ent_events_opts_set sets one option by the name of `entente events`'s
 * long option, its value as text:
 *   input-format  gdelt1, gdelt2, gdelt1-csv, icews or auto
 *   by            day, month or year
 *   key           quad, root or code
 *   from, to      YYYY, YYYY-MM or YYYY-MM-DD (inclusive; from takes the
 *                 first day of a year or month, to the last)
 *   countries     a comma list of states by any name the registry knows
 *                 (resolved by ent_events_run)
 *   threads       1..256
 *   split-bytes   a positive size: plain files are cut into byte ranges of
 *                 this size for the threads (default 16 MiB)
 *   max-groups    a positive cap on the groups of one table (default 2^26);
 *                 beyond it a run fails with "too many groups"
 *   dedupe        0 or 1: drop repeated event ids (one thread, input order)
 *   lenient       0 or 1: count malformed rows and go on
 * Returns ENT_OK; ENT_EINVAL for an unknown name or a bad value, with a
 * message on ctx that names the value ("'week' is not day, month or year")
 * but not the option, so that a caller can put its own spelling first.
 * value is copied; o keeps no pointer to it. */
ent_status ent_events_opts_set(ent_ctx *ctx, ent_events_opts *o, const char *name,
                               const char *value);
/* ent_events_opts_check says whether the options agree with each other:
 * ENT_EINVAL with "--from is after --to" on ctx when they do not. */
ent_status ent_events_opts_check(ent_ctx *ctx, const ent_events_opts *o);
/* ent_events_opts_share gives a run one share of the work: rank r of n
 * takes work units r, r+n, r+2n, ... (files and byte ranges of large plain
 * files), so n runs whose aggregates are merged equal one run.  Alone: 0, 1
 * (the default).  ENT_EINVAL unless 0 <= rank < n. */
ent_status ent_events_opts_share(ent_ctx *ctx, ent_events_opts *o, int rank, int n);
/* ent_events_opts_dedupe is 1 when the dedupe option is set (it needs the
 * whole input in one process). */
int ent_events_opts_dedupe(const ent_events_opts *o);

/* ent_events_run aggregates files[0..nfiles) (its share of them, see
 * ent_events_opts_share) under options o (NULL: the defaults).  Country
 * codes and names are mapped to states through reg on each event's date;
 * the CAMEO tables are read from datadir's cameo_codebook/.  On ENT_OK *out
 * is the aggregate, even when rows were rejected (its accounting lists
 * them).  On ENT_EPARSE -- a malformed row in strict mode, or a file that
 * is empty, truncated or not event data -- *out is also set, holding the
 * row accounting and the error (ent_events_error), so that the runs of
 * several shares can be merged and the first error in input order wins;
 * the caller frees it.  On every other failure (ENT_EIO, ENT_ENOMEM,
 * ENT_EINVAL, ENT_ENOTFOUND or ENT_EAMBIG for a state in countries) *out is
 * NULL.  The message, with
 * file:line where there is one, is on ctx. */
ent_status ent_events_run(ent_ctx *ctx, const ent_registry *reg, const char *datadir,
                          const char *const *files, size_t nfiles, const ent_events_opts *o,
                          ent_events **out);

/* ent_events_merge_files reads the partial aggregates paths[0..n) (written
 * by ent_events_write_partial) and adds them up into *out.  ENT_EPARSE with
 * path:line when a partial is malformed, truncated or of another --by or
 * --key; ENT_EIO when one cannot be read; *out is NULL then. */
ent_status ent_events_merge_files(ent_ctx *ctx, const char *const *paths, size_t n,
                                  ent_events **out);

/* ent_events_free releases ev; NULL is allowed. */
void ent_events_free(ent_events *ev);

/* ent_events_error is the message of the malformed row that stopped the
 * run ("file:line: column C (Name): ..."), or NULL when none did. */
const char *ent_events_error(const ent_events *ev);

/* Row accounting: rows read = aggregated + filtered + rejected. */
uint64_t ent_events_read(const ent_events *ev);
uint64_t ent_events_aggregated(const ent_events *ev);
uint64_t ent_events_filtered(const ent_events *ev);
uint64_t ent_events_rejected(const ent_events *ev);
/* ent_events_ngroups is the number of output rows (groups). */
size_t ent_events_ngroups(const ent_events *ev);

/* ent_events_groups gives the groups as a result (entente/result.h), sorted
 * as ent_events_write prints them, with its columns: actor1, actor2 (COW
 * abbreviations from reg, or COW numbers as text when reg is NULL or has no
 * abbreviation), period and key (text), events (INT), goldstein_sum and
 * goldstein_mean (REAL; missing over no present value, never 0), mentions,
 * sources, articles (INT; missing when no row carried them).  The caller
 * frees *out with ent_result_free; ENT_ENOMEM is the only failure. */
ent_status ent_events_groups(ent_ctx *ctx, const ent_events *ev, const ent_registry *reg,
                             ent_result **out);

/* ent_events_report writes the row accounting to fp: the totals, then each
 * reason with its count and first rows as file:line, as `entente events`
 * prints it on stderr. */
void ent_events_report(const ent_events *ev, FILE *fp);

/* ent_events_write prints the groups, sorted, as format "csv", "json" or
 * "table" to path (NULL or "-" is standard output; a regular file is written
 * beside path and renamed into place only when complete, see `-o`).  CSV
 * columns: actor1,actor2,period,key,events,goldstein_sum,goldstein_mean,
 * mentions,sources,articles.  Actors are COW abbreviations from reg (NULL:
 * COW numbers); sums and means over no present value are empty in CSV and
 * null in JSON, never 0.  ENT_EINVAL for an unknown format, ENT_EIO with the
 * path and the system's reason when the output fails (nothing is left half
 * written). */
ent_status ent_events_write(ent_ctx *ctx, const ent_events *ev, const ent_registry *reg,
                            const char *format, const char *path);

/* ent_events_write_partial writes ev as a partial aggregate (the text format
 * in docs/internals/events.md) to path, atomically as ent_events_write. */
ent_status ent_events_write_partial(ent_ctx *ctx, const ent_events *ev, const char *path);

/* ent_events_store writes ev into the warehouse at dbpath (made when
 * missing) as table events_dyad_year, which the panel reads, replacing its
 * rows in one transaction.  ENT_EINVAL unless ev is by year and quad;
 * ENT_EDB when SQLite fails. */
ent_status ent_events_store(ent_ctx *ctx, const ent_events *ev, const char *dbpath);

/* In-memory partials, for a transport between processes (the MPI driver):
 * ent_events_partial_buf writes ev's partial into *buf (allocated with
 * malloc; the caller frees it with free) of *len bytes. */
ent_status ent_events_partial_buf(ent_ctx *ctx, const ent_events *ev, char **buf, size_t *len);
/* ent_events_merge_buf parses the partial buf[0..len) and adds it into dst;
 * label names it in error messages ("rank 3:12: ..."). */
ent_status ent_events_merge_buf(ent_ctx *ctx, ent_events *dst, const char *label,
                                const char *buf, size_t len);

#ifdef __cplusplus
}
#endif
#endif
