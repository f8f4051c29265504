/*
 * assemble.c -- the derived source `panel`: builds the warehouse table
 * `panel` (one row per pair of COW system members per year, ccode1 < ccode2,
 * 1816-2024) from the source tables, one year at a time.
 *
 * For each year the members are indexed 0..n-1 in COW-code order, every
 * indicator gets an n x n array (pair i < j at [i*n + j]) initialised to NULL
 * outside its coverage and to 0 or NULL inside it (ent_absent), each source
 * table is read once for the year with an indexed `WHERE year = ?`, derived
 * indicators (trade and arms shares, CINC ratio, alliance-portfolio S and
 * kappa) are computed from the arrays, and the rows are inserted with one
 * prepared statement inside the build's transaction.
 */
#include "panel.h"
#include "../store/store.h"
#include "../measures/agreement.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXCOV 16 /* distinct meet_coverage texts */

enum {
    K_MEET_EP, K_MEET_DAYS, K_MEET_CALLS, K_MEET_COV,
    K_TRADE, K_T12, K_T21, K_TS1, K_TS2, K_X12, K_X21,
    K_IMFX12, K_IMFX21, K_IMFM12, K_IMFM21, K_IMFT, K_IMFS1, K_IMFS2, K_IMFEST,
    K_ADEF, K_AOFF, K_ANEU, K_ANON, K_ACON, K_ALEV,
    K_CDEF, K_CNEU, K_CNON, K_CENT,
    K_ARMS12, K_ARMS21, K_ASH12, K_ASH21, K_DLV12, K_DLV21, K_DSH12, K_DSH21, K_ALLS, K_ALLK,
    K_MME, K_MMEB, K_TROOPS,
    K_UN_N, K_UN_AGREE, K_UN_S, K_UN_PI, K_UN_KAPPA, K_IDEAL, K_IDEAL_OWN, K_VETO, K_IGO, K_DIPEX,
    K_EV1, K_EV2, K_EV3, K_EV4, K_EVG,
    K_CONTIG, K_DIST, K_CINC1, K_CINC2, K_CINCR, K_MIDON, K_MIDGO, K_MIDHL, K_RIVAL,
    K_POLY1, K_POLY2, K_POLI1, K_POLI2, K_GDP1, K_GDP2, K_POP1, K_POP2,
    K_COUNT
};

/* per-member values */
enum {
    M_CINC, M_IMP, M_EXP, M_IDEAL, M_IDEAL_OWN, M_POLY, M_POLITY, M_GDP, M_POP, M_ARMSIN, M_DLVIN,
    M_IMFW,   /* IMF: exports + imports with World as the state reported them; NAN: either missing */
    M_IMFREP, /* IMF: 1 when the state reported a World total that year, else NAN */
    M_COUNT
};

typedef struct year_ctx {
    int year, n;
    int idx[1000];          /* ccode -> member index, -1 when not a member */
    int *codes;             /* member index -> ccode */
    double *v[K_COUNT];     /* n*n per indicator */
    double *mono[M_COUNT];        /* per-member values (see M_*) */
    char cov[MAXCOV][64];   /* meet_coverage texts; v[K_MEET_COV] holds index+1 */
    int ncov;
    int ev_years_lo, ev_years_hi;
    int loaded[K_COUNT];    /* 1 when the indicator's source tables are in the warehouse */
    double *gsum, *gcnt;    /* n*n: Goldstein sum and count of the dyad's events */
    unsigned char *imfest;  /* n*n: IMF estimate bits of the cell's figures (IMF_E*) */
    int *deg;               /* n: number of nonzero portfolio ties per member */
    int *nz;                /* n*n: member i's nonzero ties at [i*n .. i*n + deg[i]) */
    double *work;           /* 4n: portfolio scratch */
} year_ctx;

typedef struct stmts {
    sqlite3_stmt *q[32]; /* >= Q_N */
    int have[32];
} stmts;

enum {
    Q_ATOP, Q_COWALL, Q_TRADE, Q_TRADES, Q_ITPD, Q_SIPRI, Q_UN, Q_IDEAL, Q_VETO, Q_IGO,
    Q_EV, Q_MEET, Q_CONTIG, Q_DIST, Q_NMC, Q_MID, Q_RIVAL, Q_DEMO, Q_GDP, Q_DIPEX,
    Q_SIPRID, Q_IMF, Q_IMFW, Q_MME, Q_TROOPS, Q_IDEAL_OWN, Q_N
};

/* IMF estimate bits: the figure of exporter 1 / 2, of importer 2 / 1 */
enum { IMF_EX12 = 1, IMF_EX21 = 2, IMF_EM12 = 4, IMF_EM21 = 8 };

