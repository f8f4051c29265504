/*
 * families.c -- the panel's indicator families: for each run of codebook
 * columns, the queries that read its source tables for one year, the fill
 * of each result row and the derived columns (see family.h).  One entry per
 * family in ent_panel_families[], in codebook order; assemble.c loops over
 * them.
 *
 * Inside a family its columns are numbered from 0 in codebook order (the
 * family's own enum, whose count is the entry's ncols); v[i] is column i's
 * n x n array.  Per-member values go to the year's mono slots (M_ below) and
 * per-cell scratch to its cellx slots (X_ below).
 */
#include "family.h"
#include "../core/core.h"

#include <stdio.h>
#include <string.h>

/* per-member slots of ent_pyear.mono */
enum {
    M_CINC, M_IMP, M_EXP, M_IDEAL, M_IDEAL_OWN, M_POLY, M_POLITY, M_GDP, M_POP, M_ARMSIN, M_DLVIN,
    M_IMFW,   /* IMF: exports + imports with World as the state reported them; NAN: either missing */
    M_IMFREP, /* IMF: 1 when the state reported a World total that year, else NAN */
    M_COUNT
};
/* per-cell slots of ent_pyear.cellx */
enum {
    X_GSUM, X_GCNT, /* events: Goldstein sum and count of the dyad's events */
    X_IMFEST,       /* IMF: estimate bits of the cell's figures (IMF_E*) */
    X_COUNT
};
_Static_assert(M_COUNT <= ENT_PY_MONO, "more per-member slots than ENT_PY_MONO");
_Static_assert(X_COUNT <= ENT_PY_CELLX, "more per-cell slots than ENT_PY_CELLX");

#define CELL(y, q, sw) ent_pyear_cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), sw)
#define NPAIRS(y) for (int i = 0; i < (y)->n; i++) for (int j = i + 1; j < (y)->n; j++)
#define C(y) ((long)i * (y)->n + j)

/* mono_set stores column col of q in slot m of the member in column 0. */
static void mono_set(ent_pyear *y, sqlite3_stmt *q, int m, int col)
{
    int a = ent_pyear_member(y, sqlite3_column_int(q, 0));
    if (a >= 0)
        y->mono[m][a] = ent_pcol_f64(q, col);
}

/* pair_sides copies a per-member value to the two sides' columns */
static void pair_sides(ent_pyear *y, double *v1, double *v2, int m)
{
    NPAIRS(y) {
        v1[C(y)] = y->mono[m][i];
        v2[C(y)] = y->mono[m][j];
    }
}

/* ------------------------------------------------------------ personal */

enum { MEET_EP, MEET_DAYS, MEET_CALLS, MEET_COV, MEET_N };

static void meet_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    const char *t;
    int sw;
    long c = CELL(y, q, &sw);
    if (c < 0)
        return;
    v[MEET_EP][c] = ent_pcol_f64(q, 2);
    v[MEET_DAYS][c] = ent_pcol_f64(q, 3);
    v[MEET_CALLS][c] = ent_pcol_f64(q, 4);
    t = (const char *)sqlite3_column_text(q, 5);
    if (t) {
        int k;
        for (k = 0; k < y->ntext && strcmp(y->text[k], t); k++)
            ;
        if (k == y->ntext && k < ENT_PY_MAXTEXT)
            snprintf(y->text[y->ntext++], sizeof y->text[0], "%s", t);
        if (k < y->ntext)
            v[MEET_COV][c] = k + 1;
    }
}

/* ------------------------------------------------------------ economic */

enum { TR_TOTAL, TR_12, TR_21, TR_S1, TR_S2, TR_N };

static void trade_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    double f1 = ent_pcol_f64(q, 2), f2 = ent_pcol_f64(q, 3); /* f1: 2->1, f2: 1->2 */
    int sw;
    long c = CELL(y, q, &sw);
    if (c < 0)
        return;
    v[TR_12][c] = sw ? f1 : f2;
    v[TR_21][c] = sw ? f2 : f1;
    v[TR_TOTAL][c] = (isnan(f1) || isnan(f2)) ? NAN : f1 + f2;
}

static void trade_state_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    (void)v;
    mono_set(y, q, M_IMP, 1);
    mono_set(y, q, M_EXP, 2);
}

