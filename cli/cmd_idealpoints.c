/*
 * cmd_idealpoints.c -- `entente idealpoints`: dynamic ordinal ideal points
 * per state-year estimated from the stored UN General Assembly votes, with
 * optional bootstrap standard errors, printed and/or stored in the
 * warehouse.  One library call (ent_idealpoints, entente/ideal.h); the
 * result printed by ent_result_write, its notes after a table or on stderr
 * with csv and json.
 */
#include "cli.h"
#include "entente/ideal.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: entente idealpoints [--from Y1 --to Y2] [--issues LIST] [--important]\n"
    "                           [--bootstrap N] [--seed S] [--store] [--omega2 V]\n"
    "                           [--tol T] [--threads N] [--format table|csv|json]\n"
    "                           [-o FILE] [--db FILE]\n"
    "\n"
    "One-dimensional ideal points per state and session year from the UN General\n"
    "Assembly votes in the warehouse: yes / abstain / no (absent and non-member\n"
    "are missing), an ordered probit per roll call and a random walk linking each\n"
    "state's years, fitted by variational EM (docs/measures.md).  The USA is on\n"
    "the positive side; location and scale are fixed by the prior (first year\n"
    "N(0,1), yearly steps N(0, omega2)).  Roll calls with one kind of vote only\n"
    "are dropped.\n"
    "\n"
    "  --from, --to   session years (year = session + 1945; default all)\n"
    "  --issues LIST  roll calls with any of these issue codes (me,nu,di,hr,co,ec)\n"
    "  --important    important votes only (US State Department list)\n"
    "  --bootstrap N  N parametric-bootstrap refits: se and the 95% interval\n"
    "  --seed S       the bootstrap's seed (default 1)\n"
    "  --store        write the estimates into the warehouse (ideal_estimates),\n"
    "                 read by the panel's ideal_distance_own\n"
    "  --omega2 V     random-walk variance per year (default 0.1)\n"
    "  --tol T        stop when one EM step moves no estimate more than T\n"
    "                 (default 1e-4)\n"
    "  --threads N    worker threads (default 2)\n"
    "\n"
    "Columns: state, ccode, year, estimate, se, lo, hi, nvotes, partial (1 for the\n"
    "year whose session was still open when the votes end: 2023 = session 78);\n"
    "the notes (data, convergence, uncertainty, identification, coverage) follow\n"
    "a table, and go to stderr with csv or json.\n"
    "\n"
    "examples:\n"
    "  entente idealpoints --from 1990 --to 2019 --format csv -o ideal.csv\n"
    "  entente idealpoints --from 2010 --to 2019 --issues hr,di --bootstrap 20\n"
    "  entente idealpoints --from 2000 --to 2019 --store --format csv -o ideal2000.csv\n";

static int parse_double(const char *opt, const char *s, double *v)
{
    char *end;
    double x = strtod(s, &end);
    if (!*s || *end || !(x > 0) || !isfinite(x)) {
        cli_fail("idealpoints", "%s: '%s' is not a positive number", opt, s);
        return 0;
    }
    *v = x;
    return 1;
}

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"from", required_argument, NULL, 'F'},      {"to", required_argument, NULL, 'T'},
        {"issues", required_argument, NULL, 'i'},    {"important", no_argument, NULL, 'I'},
        {"bootstrap", required_argument, NULL, 'B'}, {"seed", required_argument, NULL, 's'},
        {"store", no_argument, NULL, 'S'},           {"omega2", required_argument, NULL, 'w'},
        {"tol", required_argument, NULL, 't'},       {"threads", required_argument, NULL, 'j'},
        {"format", required_argument, NULL, 'f'},    {"output", required_argument, NULL, 'o'},
        {"db", required_argument, NULL, 'b'},        {"prior-item", required_argument, NULL, 'p'},
        {"prior-x", required_argument, NULL, 'x'},   {"max-step", required_argument, NULL, 'M'},
        {NULL, 0, NULL, 0}};
    const char *dbpath = cli_default_db(), *outpath = NULL, *fmt = "table";
    int c, rc = 0, seed = 1;
    ent_idealpoints_opts io = ENT_IDEALPOINTS_OPTS_INIT;
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
    ent_result *r = NULL;
    ent_status st;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'F': if (!cli_int("idealpoints", "--from", optarg, &io.from)) return 2; break;
        case 'T': if (!cli_int("idealpoints", "--to", optarg, &io.to)) return 2; break;
        case 'i':
            if (!*optarg || strspn(optarg, ",") == strlen(optarg))
                return cli_bad(&ent_verb_idealpoints, "--issues: give 1 to 32 codes, "
                                                      "comma-separated");
            io.issues = optarg;
            break;
        case 'I': io.important = 1; break;
        case 'B':
            if (!cli_int("idealpoints", "--bootstrap", optarg, &io.bootstrap)) return 2;
            if (io.bootstrap < 2 || io.bootstrap > 100000)
                return cli_bad(&ent_verb_idealpoints, "--bootstrap: %d is not in 2..100000",
                               io.bootstrap);
            break;
        case 's': if (!cli_int("idealpoints", "--seed", optarg, &seed)) return 2; break;
        case 'S': io.store = 1; break;
        case 'w': if (!parse_double("--omega2", optarg, &io.omega2)) return 2; break;
        case 't': if (!parse_double("--tol", optarg, &io.tol)) return 2; break;
        case 'M': if (!parse_double("--max-step", optarg, &io.max_step)) return 2; break;
        case 'x': if (!parse_double("--prior-x", optarg, &io.prior_x)) return 2; break;
        case 'p': if (!parse_double("--prior-item", optarg, &io.prior_item)) return 2; break;
        case 'j':
            if (!cli_int("idealpoints", "--threads", optarg, &io.threads)) return 2;
            if (io.threads < 1 || io.threads > 16)
                return cli_bad(&ent_verb_idealpoints, "--threads: %d is not in 1..16",
                               io.threads);
            break;
        case 'f':
            if (strcmp(optarg, "table") && strcmp(optarg, "csv") && strcmp(optarg, "json"))
                return cli_bad(&ent_verb_idealpoints, "--format: '%s' is not table, csv or "
                                                      "json", optarg);
            fmt = optarg;
            break;
        case 'o': outpath = optarg; break;
        case 'b': dbpath = optarg; break;
        default: return cli_usage(&ent_verb_idealpoints);
        }
    }
    if (optind != argc)
        return cli_bad(&ent_verb_idealpoints, "unexpected argument '%s'", argv[optind]);
    if (io.from && io.to && io.from > io.to)
        return cli_bad(&ent_verb_idealpoints, "--from %d is after --to %d", io.from, io.to);
    io.seed = (unsigned long long)seed;
    if (!(ctx = ent_ctx_new()))
        return cli_fail("idealpoints", "out of memory");
    if ((rc = cli_open_db("idealpoints", ctx, dbpath, &db)))
        goto out;
    if ((st = ent_idealpoints(db, &io, &r)) != ENT_OK ||
        (st = ent_result_write(ctx, r, fmt, outpath)) != ENT_OK) {
        rc = cli_status("idealpoints", ctx, st);
        goto out;
    }
    if (strcmp(fmt, "table"))
        for (size_t k = 0; k < ent_result_nnotes(r); k++)
            fprintf(stderr, "%s\n", ent_result_note_text(r, k));
out:
    ent_result_free(r);
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_idealpoints = {
    "idealpoints", "dynamic ordinal ideal points per state-year from the UN votes", usage, run};
