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

struct sqlite3_stmt;
/* ent_panel_row_fn receives one row of the panel export: the two states (in
 * the order of the row; directed rows come twice), the year, and for output
 * column s (0 .. nsel-1) the statement column col[s] of q holding its value
 * (NULL = missing).  Return ENT_OK to go on. */
typedef ent_status (*ent_panel_row_fn)(void *ud, int ccode1, int ccode2, int year,
                                       struct sqlite3_stmt *q, const int *col, int nsel);

/* ent_panel_export_rows hands the rows ent_panel_export_csv would write, in
 * the same order, to fn instead. */
ent_status ent_panel_export_rows(ent_ctx *ctx, struct sqlite3 *db,
                                 const ent_panel_export_opts *opt, ent_panel_row_fn fn, void *ud);

/* ent_panel_select parses a comma list of indicator names into indices
 * (at most ENT_PANEL_MAXIND); an unknown name is ENT_ENOTFOUND. */
ent_status ent_panel_select(ent_ctx *ctx, const char *list, int *sel, int *nsel);

#endif