static const struct {
    const char *table; /* the query runs only when this table exists */
    const char *index; /* columns of a covering index led by year, or NULL */
    const char *sql;
} queries[Q_N] = {
    [Q_ATOP] = {"atop_alliance", "year, ccode1, ccode2, atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul",
                "SELECT ccode1, ccode2, atop_defense, atop_offense, atop_neutral, atop_nonagg,"
                " atop_consul FROM atop_alliance WHERE year = ?1"},
    [Q_COWALL] = {"cow_alliance", "year, ccode1, ccode2, cow_defense, cow_neutral, cow_nonagg, cow_entente",
                  "SELECT ccode1, ccode2, cow_defense, cow_neutral, cow_nonagg, cow_entente"
                  " FROM cow_alliance WHERE year = ?1"},
    [Q_TRADE] = {"cow_trade_dyad", "year, ccode1, ccode2, flow1, flow2",
                 "SELECT ccode1, ccode2, flow1, flow2 FROM cow_trade_dyad WHERE year = ?1"},
    [Q_TRADES] = {"cow_trade_state", "year, ccode, imports, exports",
                  "SELECT ccode, imports, exports FROM cow_trade_state WHERE year = ?1"},
    [Q_ITPD] = {"itpd_trade", "year, exporter, importer, exports",
                "SELECT exporter, importer, exports FROM itpd_trade WHERE year = ?1"},
    [Q_SIPRI] = {"sipri_tiv", "year, supplier, recipient, tiv",
                 "SELECT supplier, recipient, tiv FROM sipri_tiv WHERE year = ?1"},
    [Q_UN] = {"un_agree", "year, a, b, n, agree, s, pi, kappa",
              "SELECT a, b, n, agree, s, pi, kappa FROM un_agree WHERE year = ?1"},
    [Q_IDEAL] = {"unga_ideal_points", "year, ccode, idealpointall",
                 "SELECT ccode, idealpointall FROM unga_ideal_points WHERE year = ?1"},
    [Q_VETO] = {"unsc_veto_casts", NULL,
                "SELECT a.ccode, b.ccode, COUNT(*) FROM unsc_veto_casts a JOIN unsc_veto_casts b"
                " ON a.veto_id = b.veto_id AND a.ccode < b.ccode WHERE a.year = ?1"
                " GROUP BY a.ccode, b.ccode"},
    [Q_IGO] = {"cow_igo_dyad", "year, ccode1, ccode2, dyadigos",
               "SELECT ccode1, ccode2, dyadigos FROM cow_igo_dyad WHERE year = ?1"},
    [Q_EV] = {"events_dyad_year", "year, ccode1, ccode2, quad, events, goldstein_sum, goldstein_n",
              "SELECT ccode1, ccode2, quad, events, goldstein_sum, goldstein_n"
              " FROM events_dyad_year WHERE year = ?1"},
    [Q_MEET] = {"meet_dyad_year", "year, ccode1, ccode2, meet_episodes, meet_days, meet_calls, meet_coverage",
                "SELECT ccode1, ccode2, meet_episodes, meet_days, meet_calls, meet_coverage"
                " FROM meet_dyad_year WHERE year = ?1"},
    [Q_CONTIG] = {"cow_contiguity", NULL,
                  "SELECT ccode1, ccode2, conttype FROM cow_contiguity"
                  " WHERE styear <= ?1 AND endyear >= ?1"},
    [Q_DIST] = {"cow_mindist", "year, ccode1, ccode2, mindist",
                "SELECT ccode1, ccode2, mindist FROM cow_mindist WHERE year = ?1"},
    [Q_NMC] = {"cow_nmc", "year, ccode, cinc", "SELECT ccode, cinc FROM cow_nmc WHERE year = ?1"},
    [Q_MID] = {"cow_mid_dispdyad", "year, ccode1, ccode2, disponset, dispongoing, hostlev1, hostlev2",
               "SELECT ccode1, ccode2, MAX(disponset), MAX(dispongoing),"
               " MAX(MAX(COALESCE(hostlev1, 0), COALESCE(hostlev2, 0)))"
               " FROM cow_mid_dispdyad WHERE year = ?1 GROUP BY ccode1, ccode2"},
    [Q_RIVAL] = {"td_rivalries", NULL,
                 "SELECT ccode1, ccode2 FROM td_rivalries WHERE styear <= ?1 AND endyear >= ?1"},
    [Q_DEMO] = {"democracy", "year, ccode, v2x_polyarchy, polity2",
                "SELECT ccode, v2x_polyarchy, polity2 FROM democracy WHERE year = ?1"},
    [Q_GDP] = {"sdp_gdp", "year, ccode, wbgdp2011est, wbpopest",
               "SELECT ccode, wbgdp2011est, wbpopest FROM sdp_gdp WHERE year = ?1"},
    [Q_DIPEX] = {"cow_dipex", NULL,
                 "SELECT ccode1, ccode2, de FROM cow_dipex WHERE year = ?1"},
    /* the tables below are keyed (year, ...): no extra index */
    [Q_SIPRID] = {"sipri_deliv", NULL,
                  "SELECT supplier, recipient, tiv FROM sipri_deliv WHERE year = ?1"},
    [Q_IMF] = {"imf_trade", NULL,
               "SELECT exporter, importer, exports_fob, imports_cif, est_exports, est_imports"
               " FROM imf_trade WHERE year = ?1"},
    [Q_IMFW] = {"imf_world", NULL,
                "SELECT ccode, exports_fob + imports_cif FROM imf_world WHERE year = ?1"},
    [Q_MME] = {"mme_part", NULL,
               "SELECT a.ccode, b.ccode, COUNT(*), SUM(a.nparts = 2) FROM mme_part a"
               " JOIN mme_part b ON b.year = a.year AND b.mmeid = a.mmeid AND a.ccode < b.ccode"
               " WHERE a.year = ?1 GROUP BY a.ccode, b.ccode"},
    [Q_TROOPS] = {"us_troops", NULL,
                  "SELECT ccode, troops_ad FROM us_troops WHERE year = ?1"},
    /* entente's own ideal points (`entente idealpoints --store`, src/ideal/) */
    [Q_IDEAL_OWN] = {"ideal_estimates", NULL,
                     "SELECT ccode, estimate FROM ideal_estimates WHERE year = ?1"},
};

/* source_query returns the query that reads indicator k's source table: an
 * indicator whose table is not in the warehouse (the source was not built)
 * is NULL in every year, never 0. */