static void trade_derive(ent_pyear *y, double **v, const unsigned char *cov)
{
    if (!cov[TR_S1])
        return;
    NPAIRS(y) {
        const long c = C(y);
        double t = v[TR_TOTAL][c];
        double d1 = y->mono[M_IMP][i] + y->mono[M_EXP][i];
        double d2 = y->mono[M_IMP][j] + y->mono[M_EXP][j];
        v[TR_S1][c] = !isnan(t) && d1 > 0 ? t / d1 : NAN;
        v[TR_S2][c] = !isnan(t) && d2 > 0 ? t / d2 : NAN;
    }
}

enum { ITPD_12, ITPD_21, ITPD_N };

static void itpd_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    int sw;
    long c = CELL(y, q, &sw);
    if (c >= 0)
        v[sw ? ITPD_21 : ITPD_12][c] = ent_pcol_f64(q, 2);
}

enum { IMF_X12, IMF_X21, IMF_M12, IMF_M21, IMF_T, IMF_S1, IMF_S2, IMF_EST, IMF_N };
/* IMF estimate bits: the figure of exporter 1 / 2, of importer 2 / 1 */
enum { IMF_EX12 = 1, IMF_EX21 = 2, IMF_EM12 = 4, IMF_EM21 = 8 };

static void imf_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    /* exporter -> importer: exports_fob as the exporter reported it,
     * imports_cif as the importer reported it (mirror statistics) */
    int sw;
    long c = CELL(y, q, &sw);
    unsigned e;
    if (c < 0)
        return;
    v[sw ? IMF_X21 : IMF_X12][c] = ent_pcol_f64(q, 2);
    v[sw ? IMF_M21 : IMF_M12][c] = ent_pcol_f64(q, 3);
    e = (unsigned)y->cellx[X_IMFEST][c];
    if (sqlite3_column_int(q, 4))
        e |= sw ? IMF_EX21 : IMF_EX12;
    if (sqlite3_column_int(q, 5))
        e |= sw ? IMF_EM21 : IMF_EM12;
    y->cellx[X_IMFEST][c] = e;
}

static void imf_world_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    int a = ent_pyear_member(y, sqlite3_column_int(q, 0));
    (void)v;
    if (a >= 0) {
        y->mono[M_IMFW][a] = ent_pcol_f64(q, 1);
        y->mono[M_IMFREP][a] = 1;
    }
}

/* imf_flow returns the flow of one direction as the index reads it: the
 * importer's CIF figure, else the exporter's FOB figure, else 0 when either
 * side reported to DOTS that year (a World total), else NAN; *est is set
 * when the figure used is an IMF estimate. */
static double imf_flow(double imp, double exp_, int eimp, int eexp, int reported, int *est)
{
    if (!isnan(imp)) {
        *est |= eimp;
        return imp;
    }
    if (!isnan(exp_)) {
        *est |= eexp;
        return exp_;
    }
    return reported ? 0.0 : NAN;
}

/* imf_derive fills imf_trade_total, the shares and imf_estimated */
static void imf_derive(ent_pyear *y, double **v, const unsigned char *cov)
{
    if (!cov[IMF_T])
        return;
    NPAIRS(y) {
        const long c = C(y);
        const unsigned e = (unsigned)y->cellx[X_IMFEST][c];
        const double w1 = y->mono[M_IMFW][i], w2 = y->mono[M_IMFW][j];
        const int rep = !isnan(y->mono[M_IMFREP][i]) || !isnan(y->mono[M_IMFREP][j]);
        int est = 0;
        double f12 = imf_flow(v[IMF_M12][c], v[IMF_X12][c], !!(e & IMF_EM12), !!(e & IMF_EX12),
                              rep, &est);
        double f21 = imf_flow(v[IMF_M21][c], v[IMF_X21][c], !!(e & IMF_EM21), !!(e & IMF_EX21),
                              rep, &est);
        double t = f12 + f21; /* NAN when either is */
        v[IMF_T][c] = t;
        v[IMF_S1][c] = !isnan(t) && w1 > 0 ? t / w1 : NAN;
        v[IMF_S2][c] = !isnan(t) && w2 > 0 ? t / w2 : NAN;
        v[IMF_EST][c] = isnan(t) ? NAN : est;
    }
}

/* ------------------------------------------------------------ military */

