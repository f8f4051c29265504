/*
 * unsc_vetoes.c -- the `unsc_vetoes` source: vetoed Security Council drafts,
 * 1946 - September 2022.  Table unsc_vetoes (one row per vetoed draft) and
 * unsc_veto_casts (one row per draft and vetoing permanent member, by COW
 * code), from which the panel counts the drafts both members of a dyad
 * vetoed in a year.  See docs/internals/sources.md.
 */
#include "srcutil.h"

#include <stdio.h>
#include <string.h>

enum { C_YEAR, C_DATE, C_DRAFT, C_MEET, C_AGENDA, C_TOPIC, C_REGION, C_M1, C_M2, C_M3,
       NCOL };

static const char *const NAMES[NCOL] = {
    "year", "date", "draft", "meeting_record", "agenda_item", "crisis_topic", "region",
    "member_veto1", "member_veto2", "member_veto3"};

/* The vetoing members are read from member_veto1..3: the file's 0/1 columns
 * (China ... UK) are all 0 on 17 rows and miss France on 8 triple vetoes. */
static int member_code(const char *name, int y, int m, int d)
{
    if (!strcmp(name, "USA"))
        return 2;
    if (!strcmp(name, "UK"))
        return 200;
    if (!strcmp(name, "France"))
        return 220;
    if (!strcmp(name, "USSR") || !strcmp(name, "Russia"))
        return 365;
    if (!strcmp(name, "China")) /* the Republic of China held the seat until 1971-10-25 */
        return (y * 10000 + m * 100 + d < 19711025) ? 713 : 710;
    return -1;
}

/* M/D/Y as in the file */
static ent_status mdy(ent_reader *r, ent_cell *cells, int col, int *y, int *m, int *d)
{
    char tail;
    if (cells[col].n == 0)
        return ent_reader_fail(r, ENT_EPARSE, col, "missing value");
    if (sscanf(cells[col].p, "%d/%d/%d%c", m, d, y, &tail) != 3 || *m < 1 || *m > 12 ||
        *d < 1 || *d > 31 || *y < 1945 || *y > 2100)
        return ent_reader_fail(r, ENT_EPARSE, col, "'%s' is not a date (M/D/YYYY)",
                               cells[col].p);
    return ENT_OK;
}

static void bind_text(sqlite3_stmt *s, int i, ent_cell c)
{
    if (c.n)
        sqlite3_bind_text(s, i, c.p, (int)c.n, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, i);
}

static ent_status step(ent_load *ld, sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        return ent_err(ld->ctx, ENT_EDB, "unsc_vetoes: %s", sqlite3_errmsg(ld->db));
    return ENT_OK;
}

