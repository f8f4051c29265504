/*
 * imf_dots.c -- the `imf_dots` source: IMF Direction of Trade Statistics,
 * 1960-2020, exports FOB and imports CIF by partner, US$ million (converted
 * from the IMF workbooks to long form, 2.58 M rows).
 *
 * Tables:
 *   imf_trade(year, exporter, importer, exports_fob, imports_cif, est_exports,
 *     est_imports): one row per directed COW dyad-year with a figure.  The flow
 *     exporter -> importer as reported by each side (mirror statistics):
 *     exports_fob by the exporter, imports_cif by the importer; NULL where that
 *     side reported nothing; est_* = 1 where the IMF marked the figure an
 *     estimate ('e'), NULL with the figure.
 *   imf_world(year, ccode, exports_fob, imports_cif, est_exports, est_imports):
 *     the state's own totals with the partner "World" (trade-share
 *     denominators; a state with a row reported to the IMF that year).
 * Rejected with a reason: aggregate reporters or partners (Advanced Economies,
 * Euro Area, regions, "not specified"), names that are no COW state (Hong
 * Kong, Aruba, ...), states not in the system that year, reporter = partner,
 * negative figures, and a second figure for the same cell after mapping
 * (USSR and Russian Federation; Yugoslavia and Serbia and Montenegro).
 *
 * Speed: names are mapped once per distinct (name, year) (namemap.c), the
 * figures go into dense arrays indexed by the registry's states, and the
 * tables are written once, in key order.
 */
#include "srcutil.h"
#include "namemap.h"

#include <math.h>
#include <string.h>

#define FILE_NAME "imf_dots_exports_imports_by_partner_1960_2020_long.csv.gz"
#define YLO 1960
#define YHI 2020
#define NY (YHI - YLO + 1)

enum { F_EXP = 1, F_IMP = 2, F_EEST = 4, F_IEST = 8 };

#define AGG(n) {n, ENT_NAME_AGGR}
static const ent_name_alias ALIAS[] = {
    /* aggregates, reporters and partners */
    AGG("World"), AGG("Advanced Economies"), AGG("Africa"), AGG("Euro Area"),
    AGG("European Union"), AGG("Emerging and Developing Asia"),
    AGG("Emerging and Developing Economies"), AGG("Emerging and Developing Europe"),
    AGG("Emerging Market and Developing Economies by Source of Export Earnings: Fuel"),
    AGG("Emerging Market and Developing Economies by Source of Export Earnings: Nonfuel"),
    AGG("Middle East"), AGG("Middle East and Central Asia"), AGG("Sub-Saharan Africa"),
    AGG("Western Hemisphere"), AGG("South African Common Customs Area (SACCA)"),
    AGG("Belgium-Luxembourg"), AGG("Africa not specified"), AGG("Asia not specified"),
    AGG("Countries & Areas not specified"), AGG("Europe not specified"),
    AGG("Middle East and Central Asia not specified"), AGG("Special Categories"),
    AGG("Western Hemisphere not specified"), AGG("Other Countries not included elsewhere"),
    /* IMF spellings */
    {"China, P.R.: Mainland", "710"},
    {"China, P.R.: Hong Kong", NULL},
    {"China, P.R.: Macao", NULL},
    {"Taiwan Province of China", "713"},
    {"Korea, Rep. of", "732"},
    {"Korea, Dem. People's Rep. of", "731"},
    {"Congo, Dem. Rep. of the", "490"},
    {"Congo, Rep. of", "484"},
    {"Russian Federation", "365"},
    {"USSR", "365"},
    {"United States", "2"},
    {"Eastern Germany", "265"},
    {"Yemen Arab Rep.", "678"},
    {"Yemen, People's Dem. Rep. of", "680"},
    {"Yemen, Rep. of", "679"},
    {"Yugoslavia", "345"},
    {"Serbia and Montenegro", "345"},
    {"Serbia, Rep. of", "345"},
    {"Czechoslovakia", "315"},
    {"Czech Rep.", "316"},
    {"Slovak Rep.", "317"},
    {"Côte d'Ivoire", "437"},
    {"Eswatini, Kingdom of", "572"},
    {"Cabo Verde", "402"},
    {"Timor-Leste, Dem. Rep. of", "860"},
    {"North Macedonia, Republic of", "343"},
    {"Lao People's Dem. Rep.", "812"},
    {"Kyrgyz Rep.", "703"},
    {"Brunei Darussalam", "835"},
    {"Bahamas, The", "31"},
    {"Gambia, The", "420"},
    {"Netherlands, The", "210"},
    {"Micronesia, Federated States of", "987"},
    {"São Tomé and Príncipe, Dem. Rep. of", "403"},
    {"Malaysia, West", NULL},
    {"West Bank and Gaza", NULL},
    {"Aruba, Kingdom of the Netherlands", NULL},
    {"Curaçao, Kingdom of the Netherlands", NULL},
    {"Sint Maarten, Kingdom of the Netherlands", NULL},
    {"Netherlands Antilles", NULL},
    {"Holy See", NULL},
};

