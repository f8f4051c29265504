/*
 * sipri_register.c -- the `sipri_trade_register` source: the raw SIPRI Arms
 * Transfers Database trade register (2026 release), one row per deal and
 * DELIVERY year, 1995-2024, summed into table sipri_deliv (supplier,
 * recipient, delivery year: delivered TIV and the number of deal rows).
 *
 * Traps handled here (see ../shared/data/sipri_trade_register/SOURCE.txt):
 *  - 11 preamble lines before the header: counted and rejected as such;
 *  - every line ends with a stray ';' (the header's last name too): stripped;
 *  - SIPRI country names ("Turkiye", "DR Congo", "eSwatini"): mapped to COW
 *    on the delivery year through the registry and an alias table; rebel
 *    groups (SIPRI marks them '*'), organisations ('**'), unknown suppliers
 *    or recipients, and names that are no COW state are rejected with a reason.
 *
 * These are a different quantity from the order-year TIVs of
 * sipri_arms_transfers_tiv (another release, by order year): the two series
 * are never spliced.  After loading, the build compares them on their overlap
 * (1995-2018): table sipri_overlap, one row per year, and a log line.
 */
#include "srcutil.h"
#include "namemap.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define FILE_NAME "sipri_trade_register_deliveries_1995_2025_raw.csv"
#define YEAR_LO 1995
#define YEAR_HI 2025 /* the export's stated range; no 2025 rows are present */
#define OVERLAP_LO 1995
#define OVERLAP_HI 2018

/* SIPRI spellings the registry does not know, and names that are no state. */
static const ent_name_alias ALIAS[] = {
    {"Turkiye", "640"},          {"DR Congo", "490"},        {"Congo", "484"},
    {"eSwatini", "572"},         {"Cabo Verde", "402"},      {"Cote d'Ivoire", "437"},
    {"Bosnia-Herzegovina", "346"}, {"North Korea", "731"},   {"South Korea", "732"},
    {"Viet Nam", "816"},         {"Czechia", "316"},         {"North Macedonia", "343"},
    {"Timor-Leste", "860"},      {"UAE", "696"},             {"Taiwan", "713"},
    {"Kosovo", "347"},           {"Myanmar", "775"},         {"Laos", "812"},
    {"Brunei", "835"},           {"United States", "2"},   {"Russia", "365"},
    {"China", "710"},            {"Serbia", "345"},
    {"Palestine", NULL},         {"Western Sahara", NULL},   {"Northern Cyprus", NULL},
    {"Aruba", NULL},
};

/* why returns the rejection reason of a name that maps to no member. */
static const char *why(const char *name, int code, int supplier, char *buf, size_t n)
{
    size_t len = strlen(name);
    if (!strncmp(name, "unknown", 7))
        return supplier ? "unknown supplier" : "unknown recipient";
    if (len > 2 && !strcmp(name + len - 2, "**"))
        return supplier ? "supplier is an organisation (SIPRI '**')"
                        : "recipient is an organisation (SIPRI '**': UN, NATO, AU ...)";
    if (len > 1 && name[len - 1] == '*')
        return supplier ? "supplier is a non-state armed group (SIPRI '*')"
                        : "recipient is a non-state armed group (SIPRI '*')";
    if (code == ENT_NAME_NOTMEMBER)
        return supplier ? "supplier not a COW system member in the delivery year"
                        : "recipient not a COW system member in the delivery year";
    snprintf(buf, n, "%s '%s' is no COW state", supplier ? "supplier" : "recipient", name);
    return buf;
}

/* bad sets the message "file:line: column N (name): what" for a value of the
 * register (read without a header row, so the reader has no column names). */
static ent_status bad(ent_load *ld, const ent_reader *r, int col, const char *name,
                      const char *what, const char *text)
{
    return ent_err(ld->ctx, ENT_EPARSE, "%s:%llu: column %d (%s): '%s' %s", FILE_NAME,
                   (unsigned long long)ent_reader_line(r), col + 1, name, text, what);
}

/* cell_text copies cell c without the stray trailing ';' into buf. */
static const char *cell_text(ent_cell c, char *buf, size_t n)
{
    size_t len = c.n;
    while (len && (c.p[len - 1] == ';' || c.p[len - 1] == ' ' || c.p[len - 1] == '\r'))
        len--;
    if (len >= n)
        len = n - 1;
    memcpy(buf, c.p, len);
    buf[len] = 0;
    return buf;
}

/* overlap compares the two SIPRI series on 1995-2018 (when the order-year
 * source is in the warehouse): per-year totals into sipri_overlap, and one
 * log line with the totals and Pearson correlations of dyad-year values and
 * of dyad totals over the overlap. */