enum { ATOP_DEF, ATOP_OFF, ATOP_NEU, ATOP_NON, ATOP_CON, ATOP_LEV, ATOP_N };

static void atop_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    /* ATOP's directed rows can differ by direction (a one-sided guarantee);
     * the non-directed panel codes an obligation when either side holds it */
    int f[5], lev, sw;
    long c = CELL(y, q, &sw);
    if (c < 0)
        return;
    for (int k = 0; k < 5; k++) {
        f[k] = sqlite3_column_int(q, 2 + k);
        if (f[k] > v[ATOP_DEF + k][c])
            v[ATOP_DEF + k][c] = f[k];
    }
    lev = (f[0] || f[1]) ? 3 : f[2] ? 2 : (f[3] || f[4]) ? 1 : 0;
    if (lev > v[ATOP_LEV][c])
        v[ATOP_LEV][c] = lev;
}

enum { COWA_DEF, COWA_NEU, COWA_NON, COWA_ENT, COWA_N };

static void cow_alliance_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    int sw;
    long c = CELL(y, q, &sw);
    if (c < 0)
        return;
    for (int k = 0; k < 4; k++)
        if (sqlite3_column_int(q, 2 + k) > v[COWA_DEF + k][c])
            v[COWA_DEF + k][c] = sqlite3_column_int(q, 2 + k);
}

/* arms orders (sipri_tiv) and deliveries (sipri_deliv): the same reading into
 * their own columns (never added to each other's series) */
enum { ARMS_12, ARMS_21, ARMS_SH12, ARMS_SH21, ARMS_N };

static void arms_row(ent_pyear *y, double **v, sqlite3_stmt *q, int m)
{
    int r = sqlite3_column_int(q, 1), sw;
    double tiv = ent_pcol_f64(q, 2);
    long c = ent_pyear_cell(y, sqlite3_column_int(q, 0), r, &sw);
    if (r > 0 && r < 1000 && y->idx[r] >= 0 && !isnan(tiv)) {
        double *in = &y->mono[m][y->idx[r]];
        *in = isnan(*in) ? tiv : *in + tiv;
    }
    if (c >= 0)
        v[sw ? ARMS_21 : ARMS_12][c] = tiv;
}

static void arms_share(ent_pyear *y, double **v, int m)
{
    NPAIRS(y) {
        const long c = C(y);
        double in1 = y->mono[m][i], in2 = y->mono[m][j];
        /* 1to2: state 2 receives; its total is the denominator */
        v[ARMS_SH12][c] = in2 > 0 ? v[ARMS_12][c] / in2 : NAN;
        v[ARMS_SH21][c] = in1 > 0 ? v[ARMS_21][c] / in1 : NAN;
    }
}

static void sipri_fill(ent_pyear *y, double **v, sqlite3_stmt *q) { arms_row(y, v, q, M_ARMSIN); }
static void deliv_fill(ent_pyear *y, double **v, sqlite3_stmt *q) { arms_row(y, v, q, M_DLVIN); }

static void sipri_derive(ent_pyear *y, double **v, const unsigned char *cov)
{
    if (cov[ARMS_SH12])
        arms_share(y, v, M_ARMSIN);
}

static void deliv_derive(ent_pyear *y, double **v, const unsigned char *cov)
{
    if (cov[ARMS_SH12])
        arms_share(y, v, M_DLVIN);
}

enum { PF_S, PF_KAPPA, PF_N };

/* portfolio_derive fills alliance_s and alliance_kappa from atop_level (the
 * ATOP family's column) and the members' CINC (the NMC family's reading) */
static void portfolio_derive(ent_pyear *y, double **v, const unsigned char *cov)
{
    int lev = ent_panel_find("atop_level");
    if (!cov[PF_S] || y->n < 2 || lev < 0)
        return;
    ent_panel_portfolio(y->n, y->v[lev], y->mono[M_CINC], y->deg, y->nz, y->work, v[PF_S],
                        v[PF_KAPPA]);
}

enum { MME_JOINT, MME_BILAT, MME_N };

static void mme_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    int sw;
    long c = CELL(y, q, &sw);
    if (c < 0)
        return;
    v[MME_JOINT][c] = sqlite3_column_int(q, 2);
    v[MME_BILAT][c] = sqlite3_column_int(q, 3);
}

