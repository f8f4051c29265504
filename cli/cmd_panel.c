/*
 * cmd_panel.c -- `entente panel`: export the dyad-year panel as one wide
 * table, non-directed (ccode1 < ccode2) or directed (both orders, with the
 * directed columns swapped for the reversed row), as peacesciencer users
 * expect.  CSV goes through ent_panel_export_csv (src/panel/export.c); JSON
 * through the report writers.  A file output is replaced atomically.
 */
#include "cli.h"
#include "report/report.h" /* private: until this verb prints an ent_result (cli.h includes only include/) */
#include "core/atomic.h"
#include "panel/panel.h"

#include <getopt.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: entente panel [--from Y --to Y] [--directed] [--indicators LIST]\n"
    "                     [--format csv|json] -o FILE [--db FILE]\n"
    "\n"
    "Export the dyad-year panel as one wide table: ccode1, ccode2, abb1, abb2,\n"
    "year, then one column per indicator (all, or the comma LIST), in the\n"
    "codebook's order (`entente codebook`).  Rows are every pair of COW system\n"
    "members in each year (default 1816-2024), ccode1 < ccode2; empty cells are\n"
    "missing (outside the source's coverage), never 0.  --directed writes both\n"
    "orders of each pair, with the _1to2/_2to1 and _1/_2 columns swapped on the\n"
    "reversed row.  The warehouse view panel_directed holds the same rows.\n"
    "\n"
    "options:\n"
    "  --from Y, --to Y     years (default 1816-2024)\n"
    "  --directed           both orders of every pair\n"
    "  --indicators LIST    comma list of indicator names (default: all)\n"
    "  --format F           csv (default) or json\n"
    "  -o FILE              the output, replaced atomically; - for standard output\n"
    "  --db FILE            the warehouse (default entente.db)\n"
    "\n"
    "examples:\n"
    "  entente panel --from 1946 --to 2019 -o panel.csv\n"
    "  entente panel --from 2014 --to 2014 --directed --indicators trade_1to2,trade_2to1,atop_level -o d.csv\n"
    "  entente panel --from 2000 --to 2000 --indicators alliance_s,un_agree --format json -o s.json\n";

static int export_json(ent_ctx *ctx, sqlite3 *db, const ent_registry *reg,
                       const ent_panel_export_opts *opt, const char *outpath)
{
    static const char *const key[] = {"ccode1", "ccode2", "year"};
    const char *cols[ENT_PANEL_MAXIND + 5];
    int pcol[ENT_PANEL_MAXIND + 3];
    size_t nc = 0;
    sqlite3_stmt *q = NULL;
    ent_out *o = NULL;
    ent_status st;
    int rc = 0;

    cols[nc++] = "ccode1"; cols[nc++] = "ccode2"; cols[nc++] = "abb1"; cols[nc++] = "abb2";
    cols[nc++] = "year";
    for (int s = 0; s < opt->nsel; s++)
        cols[nc++] = ent_panel_indicators[opt->sel[s]].name;
    if (sqlite3_prepare_v2(db,
                           "SELECT * FROM panel WHERE year BETWEEN ?1 AND ?2 "
                           "ORDER BY year, ccode1, ccode2",
                           -1, &q, NULL) != SQLITE_OK)
        return cli_fail("panel", "the warehouse has no panel; run `entente build`");
    /* read by column name: a panel's column order is no contract */
    for (size_t k = 0; k < ent_panel_nindicators + 3 && k < ENT_PANEL_MAXIND + 3; k++) {
        const char *want = k < 3 ? key[k] : ent_panel_indicators[k - 3].name;
        pcol[k] = -1;
        for (int i = 0; i < sqlite3_column_count(q); i++)
            if (!strcmp(sqlite3_column_name(q, i), want))
                pcol[k] = i;
        if (pcol[k] < 0) {
            rc = cli_fail("panel", "the panel has no column %s; rebuild the warehouse with "
                          "`entente build`", want);
            goto out;
        }
    }
    sqlite3_bind_int(q, 1, opt->from);
    sqlite3_bind_int(q, 2, opt->to);
    if ((st = ent_out_open(ctx, outpath, ENT_FMT_JSON, cols, nc, &o)) != ENT_OK) {
        rc = cli_status("panel", ctx, st);
        goto out;
    }
    while (sqlite3_step(q) == SQLITE_ROW) {
        for (int pass = 0; pass < (opt->directed ? 2 : 1); pass++) {
            int c1 = sqlite3_column_int(q, pcol[pass]), c2 = sqlite3_column_int(q, pcol[!pass]);
            ent_out_i64(o, c1);
            ent_out_i64(o, c2);
            ent_out_str(o, ent_state_abb(reg, c1));
            ent_out_str(o, ent_state_abb(reg, c2));
            ent_out_i64(o, sqlite3_column_int(q, pcol[2]));
            for (int s = 0; s < opt->nsel; s++) {
                const ent_indicator *ind = &ent_panel_indicators[opt->sel[s]];
                int col = pcol[3 + (pass && ind->pair ? ent_panel_find(ind->pair) : opt->sel[s])];
                switch (sqlite3_column_type(q, col)) {
                case SQLITE_NULL: ent_out_str(o, NULL); break;
                case SQLITE_TEXT: ent_out_str(o, (const char *)sqlite3_column_text(q, col)); break;
                case SQLITE_INTEGER: ent_out_i64(o, sqlite3_column_int64(q, col)); break;
                default: {
                    double v = sqlite3_column_double(q, col);
                    if (v == floor(v) && fabs(v) < 1e15)
                        ent_out_i64(o, (int64_t)v); /* REAL columns hold whole numbers too */
                    else
                        ent_out_num(o, v);
                    break;
                }
                }
            }
            ent_out_row(o);
        }
    }
    st = ent_out_close(o, 1);
    o = NULL;
    if (st != ENT_OK)
        rc = cli_status("panel", ctx, st);
out:
    ent_out_close(o, 0);
    sqlite3_finalize(q);
    return rc;
}

