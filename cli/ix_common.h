/*
 * ix_common.h -- what compare, rank and trend share: opening the warehouse
 * with a checked index config, and printing an index result (compare.h) as
 * a table, CSV or JSON.
 */
#ifndef ENT_IX_COMMON_H
#define ENT_IX_COMMON_H

#include "cli.h"
#include "report/report.h" /* private: until this verb prints an ent_result (cli.h includes only include/) */
#include "index/compare.h"

typedef struct ix_env {
    ent_ctx *ctx;
    ent_db *db;
    const ent_registry *reg;
    ent_ix_config cfg;
    ent_norm norm;
} ix_env;

/* ix_open opens the warehouse and loads the config (NULL = default) and
 * checks it against the panel; prints the error and returns 1 on failure. */
int ix_open(const char *verb, ix_env *e, const char *dbpath, const char *config,
            const char *normalize);
void ix_close(ix_env *e);

/* ix_print writes res to outpath (NULL: stdout) in format fmt: the rows,
 * then the notes after a table.  COVERAGE notes go to stderr; for CSV and
 * JSON, so do the notes a table would end with (all but INFO).  Returns
 * the exit status. */
int ix_print(const char *verb, ix_env *e, const ent_ix_result *res, int fmt, const char *outpath);

#endif