static int source_query(int k)
{
    if (k <= K_MEET_COV) return Q_MEET;
    if (k <= K_TS2) return Q_TRADE;
    if (k <= K_X21) return Q_ITPD;
    if (k <= K_IMFEST) return Q_IMF; /* shares also need imf_world: see load() */
    if (k <= K_ALEV) return Q_ATOP;
    if (k <= K_CENT) return Q_COWALL;
    if (k <= K_ASH21) return Q_SIPRI;
    if (k <= K_DSH21) return Q_SIPRID;
    if (k <= K_ALLK) return Q_ATOP; /* alliance_s also needs CINC: see load() */
    if (k <= K_MMEB) return Q_MME;
    if (k == K_TROOPS) return Q_TROOPS;
    if (k <= K_UN_KAPPA) return Q_UN;
    switch (k) {
    case K_IDEAL: return Q_IDEAL;
    case K_IDEAL_OWN: return Q_IDEAL_OWN;
    case K_VETO: return Q_VETO;
    case K_IGO: return Q_IGO;
    case K_DIPEX: return Q_DIPEX;
    case K_CONTIG: return Q_CONTIG;
    case K_DIST: return Q_DIST;
    case K_CINC1: case K_CINC2: case K_CINCR: return Q_NMC;
    case K_MIDON: case K_MIDGO: case K_MIDHL: return Q_MID;
    case K_RIVAL: return Q_RIVAL;
    case K_POLY1: case K_POLY2: case K_POLI1: case K_POLI2: return Q_DEMO;
    case K_GDP1: case K_GDP2: case K_POP1: case K_POP2: return Q_GDP;
    default: return Q_EV;
    }
}

/* ------------------------------------------------------------ helpers */

static int table_exists(sqlite3 *db, const char *name)
{
    sqlite3_stmt *q = NULL;
    int ok = 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", -1,
                           &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
        ok = sqlite3_step(q) == SQLITE_ROW;
    }
    sqlite3_finalize(q);
    return ok;
}

static double col_f64(sqlite3_stmt *q, int i)
{
    return sqlite3_column_type(q, i) == SQLITE_NULL ? NAN : sqlite3_column_double(q, i);
}

/* cell returns the pair slot of (a, b) in year y and whether the order was
 * swapped (b < a); -1 when either is not a member. */
static long cell(const year_ctx *y, int a, int b, int *swapped)
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

static int covered(const ent_indicator *ind, const year_ctx *y)
{
    if (!y->loaded[ind - ent_panel_indicators])
        return 0;
    if (ind->lo == 0 && ind->hi == 0) {
        if (!strcmp(ind->source, "events"))
            return y->ev_years_lo && y->year >= y->ev_years_lo && y->year <= y->ev_years_hi;
        return 1; /* coverage by rows: absent = NULL */
    }
    return y->year >= ind->lo && y->year <= ind->hi;
}

/* ------------------------------------------------------------ one year */

