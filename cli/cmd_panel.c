/*
 * cmd_panel.c -- `entente panel`: export the dyad-year panel as one wide
 * table, non-directed (ccode1 < ccode2) or directed (both orders, with the
 * directed columns swapped for the reversed row), as peacesciencer users
 * expect.  CSV is written with a buffered writer and a fast number formatter
 * (the non-directed panel 1946-2019 is about a million rows); JSON goes
 * through the report writers.  A file output is replaced atomically.
 */
#include "cli.h"
#include "panel/panel.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: entente panel [--from Y --to Y] [--directed] [--indicators LIST]\n"
    "                     [--format csv|json] -o FILE [--db FILE]\n"
    "\n"
    "Export the dyad-year panel as one wide table: ccode1, ccode2, abb1, abb2,\n"
    "year, then one column per indicator (all, or the comma LIST), in the\n"
    "codebook's order (`entente codebook`).  Rows are every pair of COW system\n"
    "members in each year; empty cells are missing, never 0.  --directed writes\n"
    "both orders of each pair, with _1to2/_2to1 and _1/_2 columns swapped on the\n"
    "reversed row.  -o - writes to standard output.\n"
    "\n"
    "examples:\n"
    "  entente panel --from 2010 --to 2014 -o panel.csv\n"
    "  entente panel --from 2014 --to 2014 --directed --indicators trade_1to2,trade_2to1,atop_defense -o d.csv\n";

typedef struct wbuf {
    FILE *fp;
    char *b;
    size_t n, cap;
} wbuf;

static void wflush(wbuf *w)
{
    if (w->n)
        fwrite(w->b, 1, w->n, w->fp);
    w->n = 0;
}

static inline void wput(wbuf *w, const char *s, size_t k)
{
    if (w->n + k > w->cap)
        wflush(w);
    memcpy(w->b + w->n, s, k);
    w->n += k;
}

/* put_num formats v like %.9g would for the values in the panel, without
 * printf: integers bare, others with up to nine decimals, trailing zeros cut. */
