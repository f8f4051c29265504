/*
 * entente/result.h -- the result of a query: a table of rows with typed,
 * named columns, plus notes (the verdict, missing indicators, coverage
 * warnings).  Every query of the public API hands one back; the CLI prints
 * it, the report draws it, the R and Python packages turn it into a data
 * frame.
 *
 * Ownership: the caller owns a result it received and releases it with
 * ent_result_free; every string a result hands out belongs to the result and
 * lives until it is freed.  A result is immutable and may be read from
 * several threads at once.
 */
#ifndef ENTENTE_RESULT_H
#define ENTENTE_RESULT_H

#include "../entente.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ent_result ent_result;

typedef enum ent_coltype {
    ENT_COL_INT = 1, /* 64-bit integer; missing is ENT_NA */
    ENT_COL_REAL,    /* double; missing is NAN */
    ENT_COL_TEXT     /* UTF-8 string; missing is NULL */
} ent_coltype;

/* ent_result_free releases r; NULL is allowed. */
void ent_result_free(ent_result *r);

/* The shape.  Column and row indexes start at 0. */
size_t ent_result_ncols(const ent_result *r);
size_t ent_result_nrows(const ent_result *r);
/* ent_result_colname returns column j's name, or NULL when j is out of range. */
const char *ent_result_colname(const ent_result *r, size_t j);
/* ent_result_coltype returns column j's type, or 0 when j is out of range. */
ent_coltype ent_result_coltype(const ent_result *r, size_t j);
/* ent_result_col returns the index of the column named name, or -1. */
long ent_result_col(const ent_result *r, const char *name);
/* ent_result_decimals is the number of decimals a table shows for a REAL
 * column (a display hint only; CSV and JSON print the shortest text that
 * reads back as the same double). */
int ent_result_decimals(const ent_result *r, size_t j);

/* Cells.  Each getter returns the missing value of its type (ENT_NA, NAN,
 * NULL) when the cell is missing, out of range, or of another type; an INT
 * cell read with ent_result_real is converted. */
int ent_result_isna(const ent_result *r, size_t i, size_t j);
int64_t ent_result_int(const ent_result *r, size_t i, size_t j);
double ent_result_real(const ent_result *r, size_t i, size_t j);
const char *ent_result_text(const ent_result *r, size_t i, size_t j);

/* Whole columns, for bindings that fill a vector at once: ent_result_reals
 * writes column j of every row as doubles (INT converted, missing NAN) to
 * out[0 .. nrows-1]; ent_result_ints writes an INT column with missing as
 * ENT_NA.  ENT_EINVAL when j is out of range or of another type. */
ent_status ent_result_reals(const ent_result *r, size_t j, double *out);
ent_status ent_result_ints(const ent_result *r, size_t j, int64_t *out);

/* Notes: lines that go with the rows, each with a kind ("verdict",
 * "robustness", "missing", "coverage", "scale", ...) in the order the
 * query made them.  Coverage notes say which source ended where. */
size_t ent_result_nnotes(const ent_result *r);
const char *ent_result_note_kind(const ent_result *r, size_t k);
const char *ent_result_note_text(const ent_result *r, size_t k);
/* ent_result_note returns the text of the first note of kind, or NULL. */
const char *ent_result_note(const ent_result *r, const char *kind);

/* ent_result_write prints r as format "table", "csv" or "json" to path
 * (NULL or "-" is stdout; a file is written beside path and renamed into
 * place only when complete).  A table is followed by the notes' texts, one a
 * line; CSV and JSON hold the rows only (their readers expect data), so a
 * caller that wants the notes there reads them with ent_result_note_*.
 * Missing cells are empty in a table and CSV and null in JSON, never 0.
 * ENT_EINVAL for an unknown format, ENT_EIO when the output fails. */
ent_status ent_result_write(ent_ctx *ctx, const ent_result *r, const char *format,
                            const char *path);
/* ent_result_write_except is ent_result_write leaving out of a table the
 * notes whose kind is in the comma list skip (NULL: none left out), for a
 * caller that shows them elsewhere (the CLI puts "coverage" notes on
 * stderr).  Same failures. */
ent_status ent_result_write_except(ent_ctx *ctx, const ent_result *r, const char *format,
                                   const char *path, const char *skip);

#ifdef __cplusplus
}
#endif
#endif
