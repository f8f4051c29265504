/*
 * cmd_sources.c -- `entente sources`: what the warehouse holds, per source:
 * files, digests, row accounting with rejection reasons, and coverage.
 */
#include "cli.h"
#include "fetch/fetch.h"
#include "sources/citations.h"

#include <getopt.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: entente sources [--db FILE] [--format table|csv|json] [-o FILE] [--rejects | --cite]\n"
    "\n"
    "List the sources loaded into the warehouse with their row accounting\n"
    "(rows read = loaded + rejected), the years found in the data, the coverage\n"
    "stated by each codebook, and load times.  --rejects adds the reasons for\n"
    "rejected rows, with the first example of each as file:line.  --cite lists\n"
    "instead what to cite for each data folder the warehouse was built from:\n"
    "source, folder, release, licence and citation (docs/data.md has them too,\n"
    "with where each folder came from).\n"
    "\n"
    "examples:\n"
    "  entente sources --db entente.db\n"
    "  entente sources --rejects --format csv\n"
    "  entente sources --cite\n";

static int run(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, NULL, 'b'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"rejects", no_argument, NULL, 'r'},
                                         {"cite", no_argument, NULL, 'C'},
                                         {NULL, 0, NULL, 0}};
    static const char *const cols[] = {"source", "read", "loaded", "rejected", "years",
                                       "stated", "coverage", "seconds", "upstream", "rejects"};
    const char *dbpath = cli_default_db(), *outpath = NULL;
    static const char *const ccols[] = {"source", "folder", "release", "licence", "citation"};
    int fmt = ENT_FMT_TABLE, rejects = 0, cite = 0, c, rc = 0;
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
    ent_out *o = NULL;
    sqlite3_stmt *q = NULL;
    ent_status st;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
        switch (c) {
        case 'b': dbpath = optarg; break;
        case 'f':
            if ((fmt = ent_fmt_parse(optarg)) < 0)
                return cli_bad(&ent_verb_sources, "--format: '%s' is not table, csv or json", optarg);
            break;
        case 'o': outpath = optarg; break;
        case 'r': rejects = 1; break;
        case 'C': cite = 1; break;
        default: return cli_optbad(&ent_verb_sources, c, argv);
        }
    }
    if (optind != argc)
        return cli_bad(&ent_verb_sources, "unexpected argument '%s'", argv[optind]);
    if (cite && rejects)
        return cli_bad(&ent_verb_sources, "--cite and --rejects: give one");
    if (!(ctx = ent_ctx_new()))
        return cli_fail("sources", "out of memory");
    if ((rc = cli_open_db("sources", ctx, dbpath, &db)))
        goto out;
    if (sqlite3_prepare_v2(ent_db_sqlite(db),
                           "SELECT name, rows_read, rows_loaded, rows_rejected, year_lo, year_hi,"
                           " stated_lo, stated_hi, coverage, load_seconds, rejects, sha256 FROM sources"
                           " ORDER BY rowid",
                           -1, &q, NULL) != SQLITE_OK) {
        rc = cli_fail("sources", "%s: not a warehouse (no sources table); run `entente build`",
                      dbpath);
        goto out;
    }
    if ((st = ent_out_open(ctx, outpath, (ent_fmt)fmt, cite ? ccols : cols,
                           cite ? 5 : rejects ? 10 : 9, &o)) != ENT_OK) {
        rc = cli_status("sources", ctx, st);
        goto out;
    }
    while (cite && sqlite3_step(q) == SQLITE_ROW) { /* derived sources cite nothing */
        const char *name = (const char *)sqlite3_column_text(q, 0);
        const ent_citation *ct[8];
        size_t nc = ent_citation_source(name, ct, 8);
        for (size_t i = 0; i < nc; i++) {
            ent_out_str(o, name);
            ent_out_str(o, ct[i]->folder);
            ent_out_str(o, ct[i]->release);
            ent_out_str(o, ct[i]->licence);
            ent_out_str(o, ct[i]->citation);
            ent_out_row(o);
        }
    }
    if (cite)
        ent_out_note(o, "where each folder came from (repository and commit): docs/data.md");
    while (!cite && sqlite3_step(q) == SQLITE_ROW) {
        char y[32] = "", s[32] = "";
        if (sqlite3_column_type(q, 4) != SQLITE_NULL)
            snprintf(y, sizeof y, "%d-%d", sqlite3_column_int(q, 4), sqlite3_column_int(q, 5));
        if (sqlite3_column_type(q, 6) != SQLITE_NULL)
            snprintf(s, sizeof s, "%d-%d", sqlite3_column_int(q, 6), sqlite3_column_int(q, 7));
        ent_out_str(o, (const char *)sqlite3_column_text(q, 0));
        ent_out_i64(o, sqlite3_column_int64(q, 1));
        ent_out_i64(o, sqlite3_column_int64(q, 2));
        ent_out_i64(o, sqlite3_column_int64(q, 3));
        ent_out_str(o, *y ? y : NULL);
        ent_out_str(o, *s ? s : NULL);
        ent_out_str(o, (const char *)sqlite3_column_text(q, 8));
        ent_out_f64(o, sqlite3_column_double(q, 9), 2);
        char up[512]; /* the upstream versions of the files read (data/manifest.tsv) */
        if (ent_fetch_upstream(ctx, (const char *)sqlite3_column_text(q, 11), up, sizeof up))
            snprintf(up, sizeof up, "?");
        ent_out_str(o, *up ? up : NULL);
        if (rejects)
            ent_out_str(o, (const char *)sqlite3_column_text(q, 10));
        ent_out_row(o);
    }
    st = ent_out_close(o, 1);
    o = NULL;
    if (st != ENT_OK)
        rc = cli_status("sources", ctx, st);
out:
    sqlite3_finalize(q);
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_sources = {"sources", "list loaded sources with row accounting and coverage",
                                   usage, run};
