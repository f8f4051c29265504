/*
 * cmd_build.c -- `entente build`: load the data sets into the warehouse: one
 * call, ent_build (include/entente.h), which returns a status; or, with
 * --list, the sources it knows: ent_known_sources (include/entente/query.h).
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: entente build [--data DIR] [--db FILE] [--only LIST] [--force] [--accept-shrink]\n"
    "                     [--quiet]\n"
    "       entente build --list [--format table|csv|json] [-o FILE]\n"
    "\n"
    "Load every data set entente knows from DIR (default $ENTENTE_DATA or\n"
    "../shared/data) into the SQLite warehouse FILE (default entente.db).\n"
    "\n"
    "  --data DIR    the folder holding one folder per data set\n"
    "  --db FILE     the warehouse to create or update\n"
    "  --only LIST   load only these sources (comma list; see `entente build --list`)\n"
    "  --force       reload even sources whose files are unchanged\n"
    "  --accept-shrink  accept a source that loads no rows, or fewer than half the\n"
    "                rows the warehouse holds for it (otherwise the build fails)\n"
    "  --list        list the sources entente knows (folders, files, stated years,\n"
    "                coverage) and exit; --format and -o as for other verbs\n"
    "  --quiet       no progress lines\n"
    "\n"
    "Each source is reloaded only when the sha256 of one of its files or its\n"
    "loader changed.  The whole build is one transaction: if it fails or is\n"
    "interrupted, the previous warehouse is left as it was.  For each source it\n"
    "prints rows read = loaded + rejected, and the reasons for rejections.\n"
    "\n"
    "examples:\n"
    "  entente build --data ../shared/data --db entente.db\n"
    "  entente build --only states --db states.db\n";

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"data", required_argument, NULL, 'd'}, {"db", required_argument, NULL, 'b'},
        {"only", required_argument, NULL, 'n'}, {"force", no_argument, NULL, 'f'},
        {"quiet", no_argument, NULL, 'q'},      {"list", no_argument, NULL, 'l'},
        {"accept-shrink", no_argument, NULL, 'S'},
        {"format", required_argument, NULL, 'F'}, {"output", required_argument, NULL, 'o'},
        {NULL, 0, NULL, 0}};
    ent_build_opts bo = {.datadir = cli_default_data()};
    const char *dbpath = cli_default_db();
    const char *format = NULL, *outpath = NULL;
    int quiet = 0, list = 0, c, rc = 0;
    ent_ctx *ctx;
    ent_db *db = NULL;
    ent_status st;
    double t0;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
        switch (c) {
        case 'd': bo.datadir = optarg; break;
        case 'b': dbpath = optarg; break;
        case 'n': bo.only = optarg; break;
        case 'f': bo.force = 1; break;
        case 'S': bo.accept_shrink = 1; break;
        case 'q': quiet = 1; break;
        case 'l': list = 1; break;
        case 'F':
            if (!cli_format_ok(optarg))
                return cli_bad(&ent_verb_build, "--format: '%s' is not table, csv or json", optarg);
            format = optarg;
            break;
        case 'o': outpath = optarg; break;
        default: return cli_optbad(&ent_verb_build, c, argv);
        }
    }
    if (optind != argc)
        return cli_bad(&ent_verb_build, "unexpected argument '%s'", argv[optind]);
    if ((format || outpath) && !list)
        return cli_bad(&ent_verb_build, "--format and -o go with --list");
    if (!(ctx = ent_ctx_new()))
        return cli_fail("build", "out of memory");
    if (list) {
        ent_result *r;
        st = ent_known_sources(ctx, &r);
        rc = st != ENT_OK ? cli_status("build", ctx, st) : cli_print("build", ctx, r, format, outpath, NULL);
        ent_ctx_free(ctx);
        return rc;
    }
    if (!quiet)
        ent_ctx_set_log(ctx, stderr);
    t0 = cli_now();
    st = ent_db_open(ctx, dbpath, 1, &db);
    if (st == ENT_OK)
        st = ent_build(db, &bo);
    if (st != ENT_OK)
        rc = cli_status("build", ctx, st);
    else if (!quiet)
        fprintf(stderr, "build: %s ready in %.2f s\n", dbpath, cli_now() - t0);
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_build = {"build", "load the data sets into the SQLite warehouse", usage,
                                 run};