static void troops_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    /* US personnel in state a: the dyad (USA, a); every other dyad stays NULL */
    int sw;
    long c = ent_pyear_cell(y, 2, sqlite3_column_int(q, 0), &sw);
    if (c >= 0)
        v[0][c] = ent_pcol_f64(q, 1);
}

/* ------------------------------------------------------------ diplomatic */

enum { UN_N_, UN_AGREE, UN_S, UN_PI, UN_KAPPA, UN_N };

static void un_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    int sw;
    long c = CELL(y, q, &sw);
    if (c < 0)
        return;
    for (int k = 0; k < UN_N; k++)
        v[k][c] = ent_pcol_f64(q, 2 + k);
}

static void ideal_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    (void)v;
    mono_set(y, q, M_IDEAL, 1);
}

static void ideal_own_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    (void)v;
    mono_set(y, q, M_IDEAL_OWN, 1);
}

static void distance_of(ent_pyear *y, double *out, int m)
{
    NPAIRS(y)
        out[C(y)] = fabs(y->mono[m][i] - y->mono[m][j]);
}

static void ideal_derive(ent_pyear *y, double **v, const unsigned char *cov)
{
    if (cov[0])
        distance_of(y, v[0], M_IDEAL);
}

static void ideal_own_derive(ent_pyear *y, double **v, const unsigned char *cov)
{
    if (cov[0])
        distance_of(y, v[0], M_IDEAL_OWN);
}

/* count_fill: column 2 of the row is the dyad's count (joint vetoes) */
static void count_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    int sw;
    long c = CELL(y, q, &sw);
    if (c >= 0)
        v[0][c] = sqlite3_column_int(q, 2);
}

static void igo_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    int sw;
    long c = CELL(y, q, &sw);
    if (c >= 0)
        v[0][c] = ent_pcol_f64(q, 2);
}

static void dipex_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    int sw;
    long c = CELL(y, q, &sw);
    if (c >= 0 && (isnan(v[0][c]) || sqlite3_column_int(q, 2) > v[0][c]))
        v[0][c] = sqlite3_column_int(q, 2);
}

enum { EV_VC, EV_MC, EV_VF, EV_MF, EV_G, EV_N };

static void events_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    int quad = sqlite3_column_int(q, 2), sw;
    long c = CELL(y, q, &sw);
    if (c < 0 || quad < 1 || quad > 4)
        return;
    if (isnan(v[EV_VC][c])) /* the dyad has event rows: its other quads are 0 */
        for (int k = 0; k < 4; k++)
            v[EV_VC + k][c] = 0;
    v[EV_VC + quad - 1][c] += sqlite3_column_double(q, 3);
    if (sqlite3_column_type(q, 4) != SQLITE_NULL) {
        y->cellx[X_GSUM][c] += sqlite3_column_double(q, 4);
        y->cellx[X_GCNT][c] += sqlite3_column_double(q, 5);
    }
}

static void events_derive(ent_pyear *y, double **v, const unsigned char *cov)
{
    if (!cov[EV_G])
        return;
    NPAIRS(y) {
        const long c = C(y);
        v[EV_G][c] = y->cellx[X_GCNT][c] > 0 ? y->cellx[X_GSUM][c] / y->cellx[X_GCNT][c] : NAN;
    }
}

/* ------------------------------------------------------------ context */

static void contig_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    int t = sqlite3_column_int(q, 2), sw;
    long c = CELL(y, q, &sw);
    double *p;
    if (c < 0 || t <= 0)
        return;
    p = &v[0][c];
    if (*p == 0 || t < *p)
        *p = t; /* the closest contiguity wins */
}

enum { CINC_1, CINC_2, CINC_R, CINC_N };

static void nmc_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    (void)v;
    mono_set(y, q, M_CINC, 1);
}

static void nmc_derive(ent_pyear *y, double **v, const unsigned char *cov)
{
    if (!cov[CINC_1])
        return;
    NPAIRS(y) {
        const long c = C(y);
        double c1 = y->mono[M_CINC][i], c2 = y->mono[M_CINC][j];
        v[CINC_1][c] = c1;
        v[CINC_2][c] = c2;
        v[CINC_R][c] = (c1 > 0 && c2 > 0) ? (c1 > c2 ? c1 / c2 : c2 / c1) : NAN;
    }
}

