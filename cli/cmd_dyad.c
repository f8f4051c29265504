/*
 * cmd_dyad.c -- `entente dyad A B`: every panel indicator of one relationship,
 * grouped by dimension, each with its source.
 */
#include "cli.h"
#include "report/report.h" /* private: until this verb prints an ent_result (cli.h includes only include/) */
#include "index/compare.h"
#include "panel/panel.h"

#include <getopt.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: entente dyad A B [--year Y | --from Y --to Y] [--format table|csv|json]\n"
    "                    [-o FILE] [--db FILE]\n"
    "\n"
    "Print every indicator of the dyad-year panel for the pair A-B, grouped by\n"
    "dimension (personal, economic, military, diplomatic, context), with the\n"
    "source of each value (`entente codebook` defines them).  Directed\n"
    "indicators read from A's side: trade_1to2 is A's exports to B and cinc_1\n"
    "is A's CINC, whichever order the panel stores.  An empty value is missing\n"
    "(outside the source's coverage, or a level the source does not report),\n"
    "never 0; inside the coverage a count with no source row is 0.  The CSV form\n"
    "is long, with header a,b,year,dimension,indicator,value,source.  A and B\n"
    "must both be COW system members in --year; in a range, the years where\n"
    "they are.  Default: the latest year in which the dyad has at least half\n"
    "the indicators present of its best year (said on stderr), not the\n"
    "panel's last year; sources that ended before the year asked are named\n"
    "on stderr.\n"
    "\n"
    "options:\n"
    "  --year Y             one year (1816-2022)\n"
    "  --from Y, --to Y     a range of years\n"
    "  --format F           table (default), csv or json;  -o FILE  write atomically\n"
    "  --db FILE            the warehouse (default entente.db)\n"
    "\n"
    "examples:\n"
    "  entente dyad CHN RUS --year 2014\n"
    "  entente dyad USA JPN --from 2010 --to 2012 --format csv\n"
    "  entente dyad \"United Kingdom\" USA --year 1914 --format json\n";

/* fmt_value writes the table form of v: integers bare, large values with no
 * decimals, others with four decimals (CSV and JSON carry full precision). */