static ent_status overlap(ent_load *ld)
{
    static const char *const per_year =
        "INSERT INTO sipri_overlap SELECT y, SUM(o), SUM(d), SUM(o > 0), SUM(d > 0),"
        " SUM(o > 0 AND d > 0) FROM (SELECT supplier, recipient, year y, SUM(o) o, SUM(d) d"
        " FROM (SELECT supplier, recipient, year, tiv o, 0 d FROM sipri_tiv"
        "       WHERE year BETWEEN 1995 AND 2018"
        "       UNION ALL SELECT supplier, recipient, year, 0, tiv FROM sipri_deliv"
        "       WHERE year BETWEEN 1995 AND 2018)"
        " GROUP BY supplier, recipient, year) GROUP BY y";
    /* moments of (orders, deliveries) over dyad-years, then over dyad totals */
    static const char *const moments =
        "WITH u AS (SELECT supplier, recipient, year, SUM(o) o, SUM(d) d FROM"
        " (SELECT supplier, recipient, year, tiv o, 0 d FROM sipri_tiv"
        "  WHERE year BETWEEN 1995 AND 2018"
        "  UNION ALL SELECT supplier, recipient, year, 0, tiv FROM sipri_deliv"
        "  WHERE year BETWEEN 1995 AND 2018) GROUP BY supplier, recipient, year),"
        " t AS (SELECT SUM(o) o, SUM(d) d FROM u GROUP BY supplier, recipient)"
        " SELECT COUNT(*), SUM(o), SUM(d), SUM(o*o), SUM(d*d), SUM(o*d) FROM u"
        " UNION ALL SELECT COUNT(*), SUM(o), SUM(d), SUM(o*o), SUM(d*d), SUM(o*d) FROM t";
    sqlite3_stmt *q = NULL;
    sqlite3_stmt *e = NULL;
    double m[2][6] = {{0}};
    double r[2];
    ent_status st;
    int have = 0;

    if (sqlite3_prepare_v2(ld->db, "SELECT 1 FROM sqlite_master WHERE name = 'sipri_tiv'", -1,
                           &e, NULL) == SQLITE_OK)
        have = sqlite3_step(e) == SQLITE_ROW;
    sqlite3_finalize(e);
    if (!have) {
        ent_log(ld->ctx, "%-22s   overlap with order-year TIV: sipri_arms_transfers_tiv not "
                         "in the warehouse, not compared", "");
        return ENT_OK;
    }
    if ((st = ent_sql_exec(ld->ctx, ld->db, per_year)) != ENT_OK ||
        (st = ent_sql_prepare(ld->ctx, ld->db, moments, &q)) != ENT_OK)
        return st;
    for (int k = 0; k < 2 && sqlite3_step(q) == SQLITE_ROW; k++)
        for (int i = 0; i < 6; i++)
            m[k][i] = sqlite3_column_double(q, i);
    sqlite3_finalize(q);
    for (int k = 0; k < 2; k++) {
        double n = m[k][0], vo = n * m[k][3] - m[k][1] * m[k][1],
               vd = n * m[k][4] - m[k][2] * m[k][2];
        r[k] = vo > 0 && vd > 0 ? (n * m[k][5] - m[k][1] * m[k][2]) / sqrt(vo * vd) : NAN;
    }
    ent_log(ld->ctx,
            "%-22s   overlap %d-%d with order-year TIV (sipri_arms_transfers_tiv, not spliced):"
            " delivered %.0f vs ordered %.0f million TIV (ratio %.2f); Pearson r %.2f over %.0f"
            " dyad-years, %.2f over %.0f dyad totals; per year: table sipri_overlap",
            "", OVERLAP_LO, OVERLAP_HI, m[0][2], m[0][1], m[0][1] > 0 ? m[0][2] / m[0][1] : NAN,
            r[0], m[0][0], r[1], m[1][0]);
    return ENT_OK;
}

