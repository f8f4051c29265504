/*
 * cmd_agree.c -- `entente agree A B`: UN General Assembly vote agreement of
 * a dyad, one row per year; `entente agree --with A --year Y`: the states
 * that voted most like A.  One call, ent_agreement or ent_agreement_with
 * (include/entente/agree.h), and the shared formatter.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

static const char usage_text[] =
    "usage: entente agree A B [--from Y] [--to Y] [options]\n"
    "       entente agree --with A --year Y [--top N] [options]\n"
    "\n"
    "Agreement of two states in the UN General Assembly, per year, over the roll\n"
    "calls on which both voted yes, abstain or no (Voeten's data; the year of a\n"
    "roll call is its session + 1945).  Columns:\n"
    "  n      roll calls both voted on\n"
    "  agree  share of them with the identical vote\n"
    "  s      Signorino-Ritter S (yes=1, abstain=2, no=3, linear, dmax 2)\n"
    "  pi     Scott's pi, kappa  Cohen's kappa (Hage 2011; --weights, default quadratic)\n"
    "  partial 1 when the year's roll calls are incomplete (its session was still\n"
    "         open when the data end), 0 when complete, empty without data\n"
    "A year where one of them was not a COW system member has every column empty;\n"
    "where they shared no vote n is 0 and the measures are empty, never 0.  Sessions\n"
    "1-74 (1946-2019) come from unvotes, 75 on from unga_votes_voeten; a year beyond\n"
    "the votes has every column empty and stderr says where the votes end.  Without\n"
    "--from/--to, the years the dyad exists; with them, every year of the range.\n"
    "With --with, the states forming a dyad with A in --year, best first by the first\n"
    "measure of --measure (pairs with no shared vote are left out).\n"
    "\n"
    "options:\n"
    "  --from Y, --to Y     year range (default: the years with votes, 1946-2023)\n"
    "  --measure LIST       comma list of agree,s,pi,kappa (default: all)\n"
    "  --weights W          nominal, linear or quadratic (default) for pi and kappa\n"
    "  --issue CODE         only roll calls on an issue: me (Palestinian conflict),\n"
    "                       nu (nuclear weapons), di (arms control), hr (human rights),\n"
    "                       co (colonialism), ec (economic development)\n"
    "  --important          only important votes (US State Department list; unvotes\n"
    "                       only, so to 2019)\n"
    "  --calendar-year      group roll calls by the year of their date\n"
    "  --with A --year Y    the states that voted most like A in Y\n"
    "  --top N              rows for --with (default 10; 0 = all)\n"
    "  --format F           table (default), csv or json;  -o FILE  write atomically\n"
    "  --db FILE            the warehouse (default entente.db)\n"
    "\n"
    "examples:\n"
    "  entente agree CHN RUS --from 2018 --to 2024\n"
    "  entente agree USA GBR --from 1980 --to 1989 --format csv\n"
    "  entente agree USA Israel --issue me --weights nominal --measure kappa,s\n"
    "  entente agree --with USA --year 2019 --top 5\n";

static int run(int argc, char **argv);

const ent_verb ent_verb_agree = {"agree", "UN General Assembly vote agreement of two states",
                                 usage_text, run};

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"from", required_argument, NULL, 'F'},    {"to", required_argument, NULL, 'T'},
        {"measure", required_argument, NULL, 'm'}, {"weights", required_argument, NULL, 'w'},
        {"issue", required_argument, NULL, 'i'},   {"important", no_argument, NULL, 'I'},
        {"calendar-year", no_argument, NULL, 'c'}, {"with", required_argument, NULL, 'W'},
        {"year", required_argument, NULL, 'y'},    {"top", required_argument, NULL, 'n'},
        {"format", required_argument, NULL, 'f'},  {"output", required_argument, NULL, 'o'},
        {"db", required_argument, NULL, 'b'},      {NULL, 0, NULL, 0}};
    const char *dbpath = cli_default_db(), *outpath = NULL, *with = NULL, *format = NULL;
    int year = 0, top = 10, c, rc;
    ent_agree_query q = {0};
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
    ent_result *r = NULL;
    ent_status st;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
        switch (c) {
        case 'F':
            if (!cli_int("agree", "--from", optarg, &q.from))
                return 2;
            break;
        case 'T':
            if (!cli_int("agree", "--to", optarg, &q.to))
                return 2;
            break;
        case 'y':
            if (!cli_int("agree", "--year", optarg, &year))
                return 2;
            break;
        case 'n':
            if (!cli_int("agree", "--top", optarg, &top) || top < 0)
                return cli_fail("agree", "--top: '%s' is not a count >= 0", optarg) + 1;
            break;
        case 'm': q.measures = optarg; break;
        case 'w': q.weights = optarg; break;
        case 'i': q.issue = optarg; break;
        case 'I': q.important = 1; break;
        case 'c': q.calendar = 1; break;
        case 'W': with = optarg; break;
        case 'f':
            if (!cli_format_ok(optarg))
                return cli_fail("agree", "--format: '%s' is not table, csv or json", optarg) + 1;
            format = optarg;
            break;
        case 'o': outpath = optarg; break;
        case 'b': dbpath = optarg; break;
        default: return cli_usage(&ent_verb_agree);
        }
    }
    if (with ? (optind != argc || !year) : (optind != argc - 2 || year)) {
        fprintf(stderr, "entente: agree: %s\n",
                with ? "--with A needs --year Y and no other state"
                     : "two states are needed (or --with A --year Y)");
        return cli_usage(&ent_verb_agree);
    }
    if (!(ctx = ent_ctx_new()))
        return cli_fail("agree", "out of memory");
    if (ent_agree_query_check(ctx, &q) != ENT_OK) { /* an option error: before the warehouse */
        rc = cli_fail("agree", "%s", ent_errmsg(ctx)) + 1;
        goto out;
    }
    if ((rc = cli_open_db("agree", ctx, dbpath, &db)))
        goto out;
    st = with ? ent_agreement_with(db, with, year, top, &q, &r)
              : ent_agreement(db, argv[optind], argv[optind + 1], &q, &r);
    rc = st != ENT_OK ? cli_status("agree", ctx, st) : cli_print("agree", ctx, r, format, outpath, NULL);
out:
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}