static void fmt_value(double v, char *b, size_t n)
{
    if (v == floor(v) && fabs(v) < 1e15)
        snprintf(b, n, "%.0f", v);
    else if (fabs(v) >= 1000)
        snprintf(b, n, "%.0f", v);
    else if (fabs(v) >= 0.001)
        snprintf(b, n, "%.4f", v);
    else
        snprintf(b, n, "%.4g", v);
}

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"year", required_argument, NULL, 'y'}, {"from", required_argument, NULL, 'f'},
        {"to", required_argument, NULL, 't'},   {"format", required_argument, NULL, 'F'},
        {"output", required_argument, NULL, 'o'}, {"db", required_argument, NULL, 'b'},
        {NULL, 0, NULL, 0}};
    static const char *const cols[] = {"a", "b", "year", "dimension", "indicator", "value",
                                       "source"};
    static const char *const dims[] = {"personal", "economic", "military", "diplomatic",
                                       "context"};
    const char *dbpath = cli_default_db(), *outpath = NULL;
    int from = 0, to = 0, fmt = ENT_FMT_TABLE, c, rc = 0, a = 0, b = 0, swapped, found = 0;
    int one_year = 0, range = 0;
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
    const ent_registry *reg;
    ent_out *o = NULL;
    sqlite3_stmt *q = NULL;
    int pcol[ENT_PANEL_MAXIND], ycol = -1;
    ent_status st;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'y':
            if (!cli_int("dyad", "--year", optarg, &from))
                return 2;
            to = from;
            one_year = 1;
            break;
        case 'f': if (!cli_int("dyad", "--from", optarg, &from)) return 2; range = 1; break;
        case 't': if (!cli_int("dyad", "--to", optarg, &to)) return 2; range = 1; break;
        case 'F':
            if ((fmt = ent_fmt_parse(optarg)) < 0)
                return cli_fail("dyad", "--format: '%s' is not table, csv or json", optarg) + 1;
            break;
        case 'o': outpath = optarg; break;
        case 'b': dbpath = optarg; break;
        default: return cli_usage(&ent_verb_dyad);
        }
    }
    if (argc - optind != 2)
        return cli_usage(&ent_verb_dyad);
    if (one_year && range)
        return cli_bad(&ent_verb_dyad, "--year and --from/--to: give one year or a range");
    if (from && !to)
        to = ENT_PANEL_YEAR_HI;
    if (to && !from)
        from = ENT_PANEL_YEAR_LO;
    if (from > to)
        return cli_fail("dyad", "--from %d is after --to %d", from, to) + 1;
    if (from && (to < ENT_PANEL_YEAR_LO || from > ENT_PANEL_YEAR_HI))
        return cli_fail("dyad", "the panel covers %d-%d", ENT_PANEL_YEAR_LO, ENT_PANEL_YEAR_HI) + 1;
    if (!(ctx = ent_ctx_new()))
        return cli_fail("dyad", "out of memory");
    if ((rc = cli_open_db("dyad", ctx, dbpath, &db)))
        goto out;
    if ((st = ent_db_registry(db, &reg)) != ENT_OK ||
        (st = ent_state_resolve(ctx, reg, argv[optind], to, &a)) != ENT_OK ||
        (st = ent_state_resolve(ctx, reg, argv[optind + 1], to, &b)) != ENT_OK) {
        rc = cli_status("dyad", ctx, st);
        goto out;
    }
    if (a == b) {
        rc = cli_fail("dyad", "%s and %s are the same state", argv[optind], argv[optind + 1]);
        goto out;
    }
    if (!from) { /* the latest year with most of the dyad's data (coverage.c) */
        int y = 0, present = 0, best = 0;
        if (ent_ix_dyad_latest(ctx, ent_db_sqlite(db), a, b, &y, &present, &best) == ENT_OK && y) {
            from = to = y;
            fprintf(stderr, "entente: dyad: %d, the latest year in which %s-%s has at least half "
                            "the indicators of its best year (%d present, %d at best); give "
                            "--year for another\n", y, ent_state_abb(reg, a),
                    ent_state_abb(reg, b), present, best);
        }
        for (y = ENT_PANEL_YEAR_HI; y >= ENT_PANEL_YEAR_LO && !from; y--)
            if (ent_state_member(reg, a, y) && ent_state_member(reg, b, y))
                from = to = y;
        if (!from) {
            rc = cli_fail("dyad", "%s and %s were never both system members", ent_state_abb(reg, a),
                          ent_state_abb(reg, b));
            goto out;
        }
    }
    {
        char ended[2048];
        if (ent_ix_ended_text(to, ended, sizeof ended))
            fprintf(stderr, "entente: dyad: coverage: by %d these sources have ended (last "
                            "year): %s; their indicators are empty after that\n", to, ended);
    }
    for (int y = from; y <= to; y++) {
        if (!ent_state_member(reg, a, y) || !ent_state_member(reg, b, y)) {
            int who = ent_state_member(reg, a, y) ? b : a;
            if (from == to) {
                rc = cli_fail("dyad", "%s-%s is not a dyad in %d: %s was not a COW system member",
                              ent_state_abb(reg, a), ent_state_abb(reg, b), y,
                              ent_state_abb(reg, who));
                goto out;
            }
        }
    }
    swapped = a > b;
    if (sqlite3_prepare_v2(ent_db_sqlite(db),
                           "SELECT * FROM panel WHERE ccode1 = ?1 AND ccode2 = ?2 AND year BETWEEN "
                           "?3 AND ?4 ORDER BY year",
                           -1, &q, NULL) != SQLITE_OK) {
        rc = cli_fail("dyad", "%s: the warehouse has no panel; run `entente build`", dbpath);
        goto out;
    }
    /* read by column name: a panel's column order is no contract */
    for (int i = 0; i < sqlite3_column_count(q); i++)
        if (!strcmp(sqlite3_column_name(q, i), "year"))
            ycol = i;
    for (size_t k = 0; k < ent_panel_nindicators && k < ENT_PANEL_MAXIND; k++) {
        pcol[k] = -1;
        for (int i = 0; i < sqlite3_column_count(q); i++)
            if (!strcmp(sqlite3_column_name(q, i), ent_panel_indicators[k].name))
                pcol[k] = i;
        if (pcol[k] < 0 || ycol < 0) {
            rc = cli_fail("dyad", "%s: the panel has no column %s; rebuild the warehouse with "
                          "`entente build`", dbpath, ycol < 0 ? "year" : ent_panel_indicators[k].name);
            goto out;
        }
    }
    sqlite3_bind_int(q, 1, swapped ? b : a);
    sqlite3_bind_int(q, 2, swapped ? a : b);
    sqlite3_bind_int(q, 3, from);
    sqlite3_bind_int(q, 4, to);
    if ((st = ent_out_open(ctx, outpath, (ent_fmt)fmt, cols, 7, &o)) != ENT_OK) {
        rc = cli_status("dyad", ctx, st);
        goto out;
    }
    while (sqlite3_step(q) == SQLITE_ROW) {
        int year = sqlite3_column_int(q, ycol);
        found++;
        for (size_t d = 0; d < sizeof dims / sizeof dims[0]; d++) {
            for (size_t k = 0; k < ent_panel_nindicators; k++) {
                const ent_indicator *ind = &ent_panel_indicators[k];
                int col = pcol[k];
                char val[64];
                if (strcmp(ind->dimension, dims[d]))
                    continue;
                if (swapped && ind->pair)
                    col = pcol[ent_panel_find(ind->pair)];
                ent_out_str(o, ent_state_abb(reg, a));
                ent_out_str(o, ent_state_abb(reg, b));
                ent_out_i64(o, year);
                ent_out_str(o, ind->dimension);
                ent_out_str(o, ind->name);
                if (sqlite3_column_type(q, col) == SQLITE_NULL) {
                    ent_out_str(o, NULL);
                } else if (ind->is_text) {
                    ent_out_str(o, (const char *)sqlite3_column_text(q, col));
                } else if (fmt == ENT_FMT_TABLE) {
                    fmt_value(sqlite3_column_double(q, col), val, sizeof val);
                    ent_out_str(o, val);
                } else if (sqlite3_column_type(q, col) == SQLITE_INTEGER ||
                           (sqlite3_column_double(q, col) == floor(sqlite3_column_double(q, col)) &&
                            fabs(sqlite3_column_double(q, col)) < 1e15)) {
                    ent_out_i64(o, (int64_t)sqlite3_column_double(q, col));
                } else if (fmt == ENT_FMT_JSON) {
                    ent_out_f64(o, sqlite3_column_double(q, col), 9);
                } else { /* CSV: every significant digit the warehouse holds */
                    snprintf(val, sizeof val, "%.15g", sqlite3_column_double(q, col));
                    ent_out_str(o, val);
                }
                ent_out_str(o, ind->source);
                ent_out_row(o);
            }
        }
    }
    if (!found) {
        ent_out_close(o, 0);
        o = NULL;
        rc = cli_fail("dyad", "no panel rows for %s-%s in %d-%d (not both system members)",
                      ent_state_abb(reg, a), ent_state_abb(reg, b), from, to);
        goto out;
    }
    ent_out_note(o, "empty = missing (outside the source's coverage or not reported), never 0; "
                    "directed indicators read from %s's side",
                 ent_state_abb(reg, a));
    st = ent_out_close(o, 1);
    o = NULL;
    if (st != ENT_OK)
        rc = cli_status("dyad", ctx, st);
out:
    ent_out_close(o, 0);
    sqlite3_finalize(q);
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_dyad = {"dyad", "every panel indicator of one relationship, by dimension",
                                usage, run};
