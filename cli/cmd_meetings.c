/*
 * cmd_meetings.c -- `entente meetings`: a leader's meetings and counterparts
 * (from China Vitae and State Department records), or the leader-level
 * meetings of two states per year.  One call, ent_meetings or
 * ent_meetings_by_year (include/entente/query.h).
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: entente meetings LEADER [--from DATE] [--to DATE] [--partners]\n"
    "                        [--format table|csv|json] [-o FILE] [--db FILE]\n"
    "       entente meetings STATE_A STATE_B --by year [--from YEAR] [--to YEAR] [...]\n"
    "\n"
    "With one LEADER (a name as the records write it, matched case- and\n"
    "accent-blind; known misspellings are accepted), list the leader's meeting\n"
    "records, or with --partners the heads of state or government met, ranked\n"
    "by in-person episodes.  An episode is a run of consecutive days with the\n"
    "same counterpart at the same place; days are distinct days met in person.\n"
    "Bilateral episodes include a one-on-one record; group episodes only rows\n"
    "naming several counterparts.  Calls (phone, video) are counted apart and\n"
    "never in episodes.  The table ends with the ratio of the first partner's\n"
    "episodes to the second's.\n"
    "\n"
    "With two states and --by year, print meetings per year between the\n"
    "leaders of the two states (table meet_dyad_year); years no source covers\n"
    "are empty (missing), not 0.\n"
    "\n"
    "DATE is YYYY-MM-DD (YYYY for --by year).\n"
    "\n"
    "examples:\n"
    "  entente meetings \"Xi Jinping\" --from 2013-03-14 --to 2018-12-31 --partners\n"
    "  entente meetings \"Vladimir Putin\" --partners --format csv\n"
    "  entente meetings \"Hu Jintao\" --from 2008-01-01 --to 2008-12-31\n"
    "  entente meetings CHN RUS --by year\n";

/* year_opt reads --from/--to of --by year: a year (YYYY); 0 with a message. */
static int year_opt(const char *opt, const char *s, int *y)
{
    if (strlen(s) == 4 && cli_parse_int(s, y))
        return 1;
    cli_bad(&ent_verb_meetings, "%s: '%s' is not a year (YYYY)", opt, s);
    return 0;
}

static int run(int argc, char **argv)
{
    static const struct option opts[] = {{"from", required_argument, NULL, 'F'},
                                         {"to", required_argument, NULL, 'T'},
                                         {"partners", no_argument, NULL, 'p'},
                                         {"by", required_argument, NULL, 'y'},
                                         {"db", required_argument, NULL, 'b'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"output", required_argument, NULL, 'o'},
                                         {NULL, 0, NULL, 0}};
    const char *dbpath = cli_default_db(), *outpath = NULL, *froms = NULL, *tos = NULL;
    const char *format = NULL;
    int c, rc, want_partners = 0, want_year = 0, from = 0, to = 0;
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
    ent_result *r;
    ent_status st;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'F': froms = optarg; break;
        case 'T': tos = optarg; break;
        case 'p': want_partners = 1; break;
        case 'y':
            if (strcmp(optarg, "year"))
                return cli_fail("meetings", "--by: only 'year' is supported") + 1;
            want_year = 1;
            break;
        case 'b': dbpath = optarg; break;
        case 'f':
            if (!cli_format_ok(optarg))
                return cli_fail("meetings", "--format: '%s' is not table, csv or json",
                                optarg) + 1;
            format = optarg;
            break;
        case 'o': outpath = optarg; break;
        default: return cli_usage(&ent_verb_meetings);
        }
    }
    if (want_year && argc - optind != 2)
        return cli_bad(&ent_verb_meetings, "--by year takes two states, STATE_A STATE_B");
    if (!want_year && argc - optind == 2)
        return cli_bad(&ent_verb_meetings, "two names: for two states' meetings per year add "
                                           "--by year; a leader's name with a space is quoted "
                                           "(\"Xi Jinping\")");
    if (!want_year && argc - optind != 1)
        return cli_bad(&ent_verb_meetings, "give one LEADER, or two states with --by year");
    if (want_year) {
        if ((froms && !year_opt("--from", froms, &from)) || (tos && !year_opt("--to", tos, &to)))
            return 2;
        if (froms && tos && from > to)
            return cli_bad(&ent_verb_meetings, "--from %d is after --to %d", from, to);
    }
    if (!(ctx = ent_ctx_new()))
        return cli_fail("meetings", "out of memory");
    if ((rc = cli_open_db("meetings", ctx, dbpath, &db)))
        goto out;
    st = want_year ? ent_meetings_by_year(db, argv[optind], argv[optind + 1], from, to, &r)
                   : ent_meetings(db, argv[optind], froms, tos, want_partners, &r);
    if (st != ENT_OK) /* a bad date or range is the user's: a usage error */
        rc = cli_status("meetings", ctx, st) + (!want_year && st == ENT_EINVAL);
    else
        rc = cli_print("meetings", ctx, r, format, outpath, NULL);
out:
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_meetings = {"meetings",
                                    "leader meetings: records, ranked partners, dyad-years",
                                    usage, run};
