/*
 * cmd_events.c -- `entente events`: aggregate GDELT 1.0/2.0 and ICEWS event
 * files per (actor 1, actor 2, period, key); merge partial aggregates; run
 * under mpirun across ranks.  Options go to the library by name
 * (entente/events.h), which runs, merges and writes; the MPI transport is
 * events_mpi.c's.
 */
#include "cli.h"
#include "entente/events.h"
#include "events_mpi.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: entente events FILE... [--input-format gdelt1|gdelt2|gdelt1-csv|icews|auto]\n"
    "           [--by day|month|year] [--key quad|root|code] [--from DATE] [--to DATE]\n"
    "           [--countries LIST] [--threads N] [--dedupe] [--lenient] [-o FILE]\n"
    "           [--partial] [--store] [--db FILE] [--data DIR] [--format csv|json|table]\n"
    "       entente events --merge PART... [-o FILE] [--partial]\n"
    "       mpirun -np N entente events FILE... [options]\n"
    "\n"
    "Aggregate event data (GDELT 1.0 daily exports with 57/58 fields, GDELT 2.0\n"
    "exports with 61, the GDELT CSV extracts with a header, ICEWS .tab files;\n"
    "plain, .gz or .zip) per actor 1 state, actor 2 state, period and key: the\n"
    "number of events, the sum and mean of the Goldstein scale, and the sums of\n"
    "mentions, sources and articles.  Output is CSV with the header\n"
    "  actor1,actor2,period,key,events,goldstein_sum,goldstein_mean,mentions,sources,articles\n"
    "Actors are COW abbreviations (country codes and ICEWS country names are\n"
    "mapped through the state registry on the event date).  The key is the quad\n"
    "class 1-4 (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,\n"
    "4 material conflict), the CAMEO root code, or the full CAMEO code.\n"
    "\n"
    "Row accounting is printed on stderr: rows read = aggregated + filtered +\n"
    "rejected, each reason with its first rows as file:line.  Unmappable\n"
    "country codes are rejected and listed, never dropped silently.  A malformed\n"
    "row (short row, extra field, bad date, non-numeric Goldstein value, unknown\n"
    "CAMEO code) is an error unless --lenient, which counts it and goes on.\n"
    "\n"
    "options:\n"
    "  --input-format F  input format; auto (default) detects it per file (a\n"
    "                    format name given to --format is taken as this, too)\n"
    "  --by P            period: day, month or year (default year)\n"
    "  --key K           quad (default), root or code\n"
    "  --from/--to DATE  keep events on or after / on or before YYYY[-MM[-DD]]\n"
    "  --countries LIST  keep dyads whose two states are both in LIST (comma list\n"
    "                    of COW abbreviations, ISO3 codes, numbers or names)\n"
    "  --threads N       worker threads (default: online CPUs)\n"
    "  --dedupe          drop repeated event ids across files (one scan, in order)\n"
    "  --lenient         count malformed rows and go on\n"
    "  --partial         write a partial aggregate for a later --merge\n"
    "  --merge           the FILEs are partial aggregates to add up\n"
    "  --store           write the result (--by year --key quad) into the warehouse\n"
    "                    --db as table events_dyad_year, which the panel reads\n"
    "  --db FILE         warehouse (registry source and --store target)\n"
    "  --data DIR        data folder with cameo_codebook/ (default $ENTENTE_DATA or\n"
    "                    ../shared/data); the registry comes from it unless --db\n"
    "  --format F        output: csv (default), json or table (--out-format F is\n"
    "                    the deprecated spelling)\n"
    "  --quiet           do not print the row accounting\n"
    "\n"
    "Under mpirun each rank takes a share of the files and of byte ranges within\n"
    "large plain files; rank 0 reduces and writes one result, identical to a\n"
    "single-process run.\n"
    "\n"
    "examples:\n"
    "  entente events ../shared/data/gdelt_sample/GDELT1_Georgia_apr2012.csv --countries RUS,GRG,USA\n"
    "  entente events ../shared/data/gdelt_sample/GDELT1_raw_daily_export_sample_710rows.tsv --by day --key root\n"
    "  entente events ../shared/data/icews_sample/events.2018.sample.tab --by month -o icews.csv\n"
    "  entente events ../shared/data/gdelt_sample/GDELT1_Georgia_may2012.csv --partial -o may.part\n"
    "  entente events --merge may.part -o may.csv\n";

