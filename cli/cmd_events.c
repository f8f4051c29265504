/*
 * cmd_events.c -- `entente events`: aggregate GDELT 1.0/2.0 and ICEWS event
 * files per (actor 1, actor 2, period, key); merge partial aggregates; run
 * under mpirun across ranks.
 */
#include "cli.h"
#include "report/report.h" /* private: until this verb prints an ent_result (cli.h includes only include/) */
#include "core/atomic.h"
#include "events_mpi.h"

#include <getopt.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static int parse_date_opt(const char *s, int hi, int *out)
{
    int y = 0, m = 0, d = 0;
    char tail;
    int n = sscanf(s, "%d-%d-%d%c", &y, &m, &d, &tail);
    if (n < 1 || n > 3 || y < 1800 || y > 2199 || (n >= 2 && (m < 1 || m > 12)) ||
        (n == 3 && (d < 1 || d > 31)))
        return 0;
    size_t len = strlen(s);
    if ((n == 1 && len != 4) || (n == 2 && len != 7) || (n == 3 && len != 10))
        return 0;
    if (n == 1)
        m = hi ? 12 : 1;
    if (n <= 2)
        d = hi ? 31 : 1;
    *out = y * 10000 + m * 100 + d;
    return 1;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int write_output(ent_ctx *ctx, const ent_ev_result *r, const ent_ev_mapper *map,
                        const char *outpath, int fmt)
{
    static const char *const cols[] = {"actor1", "actor2", "period", "key", "events",
                                       "goldstein_sum", "goldstein_mean", "mentions",
                                       "sources", "articles"};
    ent_out *o = NULL;
    ent_status st = ent_out_open(ctx, outpath, (ent_fmt)fmt, cols, 10, &o);
    if (st != ENT_OK)
        return cli_status("events", ctx, st);
    for (size_t i = 0; i < r->ngroups; i++) {
        const ent_ev_group *g = &r->groups[i];
        char per[16], key[8], gs[32], num[24];
        const char *a1 = map ? map->abb(map->ud, EV_KEY_A1(g->key)) : NULL;
        const char *a2 = map ? map->abb(map->ud, EV_KEY_A2(g->key)) : NULL;
        char n1[16], n2[16];
        if (!a1) {
            snprintf(n1, sizeof n1, "%d", EV_KEY_A1(g->key));
            a1 = n1;
        }
        if (!a2) {
            snprintf(n2, sizeof n2, "%d", EV_KEY_A2(g->key));
            a2 = n2;
        }
        ent_ev_period_str(EV_KEY_PER(g->key), r->by, per);
        ent_ev_key_str(EV_KEY_K(g->key), r->key, key);
        ent_out_str(o, a1);
        ent_out_str(o, a2);
        ent_out_str(o, per);
        ent_out_str(o, key);
        ent_out_i64(o, g->events);
        if (g->n_gold) {
            ent_ev_gold_str(g->gold100, gs);
            ent_out_numstr(o, gs);
            snprintf(num, sizeof num, "%.4f", (double)g->gold100 / 100.0 / (double)g->n_gold);
            ent_out_numstr(o, num);
        } else {
            ent_out_str(o, NULL);
            ent_out_str(o, NULL);
        }
        ent_out_i64(o, g->n_ment ? g->mentions : ENT_NA);
        ent_out_i64(o, g->n_src ? g->sources : ENT_NA);
        ent_out_i64(o, g->n_art ? g->articles : ENT_NA);
        ent_out_row(o);
    }
    if ((st = ent_out_close(o, 1)) != ENT_OK)
        return cli_status("events", ctx, st);
    return 0;
}

static int write_partial(ent_ctx *ctx, const ent_ev_result *r, char *const *files, size_t nfiles,
                         const char *outpath)
{
    ent_afile *f = NULL;
    ent_status st = ent_afile_open(ctx, outpath, &f);
    if (st != ENT_OK)
        return cli_status("events", ctx, st);
    st = ent_ev_partial_write(ctx, r, (const char *const *)files, nfiles, ent_afile_fp(f));
    if (st != ENT_OK) {
        ent_afile_close(f, 0);
        return cli_status("events", ctx, st);
    }
    if ((st = ent_afile_close(f, 1)) != ENT_OK)
        return cli_status("events", ctx, st);
    return 0;
}

static int store_db(ent_ctx *ctx, const ent_ev_result *r, const char *dbpath, char *const *files,
                    size_t nfiles)
{
    ent_db *db = NULL;
    ent_status st = ent_db_open(ctx, dbpath, 1, &db);
    if (st != ENT_OK)
        return cli_status("events", ctx, st);
    char desc[1024] = "";
    size_t at = 0;
    for (size_t i = 0; i < nfiles && at < sizeof desc - 1; i++)
        at += (size_t)snprintf(desc + at, sizeof desc - at, "%s%s", i ? " " : "", files[i]);
    st = ent_ev_write_db(ctx, ent_db_sqlite(db), r, desc);
    ent_db_close(db);
    if (st != ENT_OK)
        return cli_status("events", ctx, st);
    return 0;
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
    ent_ev_opts eo;
    memset(&eo, 0, sizeof eo);
    eo.by = EV_BY_YEAR;
    eo.nranks = 1;
    const char *outpath = NULL, *dbpath = NULL, *datadir = cli_default_data(), *countries = NULL;
    int partial = 0, merge = 0, store = 0, outfmt = ENT_FMT_CSV, quiet = 0, c, rc = 0;
    int mpi = 0, rank = 0, nranks = 1;
    ent_ctx *ctx = NULL;
    ent_cameo *cameo = NULL;
    ent_registry *ownreg = NULL;
    const ent_registry *reg = NULL;
    ent_db *db = NULL;
    ent_ev_result *res = NULL;
    int *cc = NULL;
    char **names = NULL;
    size_t nnames = 0;
    ent_ev_mapper map;
    ent_status st;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:", lopts, NULL)) != -1) {
        switch (c) {
        case O_FORMAT: /* output format; an input format's name still sets the input */
            if ((c = ent_fmt_parse(optarg)) >= 0) {
                outfmt = c;
                break;
            }
            if ((c = ent_ev_format_parse(optarg)) < 0)
                return cli_bad(&ent_verb_events, "--format: '%s' is neither table, csv or json "
                               "(output) nor gdelt1, gdelt2, gdelt1-csv, icews or auto (input)",
                               optarg);
            eo.format = (ent_ev_format)c;
            break;
        case O_INFMT:
            if ((c = ent_ev_format_parse(optarg)) < 0)
                return cli_bad(&ent_verb_events, "--input-format: '%s' is not gdelt1, gdelt2, "
                               "gdelt1-csv, icews or auto", optarg);
            eo.format = (ent_ev_format)c;
            break;
        case O_BY:
            if (!strcmp(optarg, "day")) eo.by = EV_BY_DAY;
            else if (!strcmp(optarg, "month")) eo.by = EV_BY_MONTH;
            else if (!strcmp(optarg, "year")) eo.by = EV_BY_YEAR;
            else return cli_bad(&ent_verb_events, "--by: '%s' is not day, month or year", optarg);
            break;
        case O_KEY:
            if (!strcmp(optarg, "quad")) eo.key = EV_KEY_QUAD;
            else if (!strcmp(optarg, "root")) eo.key = EV_KEY_ROOT;
            else if (!strcmp(optarg, "code")) eo.key = EV_KEY_CODE;
            else return cli_bad(&ent_verb_events, "--key: '%s' is not quad, root or code", optarg);
            break;
        case O_FROM:
            if (!parse_date_opt(optarg, 0, &eo.from))
                return cli_bad(&ent_verb_events, "--from: '%s' is not YYYY, YYYY-MM or YYYY-MM-DD", optarg);
            break;
        case O_TO:
            if (!parse_date_opt(optarg, 1, &eo.to))
                return cli_bad(&ent_verb_events, "--to: '%s' is not YYYY, YYYY-MM or YYYY-MM-DD", optarg);
            break;
        case O_COUNTRIES: countries = optarg; break;
        case O_THREADS:
            if (!cli_parse_int(optarg, &eo.threads))
                return cli_bad(&ent_verb_events, "--threads: '%s' is not an integer", optarg);
            if (eo.threads < 1 || eo.threads > 256)
                return cli_bad(&ent_verb_events, "--threads: %d is not 1..256", eo.threads);
            break;
        case O_SPLIT: {
            int v;
            if (!cli_parse_int(optarg, &v))
                return cli_bad(&ent_verb_events, "--split-bytes: '%s' is not an integer", optarg);
            if (v < 1) return cli_bad(&ent_verb_events, "--split-bytes must be positive");
            eo.split_bytes = (size_t)v;
            break;
        }
        case O_DEDUPE: eo.dedupe = 1; break;
        case O_LENIENT: eo.lenient = 1; break;
        case O_PARTIAL: partial = 1; break;
        case O_MERGE: merge = 1; break;
        case O_STORE: store = 1; break;
        case O_DB: dbpath = optarg; break;
        case O_DATA: datadir = optarg; break;
        case O_QUIET: quiet = 1; break;
        case O_OUTFMT:
            if ((outfmt = ent_fmt_parse(optarg)) < 0)
                return cli_bad(&ent_verb_events, "--out-format: '%s' is not csv, json or table", optarg);
            break;
        case 'o': outpath = optarg; break;
        default: return cli_optbad(&ent_verb_events, c, argv);
        }
    }
    if (optind >= argc)
        return cli_bad(&ent_verb_events, "no input files");
    if (eo.from && eo.to && eo.from > eo.to)
        return cli_bad(&ent_verb_events, "--from is after --to");
    if (store && (eo.by != EV_BY_YEAR || eo.key != EV_KEY_QUAD))
        return cli_bad(&ent_verb_events, "--store writes dyad-years by quad class: use --by year --key quad");
    if (!(ctx = ent_ctx_new()))
        return cli_fail("events", "out of memory");
    if (ent_ev_mpi_active()) {
        if ((st = ent_ev_mpi_init(ctx, &argc, &argv, &rank, &nranks)) != ENT_OK) {
            rc = cli_status("events", ctx, st);
            goto out;
        }
        mpi = 1;
        if (eo.dedupe && nranks > 1) {
            rc = rank == 0 ? cli_fail("events", "--dedupe keeps the first occurrence in input order "
                                                "and runs in one process: run it without mpirun")
                           : 1;
            goto out;
        }
        eo.rank = rank;
        eo.nranks = nranks;
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
        ent_ev_mapper_registry(&map, reg);
    }
    if (countries) {
        size_t n = 1;
        for (const char *p = countries; *p; p++)
            n += *p == ',';
        cc = calloc(n, sizeof *cc);
        char *dup = strdup(countries);
        if (!cc || !dup) {
            free(dup);
            rc = cli_fail("events", "out of memory");
            goto out;
        }
        size_t k = 0;
        for (char *tok = strtok(dup, ","); tok; tok = strtok(NULL, ",")) {
            if ((st = ent_state_resolve(ctx, reg, tok, 0, &cc[k])) != ENT_OK) {
                free(dup);
                rc = cli_status("events", ctx, st);
                goto out;
            }
            k++;
        }
        free(dup);
        qsort(cc, k, sizeof *cc, cmp_int);
        eo.countries = cc;
        eo.ncountries = k;
    }
    if (merge) {
        if (mpi && rank != 0)
            goto out;
        for (int i = optind; i < argc; i++) {
            ent_ev_result *p = NULL;
            if ((st = ent_ev_partial_read(ctx, argv[i], &p, &names, &nnames)) != ENT_OK) {
                rc = cli_status("events", ctx, st);
                goto out;
            }
            if (!res) {
                res = p;
            } else {
                st = ent_ev_merge(ctx, res, p);
                ent_ev_result_free(ctx, p);
                if (st != ENT_OK) {
                    rc = cli_status("events", ctx, st);
                    goto out;
                }
            }
        }
    } else {
        if ((st = ent_cameo_load(ctx, datadir, &cameo)) != ENT_OK) {
            rc = cli_status("events", ctx, st);
            goto out;
        }
        nnames = (size_t)(argc - optind);
        names = calloc(nnames, sizeof *names);
        if (!names) {
            rc = cli_fail("events", "out of memory");
            goto out;
        }
        for (size_t i = 0; i < nnames; i++)
            names[i] = argv[optind + (int)i];
        st = ent_ev_run(ctx, cameo, &map, (const char *const *)names, nnames, &eo, &res);
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
            if ((st = ent_ev_mpi_reduce(ctx, res, (const char *const *)names, nnames)) != ENT_OK) {
                rc = cli_status("events", ctx, st);
                goto out;
            }
            if (rank != 0) {
                rc = res->has_error ? 1 : 0;
                goto out;
            }
        }
    }
    if (res->has_error) {
        rc = cli_fail("events", "%s", res->err_msg);
        goto out;
    }
    if (res->read != res->aggregated + res->filtered + res->rejected) {
        rc = cli_fail("events", "internal error: row accounting does not add up");
        goto out;
    }
    if (!quiet)
        ent_ev_report(res, (const char *const *)names, nnames, stderr);
    if (partial)
        rc = write_partial(ctx, res, names, nnames, outpath);
    else if (store)
        rc = store_db(ctx, res, dbpath ? dbpath : cli_default_db(), names, nnames);
    else
        rc = write_output(ctx, res, reg ? &map : NULL, outpath, outfmt);
out:
    if (merge && names) {
        for (size_t i = 0; i < nnames; i++)
            ent_free(ctx, names[i]);
        ent_free(ctx, names);
    } else {
        free(names);
    }
    free(cc);
    ent_ev_result_free(ctx, res);
    ent_free(ctx, cameo);
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