static ent_status read_year(ent_load *ld, stmts *s, year_ctx *y)
{
    const size_t nn = (size_t)y->n * (size_t)y->n;
    sqlite3_stmt *q;
    int sw;
    long c;

    for (int k = 0; k < K_COUNT; k++) {
        const ent_indicator *ind = &ent_panel_indicators[k];
        double init = covered(ind, y) && ind->absent == ENT_ABSENT_ZERO ? 0.0 : NAN;
        for (int i = 0; i < y->n; i++) /* pairs i < j only: the lower half is never read */
            for (int j = i + 1; j < y->n; j++)
                y->v[k][(size_t)i * (size_t)y->n + (size_t)j] = init;
    }
    for (int m = 0; m < M_COUNT; m++)
        for (int i = 0; i < y->n; i++)
            y->mono[m][i] = NAN;
    memset(y->gsum, 0, nn * sizeof *y->gsum);
    memset(y->gcnt, 0, nn * sizeof *y->gcnt);
    memset(y->imfest, 0, nn);
    y->ncov = 0;

#define EACH(QI)                                                                        \
    for (q = s->q[QI], sqlite3_reset(q), sqlite3_bind_int(q, 1, y->year);               \
         s->have[QI] && sqlite3_step(q) == SQLITE_ROW;)
#define IN(k) covered(&ent_panel_indicators[k], y)

    if (IN(K_ADEF))
        EACH(Q_ATOP) {
            /* ATOP's directed rows can differ by direction (a one-sided
             * guarantee); the non-directed panel codes an obligation when
             * either side holds it */
            int f[5], lev;
            c = cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), &sw);
            if (c < 0)
                continue;
            for (int k = 0; k < 5; k++) {
                f[k] = sqlite3_column_int(q, 2 + k);
                if (f[k] > y->v[K_ADEF + k][c])
                    y->v[K_ADEF + k][c] = f[k];
            }
            lev = (f[0] || f[1]) ? 3 : f[2] ? 2 : (f[3] || f[4]) ? 1 : 0;
            if (lev > y->v[K_ALEV][c])
                y->v[K_ALEV][c] = lev;
        }
    if (IN(K_CDEF))
        EACH(Q_COWALL) {
            c = cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), &sw);
            if (c < 0)
                continue;
            for (int k = 0; k < 4; k++)
                if (sqlite3_column_int(q, 2 + k) > y->v[K_CDEF + k][c])
                    y->v[K_CDEF + k][c] = sqlite3_column_int(q, 2 + k);
        }
    if (IN(K_TRADE)) {
        EACH(Q_TRADE) {
            double f1 = col_f64(q, 2), f2 = col_f64(q, 3); /* f1: 2->1, f2: 1->2 */
            c = cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), &sw);
            if (c < 0)
                continue;
            y->v[K_T12][c] = sw ? f1 : f2;
            y->v[K_T21][c] = sw ? f2 : f1;
            y->v[K_TRADE][c] = (isnan(f1) || isnan(f2)) ? NAN : f1 + f2;
        }
        EACH(Q_TRADES) {
            int a = sqlite3_column_int(q, 0);
            if (a > 0 && a < 1000 && y->idx[a] >= 0) {
                y->mono[M_IMP][y->idx[a]] = col_f64(q, 1);
                y->mono[M_EXP][y->idx[a]] = col_f64(q, 2);
            }
        }
    }
    if (IN(K_X12))
        EACH(Q_ITPD) {
            c = cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), &sw);
            if (c >= 0)
                y->v[sw ? K_X21 : K_X12][c] = col_f64(q, 2);
        }
    if (IN(K_ARMS12))
        EACH(Q_SIPRI) {
            int r = sqlite3_column_int(q, 1);
            double tiv = col_f64(q, 2);
            c = cell(y, sqlite3_column_int(q, 0), r, &sw);
            if (r > 0 && r < 1000 && y->idx[r] >= 0 && !isnan(tiv)) {
                double *in = &y->mono[M_ARMSIN][y->idx[r]];
                *in = isnan(*in) ? tiv : *in + tiv;
            }
            if (c >= 0)
                y->v[sw ? K_ARMS21 : K_ARMS12][c] = tiv;
        }
    if (IN(K_DLV12))
        EACH(Q_SIPRID) {
            /* deliveries by delivery year: the same reading as orders, into
             * their own columns (never added to the order-year series) */
            int r = sqlite3_column_int(q, 1);
            double tiv = col_f64(q, 2);
            c = cell(y, sqlite3_column_int(q, 0), r, &sw);
            if (r > 0 && r < 1000 && y->idx[r] >= 0 && !isnan(tiv)) {
                double *in = &y->mono[M_DLVIN][y->idx[r]];
                *in = isnan(*in) ? tiv : *in + tiv;
            }
            if (c >= 0)
                y->v[sw ? K_DLV21 : K_DLV12][c] = tiv;
        }
    if (IN(K_IMFX12)) {
        EACH(Q_IMF) {
            /* exporter -> importer: exports_fob as the exporter reported it,
             * imports_cif as the importer reported it (mirror statistics) */
            c = cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), &sw);
            if (c < 0)
                continue;
            y->v[sw ? K_IMFX21 : K_IMFX12][c] = col_f64(q, 2);
            y->v[sw ? K_IMFM21 : K_IMFM12][c] = col_f64(q, 3);
            if (sqlite3_column_int(q, 4))
                y->imfest[c] |= sw ? IMF_EX21 : IMF_EX12;
            if (sqlite3_column_int(q, 5))
                y->imfest[c] |= sw ? IMF_EM21 : IMF_EM12;
        }
        EACH(Q_IMFW) {
            int a = sqlite3_column_int(q, 0);
            if (a > 0 && a < 1000 && y->idx[a] >= 0) {
                y->mono[M_IMFW][y->idx[a]] = col_f64(q, 1);
                y->mono[M_IMFREP][y->idx[a]] = 1;
            }
        }
    }
    if (IN(K_MME))
        EACH(Q_MME) {
            c = cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), &sw);
            if (c < 0)
                continue;
            y->v[K_MME][c] = sqlite3_column_int(q, 2);
            y->v[K_MMEB][c] = sqlite3_column_int(q, 3);
        }
    if (IN(K_TROOPS))
        EACH(Q_TROOPS) {
            /* US personnel in state a: the dyad (USA, a); every other dyad
             * stays NULL */
            c = cell(y, 2, sqlite3_column_int(q, 0), &sw);
            if (c >= 0)
                y->v[K_TROOPS][c] = col_f64(q, 1);
        }
    if (IN(K_UN_N))
        EACH(Q_UN) {
            c = cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), &sw);
            if (c < 0)
                continue;
            for (int k = 0; k < 5; k++)
                y->v[K_UN_N + k][c] = col_f64(q, 2 + k);
        }
    if (IN(K_IDEAL))
        EACH(Q_IDEAL) {
            int a = sqlite3_column_int(q, 0);
            if (a > 0 && a < 1000 && y->idx[a] >= 0)
                y->mono[M_IDEAL][y->idx[a]] = col_f64(q, 1);
        }
    if (IN(K_IDEAL_OWN))
        EACH(Q_IDEAL_OWN) {
            int a = sqlite3_column_int(q, 0);
            if (a > 0 && a < 1000 && y->idx[a] >= 0)
                y->mono[M_IDEAL_OWN][y->idx[a]] = col_f64(q, 1);
        }
    if (IN(K_VETO))
        EACH(Q_VETO) {
            c = cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), &sw);
            if (c >= 0)
                y->v[K_VETO][c] = sqlite3_column_int(q, 2);
        }
    if (IN(K_IGO))
        EACH(Q_IGO) {
            c = cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), &sw);
            if (c >= 0)
                y->v[K_IGO][c] = col_f64(q, 2);
        }
    if (IN(K_EV1)) {
        EACH(Q_EV) {
            int quad = sqlite3_column_int(q, 2);
            c = cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), &sw);
            if (c < 0 || quad < 1 || quad > 4)
                continue;
            if (isnan(y->v[K_EV1][c])) /* the dyad has event rows: its other quads are 0 */
                for (int k = 0; k < 4; k++)
                    y->v[K_EV1 + k][c] = 0;
            y->v[K_EV1 + quad - 1][c] += sqlite3_column_double(q, 3);
            if (sqlite3_column_type(q, 4) != SQLITE_NULL) {
                y->gsum[c] += sqlite3_column_double(q, 4);
                y->gcnt[c] += sqlite3_column_double(q, 5);
            }
        }
    }
    if (IN(K_MEET_EP))
        EACH(Q_MEET) {
            const char *t;
            c = cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), &sw);
            if (c < 0)
                continue;
            y->v[K_MEET_EP][c] = col_f64(q, 2);
            y->v[K_MEET_DAYS][c] = col_f64(q, 3);
            y->v[K_MEET_CALLS][c] = col_f64(q, 4);
            t = (const char *)sqlite3_column_text(q, 5);
            if (t) {
                int k;
                for (k = 0; k < y->ncov && strcmp(y->cov[k], t); k++)
                    ;
                if (k == y->ncov && k < MAXCOV)
                    snprintf(y->cov[y->ncov++], sizeof y->cov[0], "%s", t);
                if (k < y->ncov)
                    y->v[K_MEET_COV][c] = k + 1;
            }
        }
    if (IN(K_CONTIG))
        EACH(Q_CONTIG) {
            int t = sqlite3_column_int(q, 2);
            double *p;
            c = cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), &sw);
            if (c < 0 || t <= 0)
                continue;
            p = &y->v[K_CONTIG][c];
            if (*p == 0 || t < *p)
                *p = t; /* the closest contiguity wins */
        }
    if (IN(K_DIST))
        EACH(Q_DIST) {
            c = cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), &sw);
            if (c >= 0)
                y->v[K_DIST][c] = col_f64(q, 2);
        }
    EACH(Q_NMC) {
        int a = sqlite3_column_int(q, 0);
        if (a > 0 && a < 1000 && y->idx[a] >= 0)
            y->mono[M_CINC][y->idx[a]] = col_f64(q, 1);
    }
    if (IN(K_MIDON))
        EACH(Q_MID) {
            c = cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), &sw);
            if (c < 0)
                continue; /* both orders are in the table: the maximum of the two */
            if (sqlite3_column_int(q, 2))
                y->v[K_MIDON][c] = 1;
            if (sqlite3_column_int(q, 3))
                y->v[K_MIDGO][c] = 1;
            if (sqlite3_column_int(q, 4) > y->v[K_MIDHL][c])
                y->v[K_MIDHL][c] = sqlite3_column_int(q, 4);
        }
    if (IN(K_RIVAL))
        EACH(Q_RIVAL) {
            c = cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), &sw);
            if (c >= 0)
                y->v[K_RIVAL][c] = 1;
        }
    if (IN(K_POLY1))
        EACH(Q_DEMO) {
            int a = sqlite3_column_int(q, 0);
            if (a > 0 && a < 1000 && y->idx[a] >= 0) {
                y->mono[M_POLY][y->idx[a]] = col_f64(q, 1);
                y->mono[M_POLITY][y->idx[a]] = col_f64(q, 2);
            }
        }
    if (IN(K_GDP1))
        EACH(Q_GDP) {
            int a = sqlite3_column_int(q, 0);
            if (a > 0 && a < 1000 && y->idx[a] >= 0) {
                double g = col_f64(q, 1), p = col_f64(q, 2);
                y->mono[M_GDP][y->idx[a]] = isnan(g) ? NAN : exp(g);
                y->mono[M_POP][y->idx[a]] = isnan(p) ? NAN : exp(p);
            }
        }
    if (IN(K_DIPEX))
        EACH(Q_DIPEX) {
            c = cell(y, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), &sw);
            if (c >= 0 && (isnan(y->v[K_DIPEX][c]) || sqlite3_column_int(q, 2) > y->v[K_DIPEX][c]))
                y->v[K_DIPEX][c] = sqlite3_column_int(q, 2);
        }