static ent_status load(ent_load *ld)
{
    const ent_reader_opts ro = {.label = "unsc_vetoes_1946_sept2022.csv"};
    ent_reader *r = NULL;
    sqlite3_stmt *draft = NULL, *cast = NULL;
    int idx[NCOL];
    int64_t id = 0;
    ent_status st;

    if ((st = ent_sql_prepare(ld->ctx, ld->db,
                              "INSERT INTO unsc_vetoes(veto_id,year,date,draft,meeting_record,"
                              "agenda_item,crisis_topic,region,nvetoes)"
                              " VALUES(?,?,?,?,?,?,?,?,?)",
                              &draft)) != ENT_OK ||
        (st = ent_sql_prepare(ld->ctx, ld->db,
                              "INSERT INTO unsc_veto_casts(veto_id,ccode,year) VALUES(?,?,?)",
                              &cast)) != ENT_OK)
        goto out;
    if ((st = ent_load_open(ld, "unsc_vetoes_1946_sept2022.csv", &ro, &r)) != ENT_OK)
        goto out;
    if ((st = ent_reader_cols(r, NAMES, idx, NCOL)) != ENT_OK)
        goto out;
    for (;;) {
        ent_cell *cells;
        size_t nc;
        int64_t year;
        int y, m, d, n = 0, codes[3];
        char iso[11];
        st = ent_reader_next(r, &cells, &nc);
        if (st == ENT_DONE) {
            st = ENT_OK;
            break;
        }
        if (st != ENT_OK)
            goto out;
        if ((st = ent_src_int(r, cells, idx[C_YEAR], 1, &year)) != ENT_OK ||
            (st = mdy(r, cells, idx[C_DATE], &y, &m, &d)) != ENT_OK)
            goto out;
        if (year != y) {
            st = ent_reader_fail(r, ENT_EPARSE, idx[C_YEAR], "year %lld differs from date %s",
                                 (long long)year, cells[idx[C_DATE]].p);
            goto out;
        }
        for (int k = 0; k < 3; k++) {
            int col = idx[C_M1 + k], c, dup = 0;
            if (cells[col].n == 0) {
                if (k == 0) {
                    st = ent_reader_fail(r, ENT_EPARSE, col, "missing value");
                    goto out;
                }
                continue;
            }
            c = member_code(cells[col].p, y, m, d);
            if (c < 0) {
                st = ent_reader_fail(r, ENT_EPARSE, col, "'%s' is not a permanent member",
                                     cells[col].p);
                goto out;
            }
            for (int j = 0; j < n; j++)
                dup |= codes[j] == c;
            if (!dup)
                codes[n++] = c;
        }
        id++;
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
        sqlite3_bind_int64(draft, 1, id);
        sqlite3_bind_int(draft, 2, y);
        sqlite3_bind_text(draft, 3, iso, -1, SQLITE_TRANSIENT);
        bind_text(draft, 4, cells[idx[C_DRAFT]]);
        bind_text(draft, 5, cells[idx[C_MEET]]);
        bind_text(draft, 6, cells[idx[C_AGENDA]]);
        bind_text(draft, 7, cells[idx[C_TOPIC]]);
        bind_text(draft, 8, cells[idx[C_REGION]]);
        sqlite3_bind_int(draft, 9, n);
        if ((st = step(ld, draft)) != ENT_OK)
            goto out;
        for (int k = 0; k < n; k++) {
            sqlite3_bind_int64(cast, 1, id);
            sqlite3_bind_int(cast, 2, codes[k]);
            sqlite3_bind_int(cast, 3, y);
            if ((st = step(ld, cast)) != ENT_OK)
                goto out;
        }
        ent_load_ok(ld);
        ent_load_year(ld, y);
    }
out:
    ent_load_close(ld, r);
    sqlite3_finalize(draft);
    sqlite3_finalize(cast);
    return st;
}

const ent_source ent_src_unsc_vetoes = {
    .name = "unsc_vetoes",
    .dir = "unsc_vetoes",
    .files = {"unsc_vetoes_1946_sept2022.csv"},
    .version = 1,
    .schema = "CREATE TABLE IF NOT EXISTS unsc_vetoes("
              " veto_id INTEGER PRIMARY KEY, year INTEGER NOT NULL, date TEXT NOT NULL,"
              " draft TEXT, meeting_record TEXT, agenda_item TEXT, crisis_topic TEXT,"
              " region TEXT, nvetoes INTEGER NOT NULL);"
              "CREATE TABLE IF NOT EXISTS unsc_veto_casts("
              " veto_id INTEGER NOT NULL, ccode INTEGER NOT NULL, year INTEGER NOT NULL,"
              " PRIMARY KEY (veto_id, ccode)) WITHOUT ROWID;"
              "CREATE INDEX IF NOT EXISTS unsc_veto_casts_year ON unsc_veto_casts(year, ccode);",
    .tables = "unsc_vetoes,unsc_veto_casts",
    .deps = "states", /* codes are checked against the registry */
    .year_lo = 1946,
    .year_hi = 2022,
    .coverage = "full (2022 through September)",
    .cite = "Yordan, Carlos L. UN Security Council vetoes 1946-2022, world-politics-datalab/"
            "vetoes-un-security-council (from the Dag Hammarskjold Library veto list)",
    .load = load,
};