/* is_outfmt: the output formats --format takes (the library checks again) */
static int is_outfmt(const char *s)
{
    return !strcmp(s, "csv") || !strcmp(s, "json") || !strcmp(s, "table");
}

static int run(int argc, char **argv)
{
    enum { O_FORMAT = 256, O_BY, O_KEY, O_FROM, O_TO, O_COUNTRIES, O_THREADS, O_DEDUPE,
           O_LENIENT, O_PARTIAL, O_MERGE, O_STORE, O_DB, O_DATA, O_OUTFMT, O_QUIET, O_SPLIT,
           O_INFMT };
    static const struct option lopts[] = {
        {"format", required_argument, NULL, O_FORMAT}, {"by", required_argument, NULL, O_BY},
        {"key", required_argument, NULL, O_KEY},       {"from", required_argument, NULL, O_FROM},
        {"to", required_argument, NULL, O_TO},
        {"countries", required_argument, NULL, O_COUNTRIES},
        {"threads", required_argument, NULL, O_THREADS},
        {"dedupe", no_argument, NULL, O_DEDUPE},       {"lenient", no_argument, NULL, O_LENIENT},
        {"partial", no_argument, NULL, O_PARTIAL},     {"merge", no_argument, NULL, O_MERGE},
        {"store", no_argument, NULL, O_STORE},         {"db", required_argument, NULL, O_DB},
        {"data", required_argument, NULL, O_DATA},
        {"out-format", required_argument, NULL, O_OUTFMT},
        {"input-format", required_argument, NULL, O_INFMT},
        {"quiet", no_argument, NULL, O_QUIET},
        {"split-bytes", required_argument, NULL, O_SPLIT},
        {"output", required_argument, NULL, 'o'},      {NULL, 0, NULL, 0}};
    const char *outpath = NULL, *dbpath = NULL, *datadir = cli_default_data();
    const char *outfmt = "csv", *by = "year", *key = "quad";
    int partial = 0, merge = 0, store = 0, quiet = 0, c, rc = 0;
    int mpi = 0, rank = 0, nranks = 1;
    ent_ctx *ctx = ent_ctx_new();
    ent_events_opts *eo = ent_events_opts_new();
    ent_registry *ownreg = NULL;
    const ent_registry *reg = NULL;
    ent_db *db = NULL;
    ent_events *res = NULL;
    ent_status st;

    if (!ctx || !eo) {
        ent_ctx_free(ctx);
        ent_events_opts_free(eo);
        return cli_fail("events", "out of memory");
    }
/* an option's value the library refused: "--NAME: its reason" */
#define OPTSET(name, value)                                                                  \
    do {                                                                                     \
        if (ent_events_opts_set(ctx, eo, (name), (value)) != ENT_OK) {                       \
            rc = cli_bad(&ent_verb_events, "--%s: %s", (name), ent_errmsg(ctx));             \
            goto out;                                                                        \
        }                                                                                    \
    } while (0)
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:", lopts, NULL)) != -1) {
        switch (c) {
        case O_FORMAT: /* output format; an input format's name still sets the input */
            if (is_outfmt(optarg)) {
                outfmt = optarg;
            } else if (ent_events_opts_set(ctx, eo, "input-format", optarg) != ENT_OK) {
                rc = cli_bad(&ent_verb_events, "--format: '%s' is neither table, csv or json "
                             "(output) nor gdelt1, gdelt2, gdelt1-csv, icews or auto (input)",
                             optarg);
                goto out;
            }
            break;
        case O_INFMT: OPTSET("input-format", optarg); break;
        case O_BY: OPTSET("by", optarg); by = optarg; break;
        case O_KEY: OPTSET("key", optarg); key = optarg; break;
        case O_FROM: OPTSET("from", optarg); break;
        case O_TO: OPTSET("to", optarg); break;
        case O_COUNTRIES: OPTSET("countries", optarg); break;
        case O_THREADS: OPTSET("threads", optarg); break;
        case O_SPLIT: OPTSET("split-bytes", optarg); break;
        case O_DEDUPE: OPTSET("dedupe", "1"); break;
        case O_LENIENT: OPTSET("lenient", "1"); break;
        case O_PARTIAL: partial = 1; break;
        case O_MERGE: merge = 1; break;
        case O_STORE: store = 1; break;
        case O_DB: dbpath = optarg; break;
        case O_DATA: datadir = optarg; break;
        case O_QUIET: quiet = 1; break;
        case O_OUTFMT:
            if (!is_outfmt(optarg)) {
                rc = cli_bad(&ent_verb_events, "--out-format: '%s' is not csv, json or table",
                             optarg);
                goto out;
            }
            outfmt = optarg;
            break;
        case 'o': outpath = optarg; break;
        default: rc = cli_optbad(&ent_verb_events, c, argv); goto out;
        }
    }