#undef EACH
#undef IN
    (void)ld;
    return ENT_OK;
}

/* ------------------------------------------------------------ derived */

void ent_panel_portfolio(int n, const double *lev, const double *w, int *deg, int *nz,
                         double *work, double *s_out, double *k_out)
{
    /* L: the symmetric level matrix with 3 on the diagonal.  For a pair i, j
     *   sum_k w_k |L_ik - L_jk| = R_i + R_j - 2 G_ij,
     *   R_i = sum_k w_k L_ik,  G_ij = sum_k w_k min(L_ik, L_jk)
     * (|a - b| = a + b - 2 min(a, b)).  G is a product over the states k tied
     * to both i and j, so it is accumulated k by k over the pairs of k's
     * neighbours: sum_k deg_k^2 / 2 steps instead of n^3 / 2.  Kappa needs
     * the number of states on which the two agree,
     *   n - deg_i - deg_j + |N_i & N_j| + #{k: L_ik = L_jk > 0},
     * accumulated the same way, and the level counts of each state. */
    double *R = work, *cnt = work + n; /* cnt[i*3 + a-1]: states i ties at level a */
    double wsum = 0;
#define LEV(i, k) ((i) == (k) ? 3.0 : (i) < (k) ? lev[(long)(i) * n + (k)] : lev[(long)(k) * n + (i)])
#define WT(k) (!isnan(w[k]) && w[k] > 0 ? w[k] : 0.0)
    for (int i = 0; i < n; i++) {
        wsum += WT(i);
        R[i] = 0;
        cnt[i * 3] = cnt[i * 3 + 1] = cnt[i * 3 + 2] = 0;
        deg[i] = 0;
        for (int k = 0; k < n; k++) {
            double l = LEV(i, k);
            if (l > 0) {
                nz[(long)i * n + deg[i]++] = k; /* ascending */
                R[i] += WT(k) * l;
                cnt[i * 3 + (int)l - 1] += 1;
            }
        }
        for (int j = i + 1; j < n; j++)
            s_out[(long)i * n + j] = k_out[(long)i * n + j] = 0;
    }
    for (int k = 0; k < n; k++) { /* the pairs of k's neighbours */
        const int *nb = &nz[(long)k * n];
        const double wk = WT(k);
        for (int a = 0; a < deg[k]; a++) {
            const int i = nb[a];
            const double li = LEV(i, k);
            double *srow = &s_out[(long)i * n], *krow = &k_out[(long)i * n];
            for (int b = a + 1; b < deg[k]; b++) {
                const int j = nb[b];
                const double lj = LEV(j, k);
                srow[j] += wk * (li < lj ? li : lj);
                krow[j] += li == lj ? 2 : 1;
            }
        }
    }
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            const long c = (long)i * n + j;
            double d = R[i] + R[j] - 2 * s_out[c];
            double agree = n - deg[i] - deg[j] + k_out[c], dobs, dexp, pe;
            s_out[c] = wsum > 0 ? 1.0 - 2.0 * (d / 3.0) / wsum : NAN;
            pe = (double)(n - deg[i]) * (double)(n - deg[j]);
            for (int a = 0; a < 3; a++)
                pe += cnt[i * 3 + a] * cnt[j * 3 + a];
            pe /= (double)n * (double)n;
            dobs = 1.0 - agree / n;
            dexp = 1.0 - pe;
            k_out[c] = dexp > 1e-15 ? 1.0 - dobs / dexp : NAN;
        }
    }
