/*
 * family.h -- inside the panel: an indicator family is the unit the panel's
 * assembly loops over.  A family owns a run of consecutive codebook columns
 * (first .. last in ent_panel_indicators), the queries that read its source
 * tables for one year, the fill that puts each result row into its columns,
 * and the derive step that computes its derived columns once every family
 * has read the year.  The table of families is src/panel/families.c; the loop
 * is src/panel/assemble.c.
 *
 * Adding a source's indicators: its rows in the codebook (indicators.c, one
 * run of columns) and one entry in families.c with the run's first and last
 * column, its queries, fill and derive.  The assembler resolves the columns
 * by name and refuses to build when the families do not cover the codebook
 * exactly once, in order (ent_panel_families_check).
 */
#ifndef ENT_PANEL_FAMILY_H
#define ENT_PANEL_FAMILY_H

#include "panel.h"

#include <math.h>
#include <sqlite3.h>

#define ENT_PFAM_MAXQ 2     /* queries of one family */
#define ENT_PY_MONO 16      /* per-member value slots (families.c assigns them) */
#define ENT_PY_CELLX 3      /* per-cell scratch slots, zeroed every year */
#define ENT_PY_MAXTEXT 16   /* distinct texts of the text columns in a year */
#define ENT_PY_MAXN 256     /* members in a year */

/* One year being assembled.  Members are indexed 0..n-1 in COW-code order;
 * a pair i < j is the cell i*n + j of every n x n array. */
typedef struct ent_pyear {
    int year, n;
    int idx[1000];               /* ccode -> member index, -1 when not a member */
    int *codes;                  /* member index -> ccode */
    double **v;                  /* v[k]: the n x n array of codebook column k */
    unsigned char *cov;          /* cov[k]: column k is covered this year */
    double *mono[ENT_PY_MONO];   /* per-member values, NAN at the start of a year */
    double *cellx[ENT_PY_CELLX]; /* per-cell scratch, 0 at the start of a year */
    int *deg, *nz;               /* portfolio scratch: n and n*n ints */
    double *work;                /* portfolio scratch: 4n doubles */
    char text[ENT_PY_MAXTEXT][64]; /* a text column holds index + 1 into text */
    int ntext;
} ent_pyear;

typedef struct ent_pquery {
    const char *table; /* the query runs only when this table exists */
    const char *index; /* columns of a covering index led by year, or NULL */
    const char *sql;   /* ?1 is the year */
    /* fill puts one result row q into the family's columns: v[0] is its
     * first column's array */
    void (*fill)(ent_pyear *y, double **v, sqlite3_stmt *q);
} ent_pquery;

typedef struct ent_pfamily {
    const char *first, *last; /* the family's codebook columns, first .. last */
    int ncols;                /* how many the family's code fills (checked) */
    const char *needs;        /* tables its derive reads beyond the queries', comma list */
    const char *span;         /* SQL: MIN(year), MAX(year) of the rows, for columns with
                               * coverage 0..0 covered by the years present; NULL: every year */
    ent_pquery q[ENT_PFAM_MAXQ];
    /* derive computes the derived columns after every family read the year;
     * cov[i] says whether the family's column i is covered */
    void (*derive)(ent_pyear *y, double **v, const unsigned char *cov);
} ent_pfamily;

extern const ent_pfamily ent_panel_families[];
extern const size_t ent_panel_nfamilies;

/* ent_panel_families_check resolves every family's columns in the codebook:
 * base[f] (ent_panel_nfamilies ints) receives family f's first column.  The
 * families must cover the codebook exactly once, in codebook order, each with
 * its ncols; otherwise ENT_EINVAL naming the family and the column. */
ent_status ent_panel_families_check(ent_ctx *ctx, int *base);

/* ent_pyear_cell returns the cell of (a, b) and whether the order was
 * swapped (b < a); -1 when either is not a member. */
static inline long ent_pyear_cell(const ent_pyear *y, int a, int b, int *swapped)
{
    int i, j;
    if (a <= 0 || b <= 0 || a >= 1000 || b >= 1000 || a == b)
        return -1;
    i = y->idx[a];
    j = y->idx[b];
    if (i < 0 || j < 0)
        return -1;
    if (i < j) {
        *swapped = 0;
        return (long)i * y->n + j;
    }
    *swapped = 1;
    return (long)j * y->n + i;
}

/* ent_pyear_member returns the member index of ccode a, or -1. */
static inline int ent_pyear_member(const ent_pyear *y, int a)
{
    return a > 0 && a < 1000 ? y->idx[a] : -1;
}

/* ent_pcol_f64 reads column i of q, NULL as NAN. */
static inline double ent_pcol_f64(sqlite3_stmt *q, int i)
{
    return sqlite3_column_type(q, i) == SQLITE_NULL ? NAN : sqlite3_column_double(q, i);
}

#endif
