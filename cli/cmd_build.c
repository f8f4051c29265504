/*
 * cmd_build.c -- `entente build`: load the data sets into the warehouse: one
 * call, ent_build (include/entente.h), which returns a status.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: entente build [--data DIR] [--db FILE] [--only LIST] [--force] [--accept-shrink]\n"
    "                     [--quiet]\n"
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
    "  --list        list the known sources and exit\n"
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
        {"only", required_argument, NULL, 'o'}, {"force", no_argument, NULL, 'f'},
        {"quiet", no_argument, NULL, 'q'},      {"list", no_argument, NULL, 'l'},
        {"accept-shrink", no_argument, NULL, 'S'},
        {NULL, 0, NULL, 0}};
    ent_build_opts bo = {.datadir = cli_default_data()};
    const char *dbpath = cli_default_db();
    int quiet = 0, c, rc = 0;
    ent_ctx *ctx;
    ent_db *db = NULL;
    ent_status st;
    double t0;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        switch (c) {
        case 'd': bo.datadir = optarg; break;
        case 'b': dbpath = optarg; break;
        case 'o': bo.only = optarg; break;
        case 'f': bo.force = 1; break;
        case 'S': bo.accept_shrink = 1; break;
        case 'q': quiet = 1; break;
        case 'l': return ent_build_list(stdout) == ENT_OK ? 0 : 1;
        default: return cli_optbad(&ent_verb_build, c, argv);
        }
    }
    if (optind != argc)
        return cli_bad(&ent_verb_build, "unexpected argument '%s'", argv[optind]);
    if (!(ctx = ent_ctx_new()))
        return cli_fail("build", "out of memory");
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
