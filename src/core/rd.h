/*
 * rd.h -- reader backends: the publishers' own file formats rendered into
 * the delimited text the core reader walks, so that a loader asks for columns
 * by name whatever format it was given.  ent_reader_open dispatches here by
 * file name; each backend lives in its own rd_<format>.c.
 *
 * A backend renders the whole table into one allocation (the caller frees it)
 * with the conventions of R's write.csv: a quoted header, strings, factors and
 * dates quoted ("" inside), numbers bare with 15 significant digits, NA empty.
 */
#ifndef ENT_RD_H
#define ENT_RD_H

#include "core.h"

typedef enum ent_rd_kind {
    ENT_RD_NONE = 0, /* plain CSV/TSV (or gzip of one): the core reader itself */
    ENT_RD_RDATA,    /* R .rda/.RData (a workspace) or .rds (one object) */
    ENT_RD_DTA       /* Stata .dta (versions 104-119) through libreadstat */
} ent_rd_kind;

/* ent_rd_kind_of picks the backend from path's name. */
ent_rd_kind ent_rd_kind_of(const char *path);

/* ent_rd_render reads path with backend k and renders it with delimiter delim
 * (',' or '\t').  Errors name the file and what is wrong. */
ent_status ent_rd_render(ent_ctx *ctx, const char *path, ent_rd_kind k, char delim, char **out,
                         size_t *len);

/* ent_rd_rdata_mem renders an R data file already in memory (label for
 * messages); gzip, bzip2 and xz compression are undone first. */
ent_status ent_rd_rdata_mem(ent_ctx *ctx, const char *label, const unsigned char *data,
                            size_t n, char delim, char **out, size_t *len);

/* ent_rd_dta renders a Stata file (rd_dta.c: pandas to_csv conventions). */
ent_status ent_rd_dta(ent_ctx *ctx, const char *path, char delim, char **out, size_t *len);

/* ent_rd_slurp reads a whole file into a fresh allocation. */
ent_status ent_rd_slurp(ent_ctx *ctx, const char *path, unsigned char **out, size_t *len);

#endif