#undef OPTSET
    if (optind >= argc) {
        rc = cli_bad(&ent_verb_events, "no input files");
        goto out;
    }
    if (ent_events_opts_check(ctx, eo) != ENT_OK) {
        rc = cli_bad(&ent_verb_events, "%s", ent_errmsg(ctx));
        goto out;
    }
    if (store && (strcmp(by, "year") || strcmp(key, "quad"))) {
        rc = cli_bad(&ent_verb_events, "--store writes dyad-years by quad class: use --by year --key quad");
        goto out;
    }
    if (ent_ev_mpi_active()) {
        const char *why = ent_ev_mpi_init(&argc, &argv, &rank, &nranks);
        if (why) {
            rc = cli_fail("events", "%s", why);
            goto out;
        }
        mpi = 1;
        if (ent_events_opts_dedupe(eo) && nranks > 1) {
            rc = rank == 0 ? cli_fail("events", "--dedupe keeps the first occurrence in input order "
                                                "and runs in one process: run it without mpirun")
                           : 1;
            goto out;
        }
        if ((st = ent_events_opts_share(ctx, eo, rank, nranks)) != ENT_OK) {
            rc = cli_status("events", ctx, st);
            goto out;
        }
    }
    /* the registry: from the warehouse when --db is given, else the data folder */
    if (!merge || rank == 0) {
        if (dbpath) {
            if ((rc = cli_open_db("events", ctx, dbpath, &db)))
                goto out;
            if ((st = ent_db_registry(db, &reg)) != ENT_OK) {
                rc = cli_status("events", ctx, st);
                goto out;
            }
        } else {
            if ((st = ent_registry_load(ctx, datadir, &ownreg)) != ENT_OK) {
                rc = cli_status("events", ctx, st);
                goto out;
            }
            reg = ownreg;
        }
    }
    const char *const *files = (const char *const *)argv + optind;
    size_t nfiles = (size_t)(argc - optind);
    if (merge) {
        if (mpi && rank != 0)
            goto out;
        if ((st = ent_events_merge_files(ctx, files, nfiles, &res)) != ENT_OK) {
            rc = cli_status("events", ctx, st);
            goto out;
        }
    } else {
        st = ent_events_run(ctx, reg, datadir, files, nfiles, eo, &res);
        int hard = st != ENT_OK && st != ENT_EPARSE;
        if (mpi && ent_ev_mpi_any(hard)) {
            rc = hard ? cli_status("events", ctx, st) : 1;
            goto out;
        }
        if (hard) {
            rc = cli_status("events", ctx, st);
            goto out;
        }
        if (mpi) {
            if ((st = ent_ev_mpi_reduce(ctx, res)) != ENT_OK) {
                rc = cli_status("events", ctx, st);
                goto out;
            }
            if (rank != 0) {
                rc = ent_events_error(res) ? 1 : 0;
                goto out;
            }
        }
    }
    if (ent_events_error(res)) {
        rc = cli_fail("events", "%s", ent_events_error(res));
        goto out;
    }
    if (ent_events_read(res) !=
        ent_events_aggregated(res) + ent_events_filtered(res) + ent_events_rejected(res)) {
        rc = cli_fail("events", "internal error: row accounting does not add up");
        goto out;
    }
    if (!quiet)
        ent_events_report(res, stderr);
    if (partial)
        st = ent_events_write_partial(ctx, res, outpath);
    else if (store)
        st = ent_events_store(ctx, res, dbpath ? dbpath : cli_default_db());
    else
        st = ent_events_write(ctx, res, reg, outfmt, outpath);
    if (st != ENT_OK)
        rc = cli_status("events", ctx, st);
out:
    ent_events_free(res);
    ent_events_opts_free(eo);
    ent_registry_free(ownreg);
    ent_db_close(db);
    ent_ctx_free(ctx);
    if (mpi)
        ent_ev_mpi_finalize();
    return rc;
}

const ent_verb ent_verb_events = {"events",
                                  "aggregate GDELT and ICEWS event files per dyad, period and CAMEO key",
                                  usage, run};