#undef LEV
#undef WT
}

/* portfolio fills alliance_s and alliance_kappa for the year. */
static void portfolio(year_ctx *y)
{
    if (!covered(&ent_panel_indicators[K_ALLS], y) || y->n < 2)
        return;
    ent_panel_portfolio(y->n, y->v[K_ALEV], y->mono[M_CINC], y->deg, y->nz, y->work,
                        y->v[K_ALLS], y->v[K_ALLK]);
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

/* imf_total fills imf_trade_total, the shares and imf_estimated of cell c
 * (members i < j). */
static void imf_total(year_ctx *y, long c, int i, int j)
{
    const unsigned e = y->imfest[c];
    const double w1 = y->mono[M_IMFW][i], w2 = y->mono[M_IMFW][j];
    const int rep = !isnan(y->mono[M_IMFREP][i]) || !isnan(y->mono[M_IMFREP][j]);
    int est = 0;
    double f12 = imf_flow(y->v[K_IMFM12][c], y->v[K_IMFX12][c], !!(e & IMF_EM12),
                          !!(e & IMF_EX12), rep, &est);
    double f21 = imf_flow(y->v[K_IMFM21][c], y->v[K_IMFX21][c], !!(e & IMF_EM21),
                          !!(e & IMF_EX21), rep, &est);
    double t = f12 + f21; /* NAN when either is */
    y->v[K_IMFT][c] = t;
    y->v[K_IMFS1][c] = !isnan(t) && w1 > 0 ? t / w1 : NAN;
    y->v[K_IMFS2][c] = !isnan(t) && w2 > 0 ? t / w2 : NAN;
    y->v[K_IMFEST][c] = isnan(t) ? NAN : est;
}

static void derive(year_ctx *y)
{
    const int n = y->n;
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            long c = (long)i * n + j;
            double t = y->v[K_TRADE][c];
            double d1 = y->mono[M_IMP][i] + y->mono[M_EXP][i];
            double d2 = y->mono[M_IMP][j] + y->mono[M_EXP][j];
            double c1 = y->mono[M_CINC][i], c2 = y->mono[M_CINC][j];
            double in1 = y->mono[M_ARMSIN][i], in2 = y->mono[M_ARMSIN][j];
            if (covered(&ent_panel_indicators[K_TS1], y)) {
                y->v[K_TS1][c] = !isnan(t) && d1 > 0 ? t / d1 : NAN;
                y->v[K_TS2][c] = !isnan(t) && d2 > 0 ? t / d2 : NAN;
            }
            if (covered(&ent_panel_indicators[K_ASH12], y)) {
                /* 1to2: state 2 receives; its total orders are the denominator */
                y->v[K_ASH12][c] = in2 > 0 ? y->v[K_ARMS12][c] / in2 : NAN;
                y->v[K_ASH21][c] = in1 > 0 ? y->v[K_ARMS21][c] / in1 : NAN;
            }
            if (covered(&ent_panel_indicators[K_DSH12], y)) {
                double dl1 = y->mono[M_DLVIN][i], dl2 = y->mono[M_DLVIN][j];
                y->v[K_DSH12][c] = dl2 > 0 ? y->v[K_DLV12][c] / dl2 : NAN;
                y->v[K_DSH21][c] = dl1 > 0 ? y->v[K_DLV21][c] / dl1 : NAN;
            }
            if (covered(&ent_panel_indicators[K_IMFT], y))
                imf_total(y, c, i, j);
            if (covered(&ent_panel_indicators[K_IDEAL], y))
                y->v[K_IDEAL][c] = fabs(y->mono[M_IDEAL][i] - y->mono[M_IDEAL][j]);
            if (covered(&ent_panel_indicators[K_IDEAL_OWN], y))
                y->v[K_IDEAL_OWN][c] = fabs(y->mono[M_IDEAL_OWN][i] - y->mono[M_IDEAL_OWN][j]);
            if (covered(&ent_panel_indicators[K_CINC1], y)) {
                y->v[K_CINC1][c] = c1;
                y->v[K_CINC2][c] = c2;
                y->v[K_CINCR][c] = (c1 > 0 && c2 > 0) ? (c1 > c2 ? c1 / c2 : c2 / c1) : NAN;
            }
            if (covered(&ent_panel_indicators[K_POLY1], y)) {
                y->v[K_POLY1][c] = y->mono[M_POLY][i];
                y->v[K_POLY2][c] = y->mono[M_POLY][j];
            }
            if (covered(&ent_panel_indicators[K_POLI1], y)) {
                y->v[K_POLI1][c] = y->mono[M_POLITY][i];
                y->v[K_POLI2][c] = y->mono[M_POLITY][j];
            }
            if (covered(&ent_panel_indicators[K_GDP1], y)) {
                y->v[K_GDP1][c] = y->mono[M_GDP][i];
                y->v[K_GDP2][c] = y->mono[M_GDP][j];
            }
            if (covered(&ent_panel_indicators[K_POP1], y)) {
                y->v[K_POP1][c] = y->mono[M_POP][i];
                y->v[K_POP2][c] = y->mono[M_POP][j];
            }
            if (covered(&ent_panel_indicators[K_EVG], y))
                y->v[K_EVG][c] = y->gcnt[c] > 0 ? y->gsum[c] / y->gcnt[c] : NAN;
        }
    }
    portfolio(y);
}

