/*
 * ix_common.h -- what compare, rank and trend share in the CLI alone: the
 * run of one index call and where its result's notes go.  The scoring,
 * ranking and configuration are the library's (entente/index.h).
 */
#ifndef ENT_IX_COMMON_H
#define ENT_IX_COMMON_H

#include "cli.h"
#include "entente/index.h"

/* ix_print writes res to outpath (NULL: stdout) as format (table, csv or
 * json) through the shared formatter.  "coverage" notes go to stderr as
 * "entente: VERB: ..." in every format; a table ends with the other notes.
 * For CSV and JSON, whose readers expect data, notes_aside = 1 puts the
 * other notes but "info" on stderr (compare's verdict), 0 drops them.
 * Returns the exit status. */
/* ix_format is 1 for a format the formatter knows: table, csv, json. */
int ix_format(const char *format);

int ix_print(const char *verb, ent_ctx *ctx, const ent_result *res, const char *format,
             const char *outpath, int notes_aside);

/* ix_call is one of ent_compare, ent_rank, ent_trend. */
typedef ent_status (*ix_call)(ent_db *db, const ent_index_opts *opts, ent_result **out);

/* ix_run checks o (a bad value is a usage error, before any warehouse is
 * read), opens the warehouse dbpath, makes the one call and prints its
 * result with ix_print.  Returns the exit status. */
int ix_run(const ent_verb *verb, const char *dbpath, const ent_index_opts *o, ix_call call,
           const char *format, const char *outpath, int notes_aside);

#endif