typedef struct acc {
    int n;               /* states */
    int idx[1000];       /* ccode -> index, -1 */
    const int *codes;    /* index -> ccode */
    double *exp, *imp;   /* n*n*NY: [(i*n + j)*NY + y], i exporter, j importer (the
                          * file's rows run over the years of a pair) */
    unsigned char *fl;   /* F_* */
    double *wexp, *wimp; /* n*NY: totals with World */
    unsigned char *wfl;
} acc;

static const char *reason(int k, int reporter)
{
    if (k == ENT_NAME_AGGREGATE)
        return reporter ? "reporter is an aggregate (World, regions, groups)"
                        : "partner is an aggregate (regions, groups, 'not specified')";
    if (k == ENT_NAME_NOTMEMBER)
        return reporter ? "reporter not a COW system member that year"
                        : "partner not a COW system member that year";
    return reporter ? "reporter is no COW state (territory: Hong Kong, Aruba, ...)"
                    : "partner is no COW state (territory: Hong Kong, Aruba, ...)";
}

/* write_tables inserts both tables in their key order (year, ...).  The cells
 * with a figure are put in that order by a counting sort on the year of their
 * pair-major index, in two sequential passes over the flags. */
static ent_status write_tables(ent_load *ld, const acc *a)
{
    sqlite3_stmt *qw = NULL;
    ent_batch *bt = NULL;
    ent_status st;
    const size_t n = (size_t)a->n, ncell = n * n * NY;
    size_t start[NY + 1] = {0}, *ord = NULL;
    if ((st = ent_batch_open(ld->ctx, ld->db, "INSERT INTO imf_trade", 7, &bt)) != ENT_OK ||
        (st = ent_sql_prepare(ld->ctx, ld->db, "INSERT INTO imf_world VALUES(?,?,?,?,?,?)",
                              &qw)) != ENT_OK)
        goto out;
    for (int y = 0; y < NY; y++) {
        for (size_t i = 0; i < n; i++) {
            size_t w = (size_t)y * n + i;
            if (!a->wfl[w])
                continue;
            sqlite3_bind_int(qw, 1, YLO + y);
            sqlite3_bind_int(qw, 2, a->codes[i]);
            ent_sql_bind_f64(qw, 3, a->wfl[w] & F_EXP ? a->wexp[w] : NAN);
            ent_sql_bind_f64(qw, 4, a->wfl[w] & F_IMP ? a->wimp[w] : NAN);
            ent_sql_bind_i64(qw, 5, a->wfl[w] & F_EXP ? !!(a->wfl[w] & F_EEST) : ENT_NA);
            ent_sql_bind_i64(qw, 6, a->wfl[w] & F_IMP ? !!(a->wfl[w] & F_IEST) : ENT_NA);
            if ((st = ent_sql_step_reset(ld->ctx, ld->db, qw)) != ENT_OK)
                goto out;
        }
    }
    for (size_t c = 0; c < ncell; c++) /* cells per year, then where each year starts */
        if (a->fl[c])
            start[c % NY + 1]++;
    for (int y = 0; y < NY; y++)
        start[y + 1] += start[y];
    if (!(ord = ent_malloc(ld->ctx, (start[NY] ? start[NY] : 1) * sizeof *ord))) {
        st = ent_err(ld->ctx, ENT_ENOMEM, "imf_dots: out of memory");
        goto out;
    }
    for (size_t c = 0; c < ncell; c++) /* pair-major within a year: (exporter, importer) */
        if (a->fl[c])
            ord[start[c % NY]++] = c;
    for (size_t k = 0; k < start[NY]; k++) {
        size_t c = ord[k], pair = c / NY, i = pair / n, j = pair % n;
        unsigned f = a->fl[c];
        ent_batch_i64(bt, YLO + (int)(c % NY));
        ent_batch_i64(bt, a->codes[i]);
        ent_batch_i64(bt, a->codes[j]);
        ent_batch_f64(bt, f & F_EXP ? a->exp[c] : NAN);
        ent_batch_f64(bt, f & F_IMP ? a->imp[c] : NAN);
        ent_batch_i64(bt, f & F_EXP ? !!(f & F_EEST) : ENT_NA);
        ent_batch_i64(bt, f & F_IMP ? !!(f & F_IEST) : ENT_NA);
        if ((st = ent_batch_row(bt)) != ENT_OK)
            goto out;
    }
out:
    ent_free(ld->ctx, ord);
    sqlite3_finalize(qw);
    return ent_batch_close(bt, st);
}

