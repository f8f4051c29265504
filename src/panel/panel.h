/*
 * panel.h -- the dyad-year panel: the indicator codebook and the derived
 * source that builds the warehouse table `panel`.
 *
 * The panel is non-directed: one row per pair of COW system members per year,
 * ccode1 < ccode2, 1816-2024.  Indicators that are directed by nature keep two
 * columns, `_1to2` and `_2to1` (or `_1` and `_2` for the two sides).  Every
 * indicator is NULL outside its source's coverage years; inside them it is the
 * source's value, or 0 when the indicator counts events and the source has no
 * row for the dyad-year (ATOP covers 2005 and lists no alliance: 0).
 *
 * The codebook (ent_panel_indicators) drives the table's columns, `entente
 * codebook`, `entente dyad` and docs/measures.md.
 */
#ifndef ENT_PANEL_H
#define ENT_PANEL_H

#include "entente.h"

#include <stddef.h>
#include <stdio.h>

struct sqlite3;

#define ENT_PANEL_YEAR_LO 1816
#define ENT_PANEL_YEAR_HI 2024

typedef enum ent_absent {
    ENT_ABSENT_NULL, /* no row inside coverage: missing */
    ENT_ABSENT_ZERO  /* no row inside coverage: 0 (no alliance, no trade flow, no MID ...) */
} ent_absent;

typedef struct ent_indicator {
    const char *name;      /* column name */
    const char *dimension; /* personal, economic, military, diplomatic, context */
    const char *unit;
    const char *directed;  /* "no", or "1to2", "2to1", "side 1", "side 2" */
    const char *pair;      /* name of the other column of a directed pair, or NULL */
    const char *source;    /* sources-table name(s) */
    int lo, hi;            /* coverage years (0, 0: the years present in the source) */
    ent_absent absent;
    int is_text;           /* 1: a text column (meet_coverage) */
    const char *definition;
    const char *coverage_note; /* coverage when lo = hi = 0 (partial sources), or what
                                * part of the dyads lo..hi covers; < ENT_PANEL_MAXNOTE */
} ent_indicator;

#define ENT_PANEL_MAXNOTE 480 /* longest coverage note, bytes (a unit test checks) */

extern const ent_indicator ent_panel_indicators[];
extern const size_t ent_panel_nindicators;

/* ent_panel_portfolio computes alliance-portfolio S and kappa for every pair
 * of n states.  lev holds the ties' levels (0-3) of pair i < j at lev[i*n+j]
 * (the rest is not read); each state is tied to itself at 3.  w holds the
 * states' weights (CINC; NAN or <= 0 counts as 0).
 *   S_ij = 1 - 2 * sum_k w_k |l_ik - l_jk| / (3 * sum_k w_k)  (Signorino & Ritter 1999)
 *   kappa_ij = Cohen's kappa, nominal, of the two level vectors over all k (Hage 2011)
 * Results go to s_out[i*n+j] and k_out[i*n+j] (i < j); S is NAN when no
 * state has weight, kappa when no disagreement is expected.  deg (n ints),
 * nz (n*n ints) and work (4n doubles) are scratch.  The work is O(n^2 +
 * sum_k deg_k^2): the weighted min-product of the level matrix, accumulated
 * over each state's pairs of allies (see portfolio.c). */
void ent_panel_portfolio(int n, const double *lev, const double *w, int *deg, int *nz,
                         double *work, double *s_out, double *k_out);

/* ent_panel_find returns the index of the indicator named name, or -1.  The
 * issue's bare UNGA names agree, s, pi, kappa and n find un_agree ... un_n. */
int ent_panel_find(const char *name);

#define ENT_PANEL_MAXIND 128

typedef struct ent_panel_export_opts {
    int from, to;     /* years, inclusive */
    int directed;     /* 1: both orders of each pair, directed columns swapped */
    const int *sel;   /* indicator indices in output order; NULL: all, codebook order */
    int nsel;
} ent_panel_export_opts;

/* ent_panel_export_csv writes the panel's rows for opt's years to fp as CSV:
 * ccode1,ccode2,abb1,abb2,year, then one column per indicator; NULL is an
 * empty cell.  *rows (may be NULL) receives the number of data rows. */
ent_status ent_panel_export_csv(ent_ctx *ctx, struct sqlite3 *db, const ent_registry *reg,
                                const ent_panel_export_opts *opt, FILE *fp, size_t *rows);

/* ent_panel_select parses a comma list of indicator names into indices
 * (at most ENT_PANEL_MAXIND); an unknown name is ENT_ENOTFOUND. */
ent_status ent_panel_select(ent_ctx *ctx, const char *list, int *sel, int *nsel);

/* ------------------------------------------------------ row accessor (row.c)
 * The one reader of the table `panel`: rows by column name, each served from
 * the first state's side, the directed swap done in one place.  No module
 * outside src/panel writes SQL against the table: the index reads its
 * years, a dyad's years and its alliance groups through ent_panel_rows_read.
 *
 *     ent_panel_rows *r;
 *     if (ent_panel_rows_open(ctx, db, 740, 2, 2014, 2014, 0, &r) == ENT_OK) {
 *         while (ent_panel_rows_next(r) == ENT_OK)
 *             ... ent_panel_rows_get(r, "trade_1to2") ...   (JPN's exports to USA)
 *         ent_panel_rows_close(r);
 *     }
 */
typedef struct ent_panel_rows ent_panel_rows;