enum { MID_ON, MID_GO, MID_HL, MID_N };

static void mid_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    int sw;
    long c = CELL(y, q, &sw);
    if (c < 0)
        return; /* both orders are in the table: the maximum of the two */
    if (sqlite3_column_int(q, 2))
        v[MID_ON][c] = 1;
    if (sqlite3_column_int(q, 3))
        v[MID_GO][c] = 1;
    if (sqlite3_column_int(q, 4) > v[MID_HL][c])
        v[MID_HL][c] = sqlite3_column_int(q, 4);
}

static void rivalry_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    int sw;
    long c = CELL(y, q, &sw);
    if (c >= 0)
        v[0][c] = 1;
}

/* value_fill: column 2 of the row is the dyad's value, NULL kept (minimum distance) */
static void value_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    int sw;
    long c = CELL(y, q, &sw);
    if (c >= 0)
        v[0][c] = ent_pcol_f64(q, 2);
}

enum { DEMO_POLY1, DEMO_POLY2, DEMO_POLI1, DEMO_POLI2, DEMO_N };

static void demo_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    (void)v;
    mono_set(y, q, M_POLY, 1);
    mono_set(y, q, M_POLITY, 2);
}

static void demo_derive(ent_pyear *y, double **v, const unsigned char *cov)
{
    if (cov[DEMO_POLY1])
        pair_sides(y, v[DEMO_POLY1], v[DEMO_POLY2], M_POLY);
    if (cov[DEMO_POLI1])
        pair_sides(y, v[DEMO_POLI1], v[DEMO_POLI2], M_POLITY);
}

enum { GDP_1, GDP_2, POP_1, POP_2, GDP_N };

static void gdp_fill(ent_pyear *y, double **v, sqlite3_stmt *q)
{
    int a = ent_pyear_member(y, sqlite3_column_int(q, 0));
    (void)v;
    if (a >= 0) {
        double g = ent_pcol_f64(q, 1), p = ent_pcol_f64(q, 2);
        y->mono[M_GDP][a] = isnan(g) ? NAN : exp(g); /* the file holds natural logs */
        y->mono[M_POP][a] = isnan(p) ? NAN : exp(p);
    }
}

static void gdp_derive(ent_pyear *y, double **v, const unsigned char *cov)
{
    if (cov[GDP_1])
        pair_sides(y, v[GDP_1], v[GDP_2], M_GDP);
    if (cov[POP_1])
        pair_sides(y, v[POP_1], v[POP_2], M_POP);
}

/* ------------------------------------------------------------ the table */

