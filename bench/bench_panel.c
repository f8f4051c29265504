/*
 * bench_panel.c -- the dyad-year panel's performance targets (issue 3):
 *   1. a full `entente build` of every source in $DATA (default
 *      ../shared/data) into a fresh warehouse, the panel with alliance-
 *      portfolio S and kappa for every dyad-year 1816-2024 included: <= 30 s
 *      (wall time; the process CPU time and the load average are printed beside
 *      it, since the machine is shared, and the CPU time of each source: the
 *      build's progress lines are read as they come, and the CPU spent since
 *      the previous one -- the source's file digests and its load -- is
 *      charged to the source the line names);
 *   2. the panel stage alone, rebuilt (--only panel --force);
 *   3. alliance_s + alliance_kappa alone for every dyad-year (the sparse
 *      portfolio kernel on the real ATOP levels and CINC weights), beside the
 *      plain O(n^3) per-pair loop over all states for comparison;
 *   4. `entente panel --from 1946 --to 2019` (non-directed CSV): <= 5 s
 *      (wall time, and its CPU time beside it).
 * Anchors: peacesciencer's create_dyadyears() takes ~4.7 s in R and its
 * alliance-portfolio similarity matrices ~2.7 hours.
 *
 * usage: bench_panel [OUT.db]     (default: a temporary file, removed after)
 */
