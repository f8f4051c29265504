/*
 * panel.h -- the dyad-year panel: the indicator codebook and the derived
 * source that builds the warehouse table `panel`.
 *
 * The panel is non-directed: one row per pair of COW system members per year,
 * ccode1 < ccode2, 1816-2022.  Indicators that are directed by nature keep two
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

#include <stddef.h>

#define ENT_PANEL_YEAR_LO 1816
#define ENT_PANEL_YEAR_HI 2022

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
} ent_indicator;

extern const ent_indicator ent_panel_indicators[];
extern const size_t ent_panel_nindicators;

/* ent_panel_portfolio computes alliance-portfolio S and kappa for every pair
 * of n states.  lev holds the ties' levels (0-3) of pair i < j at lev[i*n+j]
 * (the rest is not read); each state is tied to itself at 3.  w holds the
 * states' weights (CINC; NAN or <= 0 counts as 0).
 *   S_ij = 1 - 2 * sum_k w_k |l_ik - l_jk| / (3 * sum_k w_k)  (Signorino & Ritter 1999)
 *   kappa_ij = Cohen's kappa, nominal, of the two level vectors over all k (Hage 2011)
 * Results go to s_out[i*n+j] and k_out[i*n+j].  deg (n) and nz (n*n) are
 * scratch.  Work per pair is the size of the two portfolios. */
void ent_panel_portfolio(int n, const double *lev, const double *w, int *deg, int *nz,
                         double *s_out, double *k_out);

/* ent_panel_find returns the index of the indicator named name, or -1. */
int ent_panel_find(const char *name);

#endif