#define ENT_PANEL_MAXREAD 128 /* columns one read may ask for (the index: 2 per term) */
#define ENT_PANEL_MAXNAME 64  /* bytes of a column name, with its NUL */

/* What ent_panel_rows_read reads. */
typedef struct ent_panel_read {
    int a, b;       /* > 0: the rows of that dyad, read from a's side (a > b reverses
                       every row); 0, 0: every stored pair */
    int with;       /* a = b = 0: > 0 keeps only the pairs that contain this state */
    int from, to;   /* years, inclusive */
    int directed;   /* a = b = 0: every pair twice, stored order then reversed */
    const char *const *cols; /* the columns to read by stored name (no bare aliases):
                                slot i is cols[i]; NULL: every codebook indicator,
                                slot k = indicator k */
    int ncols;      /* slots, at most ENT_PANEL_MAXREAD */
} ent_panel_read;

typedef enum ent_panel_vtype {
    ENT_PV_NULL, /* missing */
    ENT_PV_INT,
    ENT_PV_REAL,
    ENT_PV_TEXT
} ent_panel_vtype;

/* ent_panel_rows_open reads the rows of years from..to, ordered by year (then
 * ccode1, ccode2).  a, b > 0: the rows of that dyad, read from a's side (a >
 * b reverses every row); a = b = 0: every stored pair, and with directed = 1
 * each one twice, stored order then reversed.  On a reversed row ccode1 and
 * ccode2 swap and a directed indicator reads its pair's column; missing stays
 * missing.  ENT_ENODATA when the warehouse has no panel or lacks a codebook
 * column (the message names it).  The caller closes *out. */
ent_status ent_panel_rows_open(ent_ctx *ctx, struct sqlite3 *db, int a, int b, int from, int to,
                               int directed, ent_panel_rows **out);
/* ent_panel_rows_read is ent_panel_rows_open for the columns rd->cols only
 * (and the rows that contain rd->with): the SELECT names those columns, each
 * once, and, when a row may be read reversed, their directed pairs.  A name
 * outside the codebook (a hand-made panel's) is read as stored, never
 * swapped.  The codebook getters below read a codebook indicator that is
 * among the columns asked and see any other as missing; ent_panel_rows_at
 * reads a slot.  ENT_ENODATA when the warehouse has no panel or lacks one
 * of the columns (the message names it); ENT_EINVAL past ENT_PANEL_MAXREAD
 * columns or ENT_PANEL_MAXNAME bytes.  The caller closes *out. */
ent_status ent_panel_rows_read(ent_ctx *ctx, struct sqlite3 *db, const ent_panel_read *rd,
                               ent_panel_rows **out);
/* ent_panel_rows_next moves to the next row: ENT_OK, ENT_DONE after the last,
 * ENT_EDB when SQLite fails. */
ent_status ent_panel_rows_next(ent_panel_rows *r);
void ent_panel_rows_close(ent_panel_rows *r); /* NULL is allowed */
/* The current row's states (first = the side it is read from) and year. */
int ent_panel_rows_ccode1(const ent_panel_rows *r);
int ent_panel_rows_ccode2(const ent_panel_rows *r);
int ent_panel_rows_year(const ent_panel_rows *r);
/* Indicator k (a codebook index, ent_panel_find) of the current row, from its
 * first state's side: its storage type, and its value as a double (NAN when
 * missing or text), an integer (ENT_NA unless stored as one) or text (NULL
 * unless text; owned by r until the next call). */
ent_panel_vtype ent_panel_rows_type(const ent_panel_rows *r, int k);
double ent_panel_rows_real(const ent_panel_rows *r, int k);
int64_t ent_panel_rows_int(const ent_panel_rows *r, int k);
const char *ent_panel_rows_text(const ent_panel_rows *r, int k);
/* ent_panel_rows_cell is the four above in one call, for a hot loop: the
 * type, *num (NAN unless a number) and *text (NULL unless text). */
ent_panel_vtype ent_panel_rows_cell(const ent_panel_rows *r, int k, double *num,
                                    const char **text);
/* ent_panel_rows_at reads slot i (rd->cols[i] of ent_panel_rows_read) of the
 * current row as a number: NAN when missing, text or i is no slot.  The hot
 * loop of the index's year loading. */
double ent_panel_rows_at(const ent_panel_rows *r, int i);
/* ent_panel_rows_get reads an indicator by name (NAN: missing or unknown). */
double ent_panel_rows_get(const ent_panel_rows *r, const char *name);
/* ent_panel_rows_present counts the current row's indicators present. */
int ent_panel_rows_present(const ent_panel_rows *r);

/* ent_panel_columns_missing checks that the warehouse's panel stores the n
 * (at most ENT_PANEL_MAXREAD) columns names[]: ENT_OK with *missing the
 * index of the first one it lacks, or -1 when it stores them all;
 * ENT_ENODATA when the warehouse has no panel ("the warehouse has no panel;
 * run `entente build` first"), ENT_EDB when SQLite fails. */
ent_status ent_panel_columns_missing(ent_ctx *ctx, struct sqlite3 *db, const char *const *names,
                                     int n, int *missing);

/* ent_panel_dyad_latest finds the latest panel year in which dyad (a, b) has
 * at least half as many indicators present as in its best year: *present is
 * that year's count, *best the best year's.  ENT_ENODATA when the panel has
 * no row for the dyad. */
ent_status ent_panel_dyad_latest(ent_ctx *ctx, struct sqlite3 *db, int a, int b, int *year,
                                 int *present, int *best);

#endif
