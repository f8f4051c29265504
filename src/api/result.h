/*
 * result.h -- making an ent_result (the public reader is
 * include/entente/result.h).  Internal: modules build results with these;
 * users only read them.
 *
 * Usage: ent_result_new with the columns, then per row ent_result_row and
 * one ent_result_set_* per cell (cells not set stay missing), notes with
 * ent_result_add_note.  A failed allocation is remembered: the calls after it
 * do nothing and ent_result_ok returns ENT_ENOMEM with a message on ctx.
 */
#ifndef ENT_API_RESULT_H
#define ENT_API_RESULT_H

#include "entente/result.h"
#include "core/core.h"

typedef struct ent_result_col {
    const char *name;
    ent_coltype type;
    int decimals; /* REAL columns in a table; ignored otherwise */
} ent_result_coldef;

/* ent_result_new makes an empty result with ncols columns (names copied). */
ent_status ent_result_new(ent_ctx *ctx, const ent_result_coldef *cols, size_t ncols,
                          ent_result **out);
/* ent_result_row appends a row of missing cells; later sets go to it. */
void ent_result_row(ent_result *r);
void ent_result_set_int(ent_result *r, size_t j, int64_t v);   /* ENT_NA = missing */
void ent_result_set_real(ent_result *r, size_t j, double v);   /* NAN = missing */
void ent_result_set_text(ent_result *r, size_t j, const char *s); /* copied; NULL = missing */
void ent_result_add_note(ent_result *r, const char *kind, const char *fmt, ...) ENT_PRINTF(3, 4);
/* ent_result_show sets how the formatter (format.c) prints cell j of the
 * last row instead of from its value: text (copied) in a table with
 * ENT_SHOW_TABLE, in CSV and JSON with ENT_SHOW_DATA (bare in JSON with
 * ENT_SHOW_NUM).  The typed value readers get is unchanged.  For the marks a
 * table adds ("74.4*", "<== subject") and a verb's own number forms. */
#define ENT_SHOW_TABLE 1
#define ENT_SHOW_DATA 2
#define ENT_SHOW_NUM 4
void ent_result_show(ent_result *r, size_t j, const char *text, int where);
/* ent_result_shown is the text set by ent_result_show for format fmt
 * (ENT_SHOW_TABLE or ENT_SHOW_DATA), or NULL; *num is ENT_SHOW_NUM's flag. */
const char *ent_result_shown(const ent_result *r, size_t i, size_t j, int fmt, int *num);
/* ent_result_hide makes the formatter leave column j out (its cells are shown
 * through another column's ent_result_show; readers still see it), and
 * ent_result_hidden tells. */
void ent_result_hide(ent_result *r, size_t j);
int ent_result_hidden(const ent_result *r, size_t j);
/* ent_result_ok is ENT_OK, or ENT_ENOMEM when a call above ran out of memory. */
ent_status ent_result_ok(const ent_result *r);

#endif