/* Tables keyed (year, ...) need no covering index (index NULL). */
const ent_pfamily ent_panel_families[] = {
    {"meet_episodes", "meet_coverage", MEET_N, NULL, NULL,
     {{"meet_dyad_year", "year, ccode1, ccode2, meet_episodes, meet_days, meet_calls, meet_coverage",
       "SELECT ccode1, ccode2, meet_episodes, meet_days, meet_calls, meet_coverage"
       " FROM meet_dyad_year WHERE year = ?1", meet_fill}},
     NULL},
    {"trade_total", "trade_share_2", TR_N, NULL, NULL,
     {{"cow_trade_dyad", "year, ccode1, ccode2, flow1, flow2",
       "SELECT ccode1, ccode2, flow1, flow2 FROM cow_trade_dyad WHERE year = ?1", trade_fill},
      {"cow_trade_state", "year, ccode, imports, exports",
       "SELECT ccode, imports, exports FROM cow_trade_state WHERE year = ?1", trade_state_fill}},
     trade_derive},
    {"exports_itpd_1to2", "exports_itpd_2to1", ITPD_N, NULL, NULL,
     {{"itpd_trade", "year, exporter, importer, exports",
       "SELECT exporter, importer, exports FROM itpd_trade WHERE year = ?1", itpd_fill}},
     NULL},
    /* the 0 rule and the shares read imf_world */
    {"imf_exports_1to2", "imf_estimated", IMF_N, NULL, NULL,
     {{"imf_trade", NULL,
       "SELECT exporter, importer, exports_fob, imports_cif, est_exports, est_imports"
       " FROM imf_trade WHERE year = ?1", imf_fill},
      {"imf_world", NULL, "SELECT ccode, exports_fob + imports_cif FROM imf_world WHERE year = ?1",
       imf_world_fill}},
     imf_derive},
    {"atop_defense", "atop_level", ATOP_N, NULL, NULL,
     {{"atop_alliance",
       "year, ccode1, ccode2, atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul",
       "SELECT ccode1, ccode2, atop_defense, atop_offense, atop_neutral, atop_nonagg,"
       " atop_consul FROM atop_alliance WHERE year = ?1", atop_fill}},
     NULL},
    {"cow_defense", "cow_entente", COWA_N, NULL, NULL,
     {{"cow_alliance", "year, ccode1, ccode2, cow_defense, cow_neutral, cow_nonagg, cow_entente",
       "SELECT ccode1, ccode2, cow_defense, cow_neutral, cow_nonagg, cow_entente"
       " FROM cow_alliance WHERE year = ?1", cow_alliance_fill}},
     NULL},
    {"arms_tiv_1to2", "arms_share_2to1", ARMS_N, NULL, NULL,
     {{"sipri_tiv", "year, supplier, recipient, tiv",
       "SELECT supplier, recipient, tiv FROM sipri_tiv WHERE year = ?1", sipri_fill}},
     sipri_derive},
    {"arms_deliv_1to2", "arms_deliv_share_2to1", ARMS_N, NULL, NULL,
     {{"sipri_deliv", NULL, "SELECT supplier, recipient, tiv FROM sipri_deliv WHERE year = ?1",
       deliv_fill}},
     deliv_derive},
    /* from the ATOP and NMC families' readings */
    {"alliance_s", "alliance_kappa", PF_N, "atop_alliance,cow_nmc", NULL, {{NULL}},
     portfolio_derive},
    {"mme_joint", "mme_bilateral", MME_N, NULL, NULL,
     {{"mme_part", NULL,
       "SELECT a.ccode, b.ccode, COUNT(*), SUM(a.nparts = 2) FROM mme_part a"
       " JOIN mme_part b ON b.year = a.year AND b.mmeid = a.mmeid AND a.ccode < b.ccode"
       " WHERE a.year = ?1 GROUP BY a.ccode, b.ccode", mme_fill}},
     NULL},
    {"us_troops", "us_troops", 1, NULL, NULL,
     {{"us_troops", NULL, "SELECT ccode, troops_ad FROM us_troops WHERE year = ?1", troops_fill}},
     NULL},
    {"un_n", "un_kappa", UN_N, NULL, NULL,
     {{"un_agree", "year, a, b, n, agree, s, pi, kappa",
       "SELECT a, b, n, agree, s, pi, kappa FROM un_agree WHERE year = ?1", un_fill}},
     NULL},
    {"ideal_point_distance", "ideal_point_distance", 1, NULL, NULL,
     {{"unga_ideal_points", "year, ccode, idealpointall",
       "SELECT ccode, idealpointall FROM unga_ideal_points WHERE year = ?1", ideal_fill}},
     ideal_derive},
    /* entente's own ideal points (`entente idealpoints --store`, src/ideal/) */
    {"ideal_distance_own", "ideal_distance_own", 1, NULL, NULL,
     {{"ideal_estimates", NULL, "SELECT ccode, estimate FROM ideal_estimates WHERE year = ?1",
       ideal_own_fill}},
     ideal_own_derive},
    {"unsc_joint_vetoes", "unsc_joint_vetoes", 1, NULL, NULL,
     {{"unsc_veto_casts", NULL,
       "SELECT a.ccode, b.ccode, COUNT(*) FROM unsc_veto_casts a JOIN unsc_veto_casts b"
       " ON a.veto_id = b.veto_id AND a.ccode < b.ccode WHERE a.year = ?1"
       " GROUP BY a.ccode, b.ccode", count_fill}},
     NULL},
    {"shared_igos", "shared_igos", 1, NULL, NULL,
     {{"cow_igo_dyad", "year, ccode1, ccode2, dyadigos",
       "SELECT ccode1, ccode2, dyadigos FROM cow_igo_dyad WHERE year = ?1", igo_fill}},
     NULL},
    {"dip_exchange", "dip_exchange", 1, NULL, NULL,
     {{"cow_dipex", NULL, "SELECT ccode1, ccode2, de FROM cow_dipex WHERE year = ?1",
       dipex_fill}},
     NULL},
    /* covered in the years `entente events --store` stored */
    {"ev_verbal_coop", "ev_goldstein_mean", EV_N, NULL,
     "SELECT MIN(year), MAX(year) FROM events_dyad_year",
     {{"events_dyad_year", "year, ccode1, ccode2, quad, events, goldstein_sum, goldstein_n",
       "SELECT ccode1, ccode2, quad, events, goldstein_sum, goldstein_n"
       " FROM events_dyad_year WHERE year = ?1", events_fill}},
     events_derive},
    {"contiguity", "contiguity", 1, NULL, NULL,
     {{"cow_contiguity", NULL,
       "SELECT ccode1, ccode2, conttype FROM cow_contiguity WHERE styear <= ?1 AND endyear >= ?1",
       contig_fill}},
     NULL},
    {"min_distance", "min_distance", 1, NULL, NULL,
     {{"cow_mindist", "year, ccode1, ccode2, mindist",
       "SELECT ccode1, ccode2, mindist FROM cow_mindist WHERE year = ?1", value_fill}},
     NULL},
    {"cinc_1", "cinc_ratio", CINC_N, NULL, NULL,
     {{"cow_nmc", "year, ccode, cinc", "SELECT ccode, cinc FROM cow_nmc WHERE year = ?1",
       nmc_fill}},
     nmc_derive},
    {"mid_onset", "mid_hostlev", MID_N, NULL, NULL,
     {{"cow_mid_dispdyad", "year, ccode1, ccode2, disponset, dispongoing, hostlev1, hostlev2",
       "SELECT ccode1, ccode2, MAX(disponset), MAX(dispongoing),"
       " MAX(MAX(COALESCE(hostlev1, 0), COALESCE(hostlev2, 0)))"
       " FROM cow_mid_dispdyad WHERE year = ?1 GROUP BY ccode1, ccode2", mid_fill}},
     NULL},
    {"rivalry", "rivalry", 1, NULL, NULL,
     {{"td_rivalries", NULL,
       "SELECT ccode1, ccode2 FROM td_rivalries WHERE styear <= ?1 AND endyear >= ?1",
       rivalry_fill}},
     NULL},
    {"polyarchy_1", "polity2_2", DEMO_N, NULL, NULL,
     {{"democracy", "year, ccode, v2x_polyarchy, polity2",
       "SELECT ccode, v2x_polyarchy, polity2 FROM democracy WHERE year = ?1", demo_fill}},
     demo_derive},
    {"gdp_1", "pop_2", GDP_N, NULL, NULL,
     {{"sdp_gdp", "year, ccode, wbgdp2011est, wbpopest",
       "SELECT ccode, wbgdp2011est, wbpopest FROM sdp_gdp WHERE year = ?1", gdp_fill}},
     gdp_derive},
};

