/*
 * bench_agree.c -- the UN vote agreement panel end to end: read the unvotes
 * CSVs from $DATA (default ../shared/data), map ISO2 to COW on each vote's
 * date, compute every member pair x every year 1946-2019 x the four measures
 * (agree, S, pi, kappa) with the bit-packed kernel, and write the panel to a
 * fresh SQLite file in one transaction with one prepared statement.
 * Prints the time of each phase, the total, and dyad-years per second.
 * Target (issue 2, section 6): total <= 3 s on the 2-core build machine.
 *
 * usage: bench_agree [OUT.db]     (default: a temporary file, removed after)
 */
#include "core/reader.h"
#include "measures/agree_db.h"
#include "measures/votepanel.h"
#include "sources/unvotes.h"
#include "sources/un_agree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static ent_status read_csvs(ent_ctx *ctx, const ent_registry *reg, const char *dir,
                            ent_vpanel *panel, size_t *nvotes)
{
    static const char *const rcn[] = {"rcid", "session", "date"};
    static const char *const vn[] = {"rcid", "country", "country_code", "vote"};
    char path[4096];
    ent_reader *r = NULL;
    ent_cell *c;
    size_t nc;
    int ix[4], *date = NULL;
    size_t cap = 1 << 16;
    ent_unvotes_cache *cache = calloc(1, sizeof *cache);
    ent_status st;

    date = calloc(cap, sizeof *date);
    if (!date || !cache)
        return ENT_ENOMEM;
    snprintf(path, sizeof path, "%s/unvotes/un_roll_calls.csv", dir);
    if ((st = ent_reader_open(ctx, path, NULL, &r)) != ENT_OK ||
        (st = ent_reader_cols(r, rcn, ix, 3)) != ENT_OK)
        goto out;
    while ((st = ent_reader_next(r, &c, &nc)) == ENT_OK) {
        int64_t rcid;
        int session, y, m, d;
        if (ent_cell_i64(c[ix[0]], &rcid) != 1 || rcid < 0 || (size_t)rcid >= cap ||
            ent_cell_int(c[ix[1]], &session) != 1 || ent_cell_date(c[ix[2]], &y, &m, &d) != 1) {
            st = ent_reader_fail(r, ENT_EPARSE, -1, "bad roll call");
            goto out;
        }
        date[rcid] = y * 10000 + m * 100 + d;
        if ((st = ent_vpanel_add_rc(panel, rcid, session + 1945)) != ENT_OK)
            goto out;
    }
    ent_reader_close(r);
    r = NULL;
    snprintf(path, sizeof path, "%s/unvotes/un_votes.csv", dir);
    if ((st = ent_reader_open(ctx, path, NULL, &r)) != ENT_OK ||
        (st = ent_reader_cols(r, vn, ix, 4)) != ENT_OK)
        goto out;
    while ((st = ent_reader_next(r, &c, &nc)) == ENT_OK) {
        int64_t rcid;
        int vote = ent_unvotes_vote_parse(c[ix[3]].p), cc, dt;
        if (ent_cell_i64(c[ix[0]], &rcid) != 1 || rcid < 0 || (size_t)rcid >= cap ||
            !date[rcid] || vote < 0) {
            st = ent_reader_fail(r, ENT_EPARSE, -1, "bad vote row");
            goto out;
        }
        dt = date[rcid];
        cc = ent_unvotes_place(reg, cache, &c[ix[2]], &c[ix[1]], dt / 10000, dt / 100 % 100,
                               dt % 100);
        if (cc <= 0)
            continue;
        if ((st = ent_vpanel_add_vote(panel, rcid, cc, vote)) != ENT_OK)
            goto out;
        (*nvotes)++;
    }
    if (st == ENT_DONE)
        st = ENT_OK;
out:
    ent_reader_close(r);
    free(date);
    free(cache);
    return st;
}

static ent_status count_row(void *ud, int a, int b, int year, const ent_agree_row *row)
{
    (void)a;
    (void)b;
    (void)year;
    (void)row;
    (*(size_t *)ud)++;
    return ENT_OK;
}

