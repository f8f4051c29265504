/*
 * ix_common.h -- what compare, rank and trend share in the CLI alone: where
 * an index result's notes go.  The scoring, ranking and configuration are
 * the library's (entente/index.h).
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

#endif