/* export_csv writes to outpath through the atomic writer. */
static int export_csv(ent_ctx *ctx, sqlite3 *db, const ent_registry *reg,
                      const ent_panel_export_opts *opt, const char *outpath)
{
    ent_afile *f = NULL;
    ent_status st;
    if ((st = ent_afile_open(ctx, outpath, &f)) != ENT_OK)
        return cli_status("panel", ctx, st);
    if ((st = ent_panel_export_csv(ctx, db, reg, opt, ent_afile_fp(f), NULL)) != ENT_OK) {
        ent_afile_close(f, 0);
        if (st == ENT_EIO) /* say which file */
            return cli_fail("panel", "%s: %s", outpath, ent_errmsg(ctx));
        return cli_status("panel", ctx, st);
    }
    if ((st = ent_afile_close(f, 1)) != ENT_OK)
        return cli_status("panel", ctx, st);
    return 0;
}

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"from", required_argument, NULL, 'f'},      {"to", required_argument, NULL, 't'},
        {"directed", no_argument, NULL, 'd'},        {"indicators", required_argument, NULL, 'i'},
        {"format", required_argument, NULL, 'F'},    {"output", required_argument, NULL, 'o'},
        {"db", required_argument, NULL, 'b'},        {NULL, 0, NULL, 0}};
    const char *dbpath = cli_default_db(), *outpath = NULL, *list = NULL;
    int sel[ENT_PANEL_MAXIND], fmt = ENT_FMT_CSV, c, rc = 0;
    ent_panel_export_opts opt = {ENT_PANEL_YEAR_LO, ENT_PANEL_YEAR_HI, 0, sel, 0};
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
    const ent_registry *reg;
    ent_status st;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!cli_parse_int(optarg, &opt.from))
                return cli_bad(&ent_verb_panel, "--from: '%s' is not a year", optarg);
            break;
        case 't':
            if (!cli_parse_int(optarg, &opt.to))
                return cli_bad(&ent_verb_panel, "--to: '%s' is not a year", optarg);
            break;
        case 'd': opt.directed = 1; break;
        case 'i': list = optarg; break;
        case 'F':
            fmt = ent_fmt_parse(optarg);
            if (fmt != ENT_FMT_CSV && fmt != ENT_FMT_JSON)
                return cli_bad(&ent_verb_panel, "--format: '%s' is not csv or json", optarg);
            break;
        case 'o': outpath = optarg; break;
        case 'b': dbpath = optarg; break;
        default: return cli_optbad(&ent_verb_panel, c, argv);
        }
    }
    if (optind != argc)
        return cli_bad(&ent_verb_panel, "unexpected argument '%s'", argv[optind]);
    if (!outpath)
        return cli_bad(&ent_verb_panel, "-o FILE is required (- for standard output): the panel "
                       "is large");
    if (opt.from > opt.to)
        return cli_bad(&ent_verb_panel, "--from %d is after --to %d", opt.from, opt.to);
    if (!(ctx = ent_ctx_new()))
        return cli_fail("panel", "out of memory");
    if (list) {
        if ((st = ent_panel_select(ctx, list, sel, &opt.nsel)) != ENT_OK) {
            rc = cli_status("panel", ctx, st) + 1;
            goto out;
        }
    } else {
        for (size_t k = 0; k < ent_panel_nindicators; k++)
            sel[opt.nsel++] = (int)k;
    }
    if ((rc = cli_open_db("panel", ctx, dbpath, &db)))
        goto out;
    if ((st = ent_db_registry(db, &reg)) != ENT_OK) {
        rc = cli_status("panel", ctx, st);
        goto out;
    }
    rc = fmt == ENT_FMT_JSON ? export_json(ctx, ent_db_sqlite(db), reg, &opt, outpath)
                             : export_csv(ctx, ent_db_sqlite(db), reg, &opt, outpath);
out:
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_panel = {"panel", "export the dyad-year panel as one wide table", usage,
                                 run};
