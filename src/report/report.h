/*
 * report.h -- writers for command output: an aligned text table, CSV (RFC
 * 4180) or JSON (an array of objects), to stdout or to a file replaced
 * atomically (written beside it, then renamed, so a reader never sees half).
 *
 * Usage: ent_out_open, then for each row the ent_out_* cell calls in column
 * order followed by ent_out_row, then ent_out_close.  Missing values (NULL
 * strings, ENT_NA integers, NAN doubles) print as empty cells in CSV and
 * tables, and as null in JSON: never as 0.
 */
#ifndef ENT_REPORT_H
#define ENT_REPORT_H

#include "../core/core.h"

typedef enum ent_fmt { ENT_FMT_TABLE, ENT_FMT_CSV, ENT_FMT_JSON } ent_fmt;

typedef struct ent_out ent_out;

/* ent_fmt_parse maps "table", "csv", "json"; -1 when unknown. */
int ent_fmt_parse(const char *s);

/* ent_out_open starts output with the given columns.  path NULL or "-" is
 * stdout; otherwise the file goes through the atomic writer
 * (src/core/atomic.h): a regular file is replaced by ent_out_close(o, 1), a
 * device or FIFO written in place.  cols are copied. */
ent_status ent_out_open(ent_ctx *ctx, const char *path, ent_fmt fmt, const char *const *cols,
                        size_t ncols, ent_out **out);
void ent_out_str(ent_out *o, const char *s);          /* NULL = missing */
void ent_out_i64(ent_out *o, int64_t v);              /* ENT_NA = missing */
void ent_out_f64(ent_out *o, double v, int decimals); /* NAN = missing; trailing zeros kept */
void ent_out_num(ent_out *o, double v); /* NAN = missing; shortest text that reads back as v */
void ent_out_numstr(ent_out *o, const char *s); /* a number already formatted; bare in JSON */
void ent_out_row(ent_out *o);
/* ent_out_note adds a line printed after a table (ignored for CSV and JSON,
 * whose consumers expect only data). */
void ent_out_note(ent_out *o, const char *fmt, ...) ENT_PRINTF(2, 3);
/* ent_out_close finishes: commit=1 flushes and (for a file) renames into place;
 * commit=0 discards a file being written.  Frees o. */
ent_status ent_out_close(ent_out *o, int commit);

#endif