#include "core/core.h"
#include "panel/panel.h"
#include "store/store.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Per-source CPU time, from the build's progress lines ("NAME read N = ..."),
 * received through a stdio stream (glibc's fopencookie). */
#define MAXSRC 64
typedef struct cpu_by_source {
    char line[1024];
    size_t len;
    double mark; /* CPU time at the previous progress line */
    int n;
    char name[MAXSRC][40];
    double cpu[MAXSRC];
} cpu_by_source;

static void on_line(cpu_by_source *c)
{
    char name[40];
    double now = cpu_now();
    if (strstr(c->line, " = loaded ") && sscanf(c->line, "%39s read", name) == 1 &&
        c->n < MAXSRC) {
        snprintf(c->name[c->n], sizeof c->name[0], "%s", name);
        c->cpu[c->n++] = now - c->mark;
        c->mark = now;
    }
}

static ssize_t log_write(void *cookie, const char *buf, size_t size)
{
    cpu_by_source *c = cookie;
    for (size_t i = 0; i < size; i++) {
        if (buf[i] == '\n') {
            c->line[c->len] = '\0';
            on_line(c);
            c->len = 0;
        } else if (c->len + 1 < sizeof c->line) {
            c->line[c->len++] = buf[i];
        }
    }
    return (ssize_t)size;
}

static void print_cpu_by_source(const cpu_by_source *c, double total)
{
    int order[MAXSRC];
    double rest = total;
    for (int i = 0; i < c->n; i++)
        order[i] = i;
    for (int i = 1; i < c->n; i++) /* by CPU time, largest first */
        for (int j = i; j > 0 && c->cpu[order[j]] > c->cpu[order[j - 1]]; j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    printf("     CPU by source (digests + load; top 12 of %d):\n", c->n);
    for (int i = 0; i < c->n; i++) {
        if (i < 12)
            printf("       %-28s %8.2f s\n", c->name[order[i]], c->cpu[order[i]]);
        rest -= c->cpu[order[i]];
    }
    printf("       %-28s %8.2f s\n", "(start-up, commit)", rest);
}

static int fail(ent_ctx *ctx, const char *what)
{
    fprintf(stderr, "bench_panel: %s: %s\n", what, ent_errmsg(ctx));
    return 1;
}

/* dense_s is the textbook per-pair loop over every state: O(n^3) a year. */
static double dense_s(int n, const double *lev, const double *w, int i, int j)
{
    double num = 0, den = 0;
    for (int k = 0; k < n; k++) {
        double a = k == i ? 3 : i < k ? lev[i * n + k] : lev[k * n + i];
        double b = k == j ? 3 : j < k ? lev[j * n + k] : lev[k * n + j];
        double wk = isnan(w[k]) || w[k] < 0 ? 0 : w[k];
        num += wk * fabs(a - b) / 3.0;
        den += wk;
    }
    return den > 0 ? 1 - 2 * num / den : NAN;
}

/* portfolio_bench reads each year's ATOP levels and CINC from the panel and
 * times the kernel alone; returns dyad-years computed. */
static long portfolio_bench(sqlite3 *db, double *t_sparse, double *t_dense, int *dense_years)
{
    enum { MAXN = 256 };
    static int idx[1000], deg[MAXN], nz[MAXN * MAXN];
    static double lev[MAXN * MAXN], w[MAXN], so[MAXN * MAXN], ko[MAXN * MAXN], work[4 * MAXN];
    sqlite3_stmt *q = NULL;
    long pairs = 0;
    *t_sparse = *t_dense = 0;
    *dense_years = 0;
    if (sqlite3_prepare_v2(db,
                           "SELECT ccode1, ccode2, atop_level, cinc_1, cinc_2 FROM panel "
                           "WHERE year = ?1 ORDER BY ccode1, ccode2",
                           -1, &q, NULL) != SQLITE_OK)
        return -1;
    for (int year = ENT_PANEL_YEAR_LO; year <= 2018; year++) {
        int n = 0;
        double t0;
        for (int c = 0; c < 1000; c++)
            idx[c] = -1;
        sqlite3_reset(q);
        sqlite3_bind_int(q, 1, year);
        /* first pass: members (rows come in key order) */
        while (sqlite3_step(q) == SQLITE_ROW) {
            int a = sqlite3_column_int(q, 0), b = sqlite3_column_int(q, 1);
            if (idx[a] < 0 && n < MAXN) {
                idx[a] = n;
                w[n++] = sqlite3_column_type(q, 3) == SQLITE_NULL ? NAN : sqlite3_column_double(q, 3);
            }
            if (idx[b] < 0 && n < MAXN) {
                idx[b] = n;
                w[n++] = sqlite3_column_type(q, 4) == SQLITE_NULL ? NAN : sqlite3_column_double(q, 4);
            }
        }
        /* member order must be ccode order for i < j: renumber */
        {
            int k = 0;
            double w2[MAXN];
            for (int c = 0; c < 1000; c++)
                if (idx[c] >= 0) {
                    w2[k] = w[idx[c]];
                    idx[c] = k++;
                }
            memcpy(w, w2, sizeof(double) * (size_t)n);
        }
        sqlite3_reset(q);
        while (sqlite3_step(q) == SQLITE_ROW) {
            int i = idx[sqlite3_column_int(q, 0)], j = idx[sqlite3_column_int(q, 1)];
            lev[i * n + j] = sqlite3_column_double(q, 2);
        }
        if (n < 2)
            continue;
        t0 = ent_now();
        ent_panel_portfolio(n, lev, w, deg, nz, work, so, ko);
        *t_sparse += ent_now() - t0;
        pairs += (long)n * (n - 1) / 2;
        { /* the plain loop, same year */
            volatile double sink = 0;
            t0 = ent_now();
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                    sink += dense_s(n, lev, w, i, j);
            *t_dense += ent_now() - t0;
            (*dense_years)++;
            (void)sink;
        }
    }
    sqlite3_finalize(q);
    return pairs;
}

int main(int argc, char **argv)
{
    const char *data = getenv("DATA") ? getenv("DATA") : "../shared/data";
    char tmpdb[] = "/tmp/bench_panel_XXXXXX", tmpcsv[] = "/tmp/bench_panel_csv_XXXXXX";
    const char *path = argc > 1 ? argv[1] : tmpdb;
    ent_ctx *ctx = ent_ctx_new();
    ent_db *db = NULL;
    const ent_registry *reg;
    ent_build_opts bo = {.datadir = data};
    double t0, c0, t_build, t_panel, t_rebuild, t_export, t_sparse, t_dense;
    int fd, dense_years, rc = 1;
    long pairs;
    size_t rows;
    FILE *fp, *logfp;
    sqlite3_stmt *q = NULL;
    static cpu_by_source bysrc;
    cookie_io_functions_t logio = {.write = log_write};

    if (!ctx)
        return 1;
    if (argc <= 1) {
        if ((fd = mkstemp(tmpdb)) < 0)
            return 1;
        close(fd);
        unlink(tmpdb);
    }
    printf("bench_panel: data %s, warehouse %s\n", data, path);
    if (ent_db_open(ctx, path, 1, &db) != ENT_OK)
        return fail(ctx, "open");

    if (!(logfp = fopencookie(&bysrc, "w", logio)))
        return fail(ctx, "log stream");
    setvbuf(logfp, NULL, _IONBF, 0); /* each line as it is written */
    ent_ctx_set_log(ctx, logfp);
    t0 = ent_now();
    c0 = bysrc.mark = cpu_now();
    if (ent_build(db, &bo) != ENT_OK) {
        fail(ctx, "build");
        goto out;
    }
    t_build = ent_now() - t0;
    c0 = cpu_now() - c0;
    ent_ctx_set_log(ctx, NULL);
    fclose(logfp);
    t_panel = NAN;
    if (sqlite3_prepare_v2(ent_db_sqlite(db),
                           "SELECT load_seconds, rows_loaded FROM sources WHERE name = 'panel'", -1,
                           &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW) {
        t_panel = sqlite3_column_double(q, 0);
        printf("  panel rows (dyad-years 1816-2024)       %10lld\n",
               (long long)sqlite3_column_int64(q, 1));
    }
    sqlite3_finalize(q);
    printf("  1. full build, all sources + panel      %8.2f s   (target <= 30 s)\n", t_build);
    printf("     of which the panel stage             %8.2f s\n", t_panel);
    {
        double la[3] = {0, 0, 0};
        printf("     CPU time of the build                %8.2f s   (load average %.1f: shared "
               "machine)\n", c0, getloadavg(la, 3) > 0 ? la[0] : NAN);
    }
    if (sqlite3_prepare_v2(ent_db_sqlite(db),
                           "SELECT name, load_seconds, rows_read FROM sources WHERE name <> 'panel'"
                           " ORDER BY load_seconds DESC LIMIT 5", -1, &q, NULL) == SQLITE_OK)
        while (sqlite3_step(q) == SQLITE_ROW)
            printf("     slowest: %-26s %8.2f s   (%lld rows)\n", sqlite3_column_text(q, 0),
                   sqlite3_column_double(q, 1), (long long)sqlite3_column_int64(q, 2));
    sqlite3_finalize(q);
    q = NULL;
    print_cpu_by_source(&bysrc, c0);

    bo.only = "panel";
    bo.force = 1;
    t0 = ent_now();
    if (ent_build(db, &bo) != ENT_OK) {
        fail(ctx, "rebuild panel");
        goto out;
    }
    t_rebuild = ent_now() - t0;
    printf("  2. panel stage rebuilt alone            %8.2f s\n", t_rebuild);

    pairs = portfolio_bench(ent_db_sqlite(db), &t_sparse, &t_dense, &dense_years);
    printf("  3. alliance_s + kappa, %ld dyad-years  %8.3f s   (sparse portfolio kernel)\n",
           pairs, t_sparse);
    if (dense_years)
        printf("     plain per-pair loop over all states  %8.3f s   (S only, %d years)\n",
               t_dense, dense_years);

    if (ent_db_registry(db, &reg) != ENT_OK) {
        fail(ctx, "registry");
        goto out;
    }
    if ((fd = mkstemp(tmpcsv)) < 0 || !(fp = fdopen(fd, "w"))) {
        perror("bench_panel: csv");
        goto out;
    }
    {
        ent_panel_export_opts eo = {1946, 2019, 0, NULL, 0};
        t0 = ent_now();
        c0 = cpu_now();
        if (ent_panel_export_csv(ctx, ent_db_sqlite(db), reg, &eo, fp, &rows) != ENT_OK) {
            fclose(fp);
            unlink(tmpcsv);
            fail(ctx, "export");
            goto out;
        }
        fclose(fp);
        t_export = ent_now() - t0;
        c0 = cpu_now() - c0;
        unlink(tmpcsv);
    }
    printf("  4. panel export 1946-2019, %zu rows   %8.2f s   (target <= 5 s)\n", rows,
           t_export);
    printf("     CPU time of the export               %8.2f s\n", c0);
    printf("  anchors: peacesciencer create_dyadyears() ~4.7 s; its alliance-portfolio "
           "similarity ~2.7 h\n");
    rc = t_build <= 30 && t_export <= 5 ? 0 : 2;
    if (rc)
        printf("  TARGET MISSED\n");
out:
    ent_db_close(db);
    if (argc <= 1)
        unlink(tmpdb);
    ent_ctx_free(ctx);
    return rc;
}