static ent_status load(ent_load *ld)
{
    static const char *const names[] = {"SIPRI AT Database ID", "Supplier", "Recipient",
                                        "Delivery year", "TIV delivery values"};
    enum { C_ID, C_SUP, C_REC, C_YEAR, C_TIV, C_N };
    int idx[C_N];
    const ent_reader_opts ro = {.no_header = 1, .ragged_ok = 1, .label = FILE_NAME};
    ent_reader *r = NULL;
    ent_namemap *nm = NULL;
    ent_cell *cells;
    size_t nc, ncols = 0;
    sqlite3_stmt *ins = NULL;
    ent_status st;
    int header = 0;

    if ((st = ent_load_open(ld, FILE_NAME, &ro, &r)) != ENT_OK)
        return st;
    if ((st = ent_namemap_new(ld, ALIAS, sizeof ALIAS / sizeof ALIAS[0], YEAR_LO, YEAR_HI,
                              &nm)) != ENT_OK)
        goto out;
    if ((st = ent_sql_prepare(ld->ctx, ld->db,
                              "INSERT INTO sipri_deliv VALUES(?1, ?2, ?3, ?4, 1)"
                              " ON CONFLICT(year, supplier, recipient) DO UPDATE SET"
                              " tiv = tiv + excluded.tiv, deals = deals + 1",
                              &ins)) != ENT_OK)
        goto out;
    while ((st = ent_reader_next(r, &cells, &nc)) == ENT_OK) {
        char sup[128], rec[128], b1[160], b2[160];
        int64_t year;
        double tiv;
        int s, t;
        if (!header) {
            /* the preamble ends at the header line, which starts with the deal id */
            char h[64];
            if (strcmp(cell_text(cells[0], h, sizeof h), names[0])) {
                ent_load_reject(ld, r, "preamble or header line (the export's notes; not data)");
                continue;
            }
            ent_load_reject(ld, r, "preamble or header line (the export's notes; not data)");
            for (size_t k = 0; k < C_N; k++) {
                idx[k] = -1;
                for (size_t i = 0; i < nc; i++)
                    if (!strcmp(cell_text(cells[i], b1, sizeof b1), names[k]))
                        idx[k] = (int)i;
                if (idx[k] < 0) {
                    st = ent_err(ld->ctx, ENT_EPARSE, "%s:%llu: missing column '%s'", FILE_NAME,
                                 (unsigned long long)ent_reader_line(r), names[k]);
                    goto out;
                }
            }
            ncols = nc;
            header = 1;
            continue;
        }
        if (nc == 1 && cells[0].n == 0) { /* a blank line */
            ent_load_reject(ld, r, "blank line");
            continue;
        }
        if (nc != ncols) {
            st = ent_err(ld->ctx, ENT_EPARSE, "%s:%llu: expected %zu fields, found %zu", FILE_NAME,
                         (unsigned long long)ent_reader_line(r), ncols, nc);
            goto out;
        }
        if (ent_cell_i64(cells[idx[C_YEAR]], &year) != 1 || year < YEAR_LO ||
            year > YEAR_HI) {
            st = bad(ld, r, idx[C_YEAR], names[C_YEAR], "is not a delivery year 1995-2025",
                     cell_text(cells[idx[C_YEAR]], b1, sizeof b1));
            goto out;
        }
        switch (ent_cell_f64(cells[idx[C_TIV]], &tiv)) {
        case 0: tiv = NAN; break;
        case 1:
            if (isfinite(tiv) && tiv >= 0)
                break;
            /* fall through */
        default:
            st = bad(ld, r, idx[C_TIV], names[C_TIV], "is not a TIV (a number >= 0)",
                     cell_text(cells[idx[C_TIV]], b1, sizeof b1));
            goto out;
        }
        cell_text(cells[idx[C_SUP]], sup, sizeof sup);
        cell_text(cells[idx[C_REC]], rec, sizeof rec);
        s = ent_namemap_get(nm, sup, strlen(sup), (int)year);
        t = ent_namemap_get(nm, rec, strlen(rec), (int)year);
        if (s == -3 || t == -3) {
            st = ent_err(ld->ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        if (s < 0) {
            ent_load_reject(ld, r, why(sup, s, 1, b1, sizeof b1));
            continue;
        }
        if (t < 0) {
            ent_load_reject(ld, r, why(rec, t, 0, b2, sizeof b2));
            continue;
        }
        if (s == t) {
            ent_load_reject(ld, r, "supplier = recipient");
            continue;
        }
        if (isnan(tiv)) {
            ent_load_reject(ld, r, "no delivered TIV (empty: no delivery identified)");
            continue;
        }
        sqlite3_bind_int(ins, 1, s);
        sqlite3_bind_int(ins, 2, t);
        sqlite3_bind_int(ins, 3, (int)year);
        sqlite3_bind_double(ins, 4, tiv);
        if ((st = ent_sql_step_reset(ld->ctx, ld->db, ins)) != ENT_OK)
            goto out;
        ent_load_ok(ld);
        ent_load_year(ld, (int)year);
    }
    if (st != ENT_DONE)
        goto out;
    st = header ? ENT_OK
                : ent_err(ld->ctx, ENT_EPARSE, "%s: no header line ('%s,Supplier,...')",
                          FILE_NAME, names[0]);
out:
    sqlite3_finalize(ins);
    ent_namemap_free(nm);
    ent_load_close(ld, r);
    if (st == ENT_OK)
        st = overlap(ld);
    return st;
}

const ent_source ent_src_sipri_trade_register = {
    .name = "sipri_trade_register",
    .dir = "sipri_trade_register",
    .files = {FILE_NAME},
    .version = 1,
    .schema = "CREATE TABLE IF NOT EXISTS sipri_deliv("
              " supplier INTEGER NOT NULL, recipient INTEGER NOT NULL, year INTEGER NOT NULL,"
              " tiv REAL NOT NULL, deals INTEGER NOT NULL,"
              " PRIMARY KEY (year, supplier, recipient)) WITHOUT ROWID;"
              "CREATE TABLE IF NOT EXISTS sipri_overlap("
              " year INTEGER PRIMARY KEY, orders_tiv REAL, deliveries_tiv REAL,"
              " dyads_orders INTEGER, dyads_deliveries INTEGER, dyads_both INTEGER);",
    .tables = "sipri_deliv,sipri_overlap",
    .deps = "states,sipri_arms_transfers_tiv", /* names via the registry; the overlap check */
    .year_lo = 1995,
    .year_hi = 2024,
    .coverage = "full",
    .cite = "SIPRI Arms Transfers Database, Stockholm International Peace Research Institute, "
            "https://www.sipri.org/databases/armstransfers (trade register, delivery years "
            "1995-2024, generated 12 Feb 2026)",
    .load = load,
};