static ent_status load(ent_load *ld)
{
    static const char *const names[] = {"reporter", "partner", "flow", "year", "value_usd_mn",
                                        "imf_estimate_flag"};
    enum { C_REP, C_PAR, C_FLOW, C_YEAR, C_VAL, C_EST, C_N };
    int idx[C_N];
    ent_reader *r = NULL;
    ent_namemap *nm = NULL;
    ent_cell *cells;
    size_t nc, ncodes, cells_n = 0;
    acc a;
    ent_status st;

    memset(&a, 0, sizeof a);
    a.codes = ent_state_codes(ld->reg, &ncodes);
    a.n = (int)ncodes;
    for (int c = 0; c < 1000; c++)
        a.idx[c] = -1;
    for (size_t i = 0; i < ncodes; i++)
        if (a.codes[i] > 0 && a.codes[i] < 1000)
            a.idx[a.codes[i]] = (int)i;
    cells_n = ncodes * ncodes * NY;
    a.exp = ent_malloc(ld->ctx, cells_n * sizeof(double));
    a.imp = ent_malloc(ld->ctx, cells_n * sizeof(double));
    a.fl = ent_malloc(ld->ctx, cells_n);
    a.wexp = ent_malloc(ld->ctx, ncodes * NY * sizeof(double));
    a.wimp = ent_malloc(ld->ctx, ncodes * NY * sizeof(double));
    a.wfl = ent_malloc(ld->ctx, ncodes * NY);
    if (!a.exp || !a.imp || !a.fl || !a.wexp || !a.wimp || !a.wfl) {
        st = ent_err(ld->ctx, ENT_ENOMEM, "imf_dots: out of memory");
        goto out;
    }
    memset(a.fl, 0, cells_n);
    memset(a.wfl, 0, ncodes * NY);

    if ((st = ent_namemap_new(ld, ALIAS, sizeof ALIAS / sizeof ALIAS[0], YLO, YHI, &nm)) !=
            ENT_OK ||
        (st = ent_load_open(ld, FILE_NAME, NULL, &r)) != ENT_OK ||
        (st = ent_reader_cols(r, names, idx, C_N)) != ENT_OK)
        goto out;
    while ((st = ent_reader_next(r, &cells, &nc)) == ENT_OK) {
        ent_cell fc = cells[idx[C_FLOW]];
        int year, rep, par, isexp, est;
        double v;
        if (ent_cell_int(cells[idx[C_YEAR]], &year) != 1 || year < YLO || year > YHI) {
            st = ent_reader_fail(r, ENT_EPARSE, idx[C_YEAR], "'%s' is not a year %d-%d",
                                 cells[idx[C_YEAR]].p, YLO, YHI);
            goto out;
        }
        if (fc.n == 11 && !memcmp(fc.p, "exports_fob", 11))
            isexp = 1;
        else if (fc.n == 11 && !memcmp(fc.p, "imports_cif", 11))
            isexp = 0;
        else {
            st = ent_reader_fail(r, ENT_EPARSE, idx[C_FLOW],
                                 "'%s' is not exports_fob or imports_cif", fc.p);
            goto out;
        }
        if ((st = ent_src_real(r, cells, idx[C_VAL], 1, &v)) != ENT_OK)
            goto out;
        if (ent_cell_int(cells[idx[C_EST]], &est) != 1 || (est != 0 && est != 1)) {
            st = ent_reader_fail(r, ENT_EPARSE, idx[C_EST], "'%s' is not 0 or 1",
                                 cells[idx[C_EST]].p);
            goto out;
        }
        rep = ent_namemap_get(nm, cells[idx[C_REP]].p, cells[idx[C_REP]].n, year);
        par = ent_namemap_get(nm, cells[idx[C_PAR]].p, cells[idx[C_PAR]].n, year);
        if (rep == -3 || par == -3) {
            st = ent_err(ld->ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        if (rep < 0) {
            ent_load_reject(ld, r, reason(rep, 1));
            continue;
        }
        if (par == ENT_NAME_AGGREGATE && cells[idx[C_PAR]].n == 5 &&
            !memcmp(cells[idx[C_PAR]].p, "World", 5)) {
            size_t w = (size_t)(year - YLO) * (size_t)a.n + (size_t)a.idx[rep];
            unsigned bit = isexp ? F_EXP : F_IMP;
            if (a.wfl[w] & bit) {
                ent_load_reject(ld, r, "second World total for a state-year after name mapping");
                continue;
            }
            (isexp ? a.wexp : a.wimp)[w] = v;
            a.wfl[w] |= (unsigned char)(bit | (est ? (isexp ? F_EEST : F_IEST) : 0));
            ent_load_ok(ld);
            ent_load_year(ld, year);
            continue;
        }
        if (par < 0) {
            ent_load_reject(ld, r, reason(par, 0));
            continue;
        }
        if (rep == par) {
            ent_load_reject(ld, r, "reporter = partner after name mapping");
            continue;
        }
        if (v < 0) {
            ent_load_reject(ld, r, "negative figure (an IMF adjustment, not a flow)");
            continue;
        }
        {
            /* exports reported by rep: flow rep -> par; imports: par -> rep */
            int ex = isexp ? rep : par, im = isexp ? par : rep;
            size_t c = ((size_t)a.idx[ex] * (size_t)a.n + (size_t)a.idx[im]) * NY +
                       (size_t)(year - YLO);
            unsigned bit = isexp ? F_EXP : F_IMP;
            if (a.fl[c] & bit) {
                ent_load_reject(ld, r, "second figure for a dyad-year and flow after name "
                                       "mapping (USSR/Russia, Yugoslavia/Serbia ...)");
                continue;
            }
            (isexp ? a.exp : a.imp)[c] = v;
            a.fl[c] |= (unsigned char)(bit | (est ? (isexp ? F_EEST : F_IEST) : 0));
        }
        ent_load_ok(ld);
        ent_load_year(ld, year);
    }
    if (st != ENT_DONE)
        goto out;
    st = write_tables(ld, &a);
out:
    ent_load_close(ld, r);
    ent_namemap_free(nm);
    ent_free(ld->ctx, a.exp);
    ent_free(ld->ctx, a.imp);
    ent_free(ld->ctx, a.fl);
    ent_free(ld->ctx, a.wexp);
    ent_free(ld->ctx, a.wimp);
    ent_free(ld->ctx, a.wfl);
    return st;
}

const ent_source ent_src_imf_dots = {
    .name = "imf_dots",
    .dir = "imf_dots",
    .files = {FILE_NAME},
    .version = 1,
    .schema = "CREATE TABLE IF NOT EXISTS imf_trade("
              " year INTEGER NOT NULL, exporter INTEGER NOT NULL, importer INTEGER NOT NULL,"
              " exports_fob REAL, imports_cif REAL, est_exports INTEGER, est_imports INTEGER,"
              " PRIMARY KEY (year, exporter, importer)) WITHOUT ROWID;"
              "CREATE TABLE IF NOT EXISTS imf_world("
              " year INTEGER NOT NULL, ccode INTEGER NOT NULL,"
              " exports_fob REAL, imports_cif REAL, est_exports INTEGER, est_imports INTEGER,"
              " PRIMARY KEY (year, ccode)) WITHOUT ROWID;",
    .tables = "imf_trade,imf_world",
    .deps = "states", /* names are mapped through the registry */
    .year_lo = 1960,
    .year_hi = 2020,
    .coverage = "full",
    .cite = "International Monetary Fund, Direction of Trade Statistics (DOTS), data.imf.org "
            "(workbooks via SamLeBlanc/Direction-of-Trade-Map, converted to long form)",
    .load = load,
};