/* ------------------------------------------------------------ the source */

static int is_integer_unit(const ent_indicator *ind)
{
    static const char *const units[] = {"0/1", "events", "drafts", "IGOs", "roll calls",
                                        "episodes", "days", "calls", "COW type 0-5",
                                        "ordinal 0-3", "0-5", "-10..10", "exercises"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (!strcmp(ind->unit, units[i]))
            return 1;
    return 0;
}

static ent_status create_table(ent_load *ld)
{
    char sql[8192];
    size_t o = 0;
    o += (size_t)snprintf(sql + o, sizeof sql - o,
                          "DROP VIEW IF EXISTS panel_directed;"
                          "DROP TABLE IF EXISTS panel;"
                          "CREATE TABLE panel(ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL,"
                          " year INTEGER NOT NULL");
    for (size_t k = 0; k < ent_panel_nindicators; k++) {
        const ent_indicator *ind = &ent_panel_indicators[k];
        o += (size_t)snprintf(sql + o, sizeof sql - o, ", %s %s", ind->name,
                              ind->is_text ? "TEXT" : is_integer_unit(ind) ? "INTEGER" : "REAL");
    }
    snprintf(sql + o, sizeof sql - o,
             ", PRIMARY KEY(year, ccode1, ccode2)) WITHOUT ROWID;");
    return ent_sql_exec(ld->ctx, ld->db, sql);
}

/* create_directed_view defines panel_directed: every row of panel in both
 * orders; on the reversed row the two columns of each directed pair
 * (_1to2/_2to1, _1/_2) trade places. */
static ent_status create_directed_view(ent_load *ld)
{
    char sql[16384];
    size_t o = 0;
    o += (size_t)snprintf(sql + o, sizeof sql - o,
                          "DROP VIEW IF EXISTS panel_directed;"
                          "CREATE VIEW panel_directed AS SELECT ccode1, ccode2, year");
    for (size_t k = 0; k < ent_panel_nindicators; k++)
        o += (size_t)snprintf(sql + o, sizeof sql - o, ", %s", ent_panel_indicators[k].name);
    o += (size_t)snprintf(sql + o, sizeof sql - o,
                          " FROM panel UNION ALL SELECT ccode2, ccode1, year");
    for (size_t k = 0; k < ent_panel_nindicators; k++) {
        const ent_indicator *ind = &ent_panel_indicators[k];
        o += (size_t)snprintf(sql + o, sizeof sql - o, ", %s AS %s",
                              ind->pair ? ind->pair : ind->name, ind->name);
    }
    snprintf(sql + o, sizeof sql - o, " FROM panel;");
    return ent_sql_exec(ld->ctx, ld->db, sql);
}

static ent_status prepare(ent_load *ld, stmts *s, sqlite3_stmt **ins)
{
    char sql[4096];
    size_t o;
    ent_status st;
    for (int i = 0; i < Q_N; i++) {
        s->have[i] = table_exists(ld->db, queries[i].table);
        if (s->have[i] && queries[i].index) {
            /* a covering index: the year's rows are read without a lookup in
             * the table's own key order */
            snprintf(sql, sizeof sql, "CREATE INDEX IF NOT EXISTS %s_panel ON %s(%s)",
                     queries[i].table, queries[i].table, queries[i].index);
            if ((st = ent_sql_exec(ld->ctx, ld->db, sql)) != ENT_OK)
                return st;
        }
        s->q[i] = NULL;
        if (s->have[i] &&
            (st = ent_sql_prepare(ld->ctx, ld->db, queries[i].sql, &s->q[i])) != ENT_OK)
            return st;
    }
    o = (size_t)snprintf(sql, sizeof sql, "INSERT INTO panel VALUES(?,?,?");
    for (size_t k = 0; k < ent_panel_nindicators; k++)
        o += (size_t)snprintf(sql + o, sizeof sql - o, ",?");
    snprintf(sql + o, sizeof sql - o, ")");
    return ent_sql_prepare(ld->ctx, ld->db, sql, ins);
}

static ent_status event_years(ent_load *ld, year_ctx *y)
{
    sqlite3_stmt *q = NULL;
    y->ev_years_lo = y->ev_years_hi = 0;
    if (!table_exists(ld->db, "events_dyad_year"))
        return ENT_OK;
    if (sqlite3_prepare_v2(ld->db, "SELECT MIN(year), MAX(year) FROM events_dyad_year", -1, &q,
                           NULL) != SQLITE_OK)
        return ent_err(ld->ctx, ENT_EDB, "sqlite: %s", sqlite3_errmsg(ld->db));
    if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL) {
        y->ev_years_lo = sqlite3_column_int(q, 0);
        y->ev_years_hi = sqlite3_column_int(q, 1);
    }
    sqlite3_finalize(q);
    return ENT_OK;
}

