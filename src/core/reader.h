/*
 * reader.h -- the streaming reader for delimited files (CSV per RFC 4180, and
 * TSV), plain or gzip-compressed (detected by magic bytes, decompressed in
 * memory: no temporary file).
 *
 * Ownership: the reader owns its buffer.  Cells are views (pointer + length)
 * into that buffer, NUL-terminated in place, and valid only until the next
 * call to ent_reader_next() or ent_reader_close().  Quoted cells are unquoted
 * in place ("" becomes ").
 *
 * Line numbers are physical lines of the file, 1-based: the header is line 1
 * and a row with an embedded newline spans several lines; ent_reader_line()
 * gives the line on which the current row starts.
 */
#ifndef ENT_READER_H
#define ENT_READER_H

#include "core.h"

typedef struct ent_cell {
    const char *p; /* first byte; p[n] == '\0' */
    size_t n;      /* length in bytes */
} ent_cell;

typedef struct ent_reader ent_reader;

typedef struct ent_reader_opts {
    char delim;        /* ',' or '\t'; 0 = by file name: .tsv .tab .txt -> tab, else comma */
    int no_quotes;     /* 1: '"' is an ordinary byte (GDELT TSV); default: RFC 4180 quoting */
    int no_header;     /* 1: the first line is data; columns are then unnamed */
    int ragged_ok;     /* 1: rows may have a different field count than the header */
    int any_bytes;     /* 1: cells may hold any bytes; default: UTF-8 text without NUL,
                          else ENT_EPARSE naming the cell */
    size_t max_row;    /* cap on one row's bytes; 0 = 64 MiB */
    const char *label; /* name used in messages instead of the path (e.g. "un_votes.csv") */
} ent_reader_opts;

/* ent_reader_open opens path (plain or gzip) and, unless opts->no_header, reads
 * the header row.  An empty file is ENT_EPARSE ("empty file").  opts may be NULL. */
ent_status ent_reader_open(ent_ctx *ctx, const char *path, const ent_reader_opts *opts,
                           ent_reader **out);
/* ent_reader_open_mem reads from a caller-owned memory block (fuzzing, tests). */
ent_status ent_reader_open_mem(ent_ctx *ctx, const char *label, const char *data, size_t len,
                               const ent_reader_opts *opts, ent_reader **out);
void ent_reader_close(ent_reader *r);

/* ent_reader_next reads the next data row.  ENT_OK with cells and ncells set,
 * ENT_DONE at end of input, or an error with a message naming file:line
 * (an unclosed quote, a ragged row, a truncated gzip, a read error). */
ent_status ent_reader_next(ent_reader *r, ent_cell **cells, size_t *ncells);

/* ent_reader_col returns the index of the header column named name (exact,
 * then case-blind), or -1. */
int ent_reader_col(const ent_reader *r, const char *name);
/* ent_reader_cols finds every name in names[0..n) and stores the indices in
 * idx; a missing one is ENT_EPARSE: "file:1: missing column 'vote'". */
ent_status ent_reader_cols(ent_reader *r, const char *const *names, int *idx, size_t n);
/* ent_reader_ncols returns the number of header columns. */
size_t ent_reader_ncols(const ent_reader *r);
/* ent_reader_colname returns the header name of column i (0-based) or "". */
const char *ent_reader_colname(const ent_reader *r, size_t i);

uint64_t ent_reader_line(const ent_reader *r); /* line where the current row starts */
uint64_t ent_reader_rows(const ent_reader *r); /* data rows returned so far */
uint64_t ent_reader_bytes(const ent_reader *r);/* uncompressed bytes consumed */
const char *ent_reader_label(const ent_reader *r);
ent_ctx *ent_reader_ctx(const ent_reader *r);

/* ent_reader_fail sets the message "label:line: column N (name): <fmt>" for
 * column col (0-based; -1 for the whole row) of the current row and returns
 * st.  Loaders use it for every bad value. */
ent_status ent_reader_fail(ent_reader *r, ent_status st, int col, const char *fmt, ...)
    ENT_PRINTF(4, 5);

/* Cell parsing.  Each returns 1 on success, 0 when the cell is empty or "NA"
 * (missing), -1 when it is not a number.  Surrounding blanks are allowed. */
int ent_cell_i64(ent_cell c, int64_t *v);
int ent_cell_int(ent_cell c, int *v);
int ent_cell_f64(ent_cell c, double *v);
/* ent_cell_is_na is 1 for "", "NA", "N/A", "NaN" and ".". */
int ent_cell_is_na(ent_cell c);
/* ent_cell_date parses YYYY-MM-DD (or YYYYMMDD); 1 ok, 0 missing, -1 bad. */
int ent_cell_date(ent_cell c, int *y, int *m, int *d);

#endif
