/*
 * srcutil.h -- shared helpers of the raw-source loaders of src/sources/
 * (issue 3): a table-driven "copy a CSV into a table" loader with typed,
 * checked columns, and the code checks (COW code known, ISO3 on a year).
 * Internal to src/sources/.
 */
#ifndef ENT_SRCUTIL_H
#define ENT_SRCUTIL_H

#include "../store/store.h"

typedef enum ent_coltype {
    ENT_COL_YEAR,  /* integer year 1400..2100, required; widens the observed years */
    ENT_COL_CCODE, /* COW code, required; unknown codes reject the row */
    ENT_COL_ISO3,  /* ISO3 text mapped to COW on the row's year (stored in sql,
                    * the text in sql2); "0" or unmapped rejects the row */
    ENT_COL_INT,   /* integer; missing -> NULL */
    ENT_COL_REAL,  /* finite number; missing -> NULL */
    ENT_COL_TEXT,  /* text; empty -> NULL */
    ENT_COL_FLAG1  /* "1" or empty -> 1 / 0 (typology flags) */
} ent_coltype;

#define ENT_COL_REQ 1u    /* a missing value is an error */
#define ENT_COL_NEG9 2u   /* -9 means missing (COW convention) */
#define ENT_COL_NA9 4u    /* 9 means missing (COW DE "other/unclear") */
#define ENT_COL_RANGE 8u  /* check lo <= value <= hi */
#define ENT_COL_NONNEG 16u/* value >= 0 */

typedef struct ent_colspec {
    const char *name;  /* header name in the file */
    const char *sql;   /* column in the table; NULL = checked but not stored */
    ent_coltype type;
    unsigned flags;
    int lo, hi;        /* with ENT_COL_RANGE */
    const char *sql2;  /* ISO3: column that keeps the raw code text */
} ent_colspec;

/* A source-specific ISO3-like code that the crosswalk does not know
 * (SIPRI's CZS, NYE, ...), and the COW code it denotes. */
typedef struct ent_iso3_alias {
    const char *iso3;
    int ccode;
} ent_iso3_alias;

typedef struct ent_copy {
    const char *file;           /* relative to the source folder */
    const char *table;
    const ent_colspec *cols;
    size_t ncols;
    const ent_reader_opts *ropts;
    const char *same_pair_reason; /* non-NULL: reject rows whose first two code
                                   * columns are equal, with this reason */
    const ent_iso3_alias *alias;  /* ISO3 aliases, consulted before the crosswalk */
    size_t nalias;
    const char *dup_reason;     /* non-NULL: a row whose key repeats an earlier
                                 * one is rejected with this reason (after code
                                 * mapping); NULL: it is an error */
    int sort;                   /* 1: the file is not in the table's key order;
                                 * hold the rows and insert them in key order
                                 * (the key: at most 4 integer columns) */
} ent_copy;

/* ent_src_copy loads one file into one table as described by cp. */
ent_status ent_src_copy(ent_load *ld, const ent_copy *cp);

/* ent_src_ccode_known is 1 when ccode is in the COW state list. */
int ent_src_ccode_known(const ent_load *ld, int64_t ccode);
/* ent_src_iso3 maps an ISO3 code to COW for year y (1 July, then 31 December,
 * then 1 January); -1 when it is no state that year. */
int ent_src_iso3(const ent_load *ld, const char *iso3, int y);

/* ent_src_int / ent_src_real parse column col of the current row into *v
 * (ENT_NA / NAN when missing); a missing value with req, or a value that is
 * not a (finite) number, is ENT_EPARSE naming file:line and the column. */
ent_status ent_src_int(ent_reader *r, ent_cell *cells, int col, int req, int64_t *v);
ent_status ent_src_real(ent_reader *r, ent_cell *cells, int col, int req, double *v);

/* A batched INSERT: the rows are held and written ENT_BATCH at a time by one
 * multi-row statement, because a statement per row costs SQLite more than
 * the row itself (1M rows of 4 columns in key order: 0.85 s one by one,
 * 0.33 s 64 at a time).  For rows that cannot fail a constraint (their keys
 * are distinct by construction or checked before): a failure names the table
 * but not the row.  Values are given in column order, then ent_batch_row; a
 * text must stay valid until the batch is written (ent_batch_row may write
 * it, ent_batch_close writes the rest). */
#define ENT_BATCH 64
typedef struct ent_batch ent_batch;
/* insert: "INSERT INTO t" or "INSERT INTO t(a,b,...)", ncol values a row */
ent_status ent_batch_open(ent_ctx *ctx, sqlite3 *db, const char *insert, int ncol,
                          ent_batch **out);
void ent_batch_i64(ent_batch *b, int64_t v); /* ENT_NA: NULL */
void ent_batch_f64(ent_batch *b, double v);  /* NAN: NULL */
void ent_batch_text(ent_batch *b, const char *t); /* NULL: NULL */
ent_status ent_batch_row(ent_batch *b);
/* ent_batch_close writes the rows held (when st is ENT_OK) and frees b;
 * returns st, or the error of that last write. */
ent_status ent_batch_close(ent_batch *b, ent_status st);

#endif