static ent_status load(ent_load *ld)
{
    year_ctx y;
    stmts s;
    sqlite3_stmt *ins = NULL;
    const size_t maxn = 256, cells = maxn * maxn;
    ent_status st;
    size_t ncodes;
    const int *codes = ent_state_codes(ld->reg, &ncodes);

    memset(&y, 0, sizeof y);
    memset(&s, 0, sizeof s);
    if (ncodes > maxn)
        return ent_err(ld->ctx, ENT_EINVAL, "panel: more than %zu states", maxn);
    for (int k = 0; k < K_COUNT; k++)
        if (!(y.v[k] = ent_malloc(ld->ctx, cells * sizeof(double))))
            goto nomem;
    for (int m = 0; m < M_COUNT; m++)
        if (!(y.mono[m] = ent_malloc(ld->ctx, maxn * sizeof(double))))
            goto nomem;
    y.codes = ent_malloc(ld->ctx, maxn * sizeof(int));
    y.gsum = ent_malloc(ld->ctx, cells * sizeof(double));
    y.gcnt = ent_malloc(ld->ctx, cells * sizeof(double));
    y.deg = ent_malloc(ld->ctx, maxn * sizeof(int));
    y.nz = ent_malloc(ld->ctx, cells * sizeof(int));
    y.work = ent_malloc(ld->ctx, 4 * maxn * sizeof(double));
    y.imfest = ent_malloc(ld->ctx, cells);
    if (!y.codes || !y.gsum || !y.gcnt || !y.deg || !y.nz || !y.work || !y.imfest)
        goto nomem;
    if ((size_t)K_COUNT != ent_panel_nindicators) {
        st = ent_err(ld->ctx, ENT_EINVAL, "panel: codebook and assembler disagree");
        goto out;
    }
    if ((st = create_table(ld)) != ENT_OK || (st = prepare(ld, &s, &ins)) != ENT_OK ||
        (st = event_years(ld, &y)) != ENT_OK)
        goto out;
    for (int k = 0; k < K_COUNT; k++)
        y.loaded[k] = s.have[source_query(k)];
    y.loaded[K_ALLS] = y.loaded[K_ALLK] = s.have[Q_ATOP] && s.have[Q_NMC];
    y.loaded[K_TS1] = y.loaded[K_TS2] = s.have[Q_TRADE] && s.have[Q_TRADES];
    for (int k = K_IMFX12; k <= K_IMFEST; k++) /* the 0 rule and the shares read imf_world */
        y.loaded[k] = s.have[Q_IMF] && s.have[Q_IMFW];

    for (int year = ENT_PANEL_YEAR_LO; year <= ENT_PANEL_YEAR_HI; year++) {
        y.year = year;
        y.n = 0;
        for (int c = 0; c < 1000; c++)
            y.idx[c] = -1;
        for (size_t i = 0; i < ncodes; i++) {
            if (ent_state_member(ld->reg, codes[i], year)) {
                y.idx[codes[i]] = y.n;
                y.codes[y.n++] = codes[i];
            }
        }
        if ((st = read_year(ld, &s, &y)) != ENT_OK)
            goto out;
        derive(&y);
        for (int i = 0; i < y.n; i++) {
            for (int j = i + 1; j < y.n; j++) {
                long c = (long)i * y.n + j;
                sqlite3_bind_int(ins, 1, y.codes[i]);
                sqlite3_bind_int(ins, 2, y.codes[j]);
                sqlite3_bind_int(ins, 3, year);
                for (int k = 0; k < K_COUNT; k++) {
                    double v = y.v[k][c];
                    if (isnan(v))
                        sqlite3_bind_null(ins, 4 + k);
                    else if (k == K_MEET_COV)
                        sqlite3_bind_text(ins, 4 + k, y.cov[(int)v - 1], -1, SQLITE_STATIC);
                    else if (v == floor(v) && fabs(v) < 1e15)
                        sqlite3_bind_int64(ins, 4 + k, (sqlite3_int64)v);
                    else
                        sqlite3_bind_double(ins, 4 + k, v);
                }
                if ((st = ent_sql_step_reset(ld->ctx, ld->db, ins)) != ENT_OK)
                    goto out;
                ld->read++; /* a derived row: one per dyad-year of the universe */
                ent_load_ok(ld);
            }
        }
        if (y.n > 1)
            ent_load_year(ld, year);
    }
    /* rows go in in key order (year, ccode1, ccode2); the dyad index is built
     * once at the end, which is faster than maintaining it row by row */
    if ((st = ent_sql_exec(ld->ctx, ld->db,
                           "CREATE INDEX panel_dyad ON panel(ccode1, ccode2, year)")) != ENT_OK)
        goto out;
    st = create_directed_view(ld);
    goto out;
nomem:
    st = ent_err(ld->ctx, ENT_ENOMEM, "panel: out of memory");
out:
    for (int i = 0; i < Q_N; i++)
        sqlite3_finalize(s.q[i]);
    sqlite3_finalize(ins);
    for (int k = 0; k < K_COUNT; k++)
        ent_free(ld->ctx, y.v[k]);
    for (int m = 0; m < M_COUNT; m++)
        ent_free(ld->ctx, y.mono[m]);
    ent_free(ld->ctx, y.codes);
    ent_free(ld->ctx, y.gsum);
    ent_free(ld->ctx, y.gcnt);
    ent_free(ld->ctx, y.deg);
    ent_free(ld->ctx, y.nz);
    ent_free(ld->ctx, y.work);
    ent_free(ld->ctx, y.imfest);
    return st;
}

const ent_source ent_src_panel = {
    .name = "panel",
    .dir = NULL,
    .files = {NULL},
    .version = 7,
    .tables = NULL, /* the loader drops and recreates `panel` */
    .deps = "states,unvotes,un_agree,meet_dyad_year,atop_alliance,cow_alliance,cow_trade,"
            "itpd_bilateral_trade,sipri_arms_transfers_tiv,unsc_vetoes,unga_ideal_points,"
            "cow_nmc,cow_contiguity,distance,cow_mid,rivalries,cow_igo,democracy_gdp,"
            "cow_diplomatic_exchange_extract,sipri_trade_register,imf_dots,mme_exercises,"
            "us_troops",
    .year_lo = ENT_PANEL_YEAR_LO,
    .year_hi = ENT_PANEL_YEAR_HI,
    .coverage = "derived: every pair of COW system members, 1816-2024; each indicator "
                "NULL outside its source's coverage",
    .cite = "entente dyad-year panel (see docs/measures.md)",
    .load = load,
};