static void put_num(wbuf *w, double v)
{
    char t[48];
    int k = 0;
    if (v == floor(v) && fabs(v) < 9e15) {
        long long x = (long long)v;
        unsigned long long u = x < 0 ? (unsigned long long)(-x) : (unsigned long long)x;
        char r[24];
        int m = 0;
        do {
            r[m++] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (x < 0)
            t[k++] = '-';
        while (m)
            t[k++] = r[--m];
    } else if (fabs(v) < 1e9 && fabs(v) >= 1e-6) {
        double a = fabs(v);
        unsigned long long ip = (unsigned long long)a;
        unsigned long long fp = (unsigned long long)llround((a - (double)ip) * 1e9);
        char r[24];
        int m = 0;
        if (fp >= 1000000000ULL) {
            ip++;
            fp -= 1000000000ULL;
        }
        if (v < 0)
            t[k++] = '-';
        do {
            r[m++] = (char)('0' + ip % 10);
            ip /= 10;
        } while (ip);
        while (m)
            t[k++] = r[--m];
        if (fp) {
            char d[9];
            int last = 0;
            for (int i = 8; i >= 0; i--) {
                d[i] = (char)('0' + fp % 10);
                fp /= 10;
            }
            for (int i = 0; i < 9; i++)
                if (d[i] != '0')
                    last = i + 1;
            t[k++] = '.';
            memcpy(t + k, d, (size_t)last);
            k += last;
        }
    } else {
        k = snprintf(t, sizeof t, "%.9g", v);
    }
    wput(w, t, (size_t)k);
}

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"from", required_argument, NULL, 'f'},      {"to", required_argument, NULL, 't'},
        {"directed", no_argument, NULL, 'd'},        {"indicators", required_argument, NULL, 'i'},
        {"format", required_argument, NULL, 'F'},    {"output", required_argument, NULL, 'o'},
        {"db", required_argument, NULL, 'b'},        {NULL, 0, NULL, 0}};
    const char *dbpath = cli_default_db(), *outpath = NULL, *list = NULL;
    int from = ENT_PANEL_YEAR_LO, to = ENT_PANEL_YEAR_HI, directed = 0, fmt = ENT_FMT_CSV, c;
    int rc = 0, sel[128], nsel = 0;
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
    const ent_registry *reg;
    sqlite3_stmt *q = NULL;
    ent_out *o = NULL;
    wbuf w = {0};
    char *tmp = NULL;
    ent_status st;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'f': if (!cli_int("panel", "--from", optarg, &from)) return 2; break;
        case 't': if (!cli_int("panel", "--to", optarg, &to)) return 2; break;
        case 'd': directed = 1; break;
        case 'i': list = optarg; break;
        case 'F':
            fmt = ent_fmt_parse(optarg);
            if (fmt != ENT_FMT_CSV && fmt != ENT_FMT_JSON)
                return cli_fail("panel", "--format: '%s' is not csv or json", optarg) + 1;
            break;
        case 'o': outpath = optarg; break;
        case 'b': dbpath = optarg; break;
        default: return cli_usage(&ent_verb_panel);
        }
    }
    if (optind != argc || !outpath)
        return cli_usage(&ent_verb_panel);
    if (from > to)
        return cli_fail("panel", "--from %d is after --to %d", from, to) + 1;
    if (list) {
        const char *p = list;
        while (*p) {
            const char *e = strchr(p, ',');
            size_t k = e ? (size_t)(e - p) : strlen(p);
            char name[64];
            int ix;
            snprintf(name, sizeof name, "%.*s", (int)k, p);
            if ((ix = ent_panel_find(name)) < 0)
                return cli_fail("panel", "--indicators: unknown indicator '%s' (see `entente "
                                         "codebook`)", name);
            if (nsel < 128)
                sel[nsel++] = ix;
            p = e ? e + 1 : p + k;
        }
    } else {
        for (size_t k = 0; k < ent_panel_nindicators; k++)
            sel[nsel++] = (int)k;
    }
    if (!(ctx = ent_ctx_new()))
        return cli_fail("panel", "out of memory");
    if ((rc = cli_open_db("panel", ctx, dbpath, &db)))
        goto out;
    if ((st = ent_db_registry(db, &reg)) != ENT_OK) {
        rc = cli_status("panel", ctx, st);
        goto out;
    }
    if (sqlite3_prepare_v2(ent_db_sqlite(db),
                           "SELECT * FROM panel WHERE year BETWEEN ?1 AND ?2 "
                           "ORDER BY year, ccode1, ccode2",
                           -1, &q, NULL) != SQLITE_OK) {
        rc = cli_fail("panel", "%s: the warehouse has no panel; run `entente build`", dbpath);
        goto out;
    }
    sqlite3_bind_int(q, 1, from);
    sqlite3_bind_int(q, 2, to);

    if (fmt == ENT_FMT_JSON) {
        const char *cols[133];
        size_t nc = 0;
        cols[nc++] = "ccode1"; cols[nc++] = "ccode2"; cols[nc++] = "abb1"; cols[nc++] = "abb2";
        cols[nc++] = "year";
        for (int s = 0; s < nsel; s++)
            cols[nc++] = ent_panel_indicators[sel[s]].name;
        if ((st = ent_out_open(ctx, outpath, ENT_FMT_JSON, cols, nc, &o)) != ENT_OK) {
            rc = cli_status("panel", ctx, st);
            goto out;
        }
    } else if (!strcmp(outpath, "-")) {
        w.fp = stdout;
    } else {
        size_t n = strlen(outpath) + 16;
        int fd;
        tmp = malloc(n);
        snprintf(tmp, n, "%s.tmp.XXXXXX", outpath);
        if ((fd = mkstemp(tmp)) < 0 || !(w.fp = fdopen(fd, "w"))) {
            rc = cli_fail("panel", "%s: cannot write: %s", outpath, strerror(errno));
            goto out;
        }
    }
    if (!o) {
        w.cap = 1 << 20;
        w.b = malloc(w.cap);
        wput(&w, "ccode1,ccode2,abb1,abb2,year", 28);
        for (int s = 0; s < nsel; s++) {
            wput(&w, ",", 1);
            wput(&w, ent_panel_indicators[sel[s]].name, strlen(ent_panel_indicators[sel[s]].name));
        }
        wput(&w, "\n", 1);
    }
    while (sqlite3_step(q) == SQLITE_ROW) {
        for (int pass = 0; pass < (directed ? 2 : 1); pass++) {
            int c1 = sqlite3_column_int(q, pass ? 1 : 0), c2 = sqlite3_column_int(q, pass ? 0 : 1);
            const char *a1 = ent_state_abb(reg, c1), *a2 = ent_state_abb(reg, c2);
            int year = sqlite3_column_int(q, 2);
            if (o) {
                ent_out_i64(o, c1);
                ent_out_i64(o, c2);
                ent_out_str(o, a1);
                ent_out_str(o, a2);
                ent_out_i64(o, year);
            } else {
                put_num(&w, c1);
                wput(&w, ",", 1);
                put_num(&w, c2);
                wput(&w, ",", 1);
                wput(&w, a1, strlen(a1));
                wput(&w, ",", 1);
                wput(&w, a2, strlen(a2));
                wput(&w, ",", 1);
                put_num(&w, year);
            }
            for (int s = 0; s < nsel; s++) {
                const ent_indicator *ind = &ent_panel_indicators[sel[s]];
                int col = 3 + sel[s];
                int type;
                if (pass && ind->pair)
                    col = 3 + ent_panel_find(ind->pair);
                type = sqlite3_column_type(q, col);
                if (o) {
                    if (type == SQLITE_NULL)
                        ent_out_str(o, NULL);
                    else if (ind->is_text)
                        ent_out_str(o, (const char *)sqlite3_column_text(q, col));
                    else
                        ent_out_f64(o, sqlite3_column_double(q, col), 6);
                    continue;
                }
                wput(&w, ",", 1);
                if (type == SQLITE_INTEGER) {
                    put_num(&w, (double)sqlite3_column_int64(q, col));
                } else if (type == SQLITE_FLOAT) {
                    put_num(&w, sqlite3_column_double(q, col));
                } else if (type == SQLITE_TEXT) {
                    const char *t = (const char *)sqlite3_column_text(q, col);
                    wput(&w, t, strlen(t));
                }
            }
            if (o)
                ent_out_row(o);
            else
                wput(&w, "\n", 1);
        }
    }
    if (o) {
        st = ent_out_close(o, 1);
        o = NULL;
        if (st != ENT_OK)
            rc = cli_status("panel", ctx, st);
    } else {
        wflush(&w);
        if (w.fp != stdout) {
            int bad = fflush(w.fp) != 0 || fsync(fileno(w.fp)) != 0;
            fclose(w.fp);
            w.fp = NULL;
            if (bad || rename(tmp, outpath) != 0) {
                rc = cli_fail("panel", "%s: cannot write: %s", outpath, strerror(errno));
                unlink(tmp);
            }
        } else {
            fflush(stdout);
        }
    }
out:
    if (w.fp && w.fp != stdout) {
        fclose(w.fp);
        unlink(tmp);
    }
    ent_out_close(o, 0);
    free(w.b);
    free(tmp);
    sqlite3_finalize(q);
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_panel = {"panel", "export the dyad-year panel as one wide table", usage,
                                 run};