int main(int argc, char **argv)
{
    const char *dir = getenv("DATA");
    char tmp[] = "/tmp/bench_agree_XXXXXX";
    const char *out = argc > 1 ? argv[1] : NULL;
    ent_ctx *ctx = ent_ctx_new();
    ent_registry *reg = NULL;
    ent_vpanel *panel = NULL;
    sqlite3 *db = NULL;
    size_t nvotes = 0, nrows = 0;
    double t0, t1, t2, t3, t4, t5;
    ent_status st;
    int rc = 1;

    if (!dir || !*dir)
        dir = "../shared/data";
    if (!out) {
        int fd = mkstemp(tmp);
        if (fd < 0) {
            perror("mkstemp");
            return 1;
        }
        close(fd);
        out = tmp;
    }
    unlink(out);
    t0 = ent_now();
    if ((st = ent_registry_load(ctx, dir, &reg)) != ENT_OK)
        goto fail;
    t1 = ent_now();
    if (!(panel = ent_vpanel_new(ctx))) {
        st = ENT_ENOMEM;
        goto fail;
    }
    if ((st = read_csvs(ctx, reg, dir, panel, &nvotes)) != ENT_OK)
        goto fail;
    t2 = ent_now();
    /* the kernel alone, rows discarded */
    if ((st = ent_vpanel_run(panel, ENT_UN_YEAR_LO, ENT_UNVOTES_YEAR_HI, ENT_AGREE_QUADRATIC,
                             ent_vpanel_members_registry, reg, count_row, &nrows)) != ENT_OK)
        goto fail;
    t3 = ent_now();
    if (sqlite3_open(out, &db) != SQLITE_OK) {
        st = ent_err(ctx, ENT_EDB, "%s: %s", out, sqlite3_errmsg(db));
        goto fail;
    }
    if ((st = ent_sql_exec(ctx, db,
                           "PRAGMA journal_mode=DELETE; PRAGMA synchronous=NORMAL;"
                           "CREATE TABLE un_agree(a INTEGER NOT NULL, b INTEGER NOT NULL,"
                           " year INTEGER NOT NULL, n INTEGER NOT NULL, agree REAL, s REAL,"
                           " pi REAL, kappa REAL, PRIMARY KEY(a, b, year)) WITHOUT ROWID;"
                           "BEGIN")) != ENT_OK)
        goto fail;
    t4 = ent_now();
    if ((st = ent_un_agree_write(ctx, db, panel, reg, ENT_UN_YEAR_LO, ENT_UNVOTES_YEAR_HI)) != ENT_OK ||
        (st = ent_sql_exec(ctx, db, "COMMIT")) != ENT_OK)
        goto fail;
    sqlite3_close(db);
    db = NULL;
    t5 = ent_now();
    printf("bench_agree: %zu votes, %zu dyad-years (every member pair x 1946-2019), 4 measures\n",
           nvotes, nrows);
    printf("  registry        %7.3f s\n", t1 - t0);
    printf("  read CSVs       %7.3f s\n", t2 - t1);
    printf("  kernel only     %7.3f s  (%.0f dyad-years/s)\n", t3 - t2,
           (double)nrows / (t3 - t2));
    printf("  kernel + SQLite %7.3f s  (%.0f dyad-years/s)\n", t5 - t4,
           (double)nrows / (t5 - t4));
    printf("  total           %7.3f s  (read + compute + write, kernel-only pass excluded; "
           "target <= 3 s)\n",
           (t2 - t0) + (t5 - t3));
    rc = 0;
    goto out;
fail:
    fprintf(stderr, "bench_agree: %s\n", *ent_errmsg(ctx) ? ent_errmsg(ctx) : ent_strerror(st));
out:
    if (db)
        sqlite3_close(db);
    if (out == tmp)
        unlink(tmp);
    ent_vpanel_free(panel);
    ent_registry_free(reg);
    ent_ctx_free(ctx);
    return rc;
}