const size_t ent_panel_nfamilies = sizeof ent_panel_families / sizeof ent_panel_families[0];

ent_status ent_panel_families_check(ent_ctx *ctx, int *base)
{
    int next = 0;
    for (size_t f = 0; f < ent_panel_nfamilies; f++) {
        const ent_pfamily *fam = &ent_panel_families[f];
        int a = ent_panel_find(fam->first), b = ent_panel_find(fam->last);
        if (a < 0 || b < 0)
            return ent_err(ctx, ENT_EINVAL, "panel: family %s..%s: %s is not in the codebook",
                           fam->first, fam->last, a < 0 ? fam->first : fam->last);
        if (a != next)
            return ent_err(ctx, ENT_EINVAL,
                           "panel: codebook column %s belongs to no family (family %s starts "
                           "at column %d)", ent_panel_indicators[next].name, fam->first, a);
        if (b - a + 1 != fam->ncols)
            return ent_err(ctx, ENT_EINVAL,
                           "panel: family %s..%s fills %d columns, the codebook has %d",
                           fam->first, fam->last, fam->ncols, b - a + 1);
        base[f] = a;
        next = b + 1;
    }
    if ((size_t)next != ent_panel_nindicators)
        return ent_err(ctx, ENT_EINVAL, "panel: codebook column %s belongs to no family",
                       ent_panel_indicators[next].name);
    return ENT_OK;
}
