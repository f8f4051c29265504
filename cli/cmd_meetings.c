/*
 * cmd_meetings.c -- `entente meetings`: a leader's meetings and counterparts
 * (from China Vitae and State Department records), or the leader-level
 * meetings of two states per year.
 */
#include "cli.h"
#include "meetings/query.h"
#include "store/store.h"

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
    "DATE is YYYY-MM-DD (or YYYY for --by year).\n"
    "\n"
    "examples:\n"
    "  entente meetings \"Xi Jinping\" --from 2013-03-14 --to 2018-12-31 --partners\n"
    "  entente meetings \"Vladimir Putin\" --partners --format csv\n"
    "  entente meetings \"Hu Jintao\" --from 2008-01-01 --to 2008-12-31\n"
    "  entente meetings CHN RUS --by year\n";

static int parse_date(const char *opt, const char *s, int32_t *day, int by_year)
{
    int y;
    if (by_year && strlen(s) == 4 && cli_int("meetings", opt, s, &y)) {
        *day = y;
        return 1;
    }
    if (ent_meet_date_parse(s, day) != 1) {
        cli_fail("meetings", "%s: '%s' is not a date (YYYY-MM-DD)", opt, s);
        return 0;
    }
    return 1;
}

static int by_year(ent_ctx *ctx, ent_db *db, const char *a, const char *b, int from, int to,
                   const char *outpath, int fmt)
{
    static const char *const cols[] = {"state_a", "state_b", "year", "meet_episodes",
                                       "meet_days", "meet_calls", "meet_coverage"};
    const ent_registry *reg;
    sqlite3 *sq = ent_db_sqlite(db);
    sqlite3_stmt *q = NULL;
    ent_out *o = NULL;
    ent_status st;
    int ca, cb, rc = 0, lo = from, hi = to, covlo = 0, covhi = 0;

    if ((st = ent_db_registry(db, &reg)) != ENT_OK ||
        (st = ent_state_resolve(ctx, reg, a, 0, &ca)) != ENT_OK ||
        (st = ent_state_resolve(ctx, reg, b, 0, &cb)) != ENT_OK)
        return cli_status("meetings", ctx, st);
    if (ca == cb)
        return cli_fail("meetings", "'%s' and '%s' are the same state", a, b);
    if (sqlite3_prepare_v2(sq,
                           "SELECT meet_episodes, meet_days, meet_calls, meet_coverage "
                           "FROM meet_dyad_year WHERE ccode1=? AND ccode2=? AND year=?",
                           -1, &q, NULL) != SQLITE_OK)
        return cli_fail("meetings", "no meet_dyad_year table in the warehouse: run `entente "
                                    "build` (%s)", sqlite3_errmsg(sq));
    {
        sqlite3_stmt *r = NULL;
        if (sqlite3_prepare_v2(sq, "SELECT min(year), max(year) FROM meet_dyad_year WHERE "
                                   "ccode1=? AND ccode2=?", -1, &r, NULL) == SQLITE_OK) {
            sqlite3_bind_int(r, 1, ca < cb ? ca : cb);
            sqlite3_bind_int(r, 2, ca < cb ? cb : ca);
            if (sqlite3_step(r) == SQLITE_ROW && sqlite3_column_type(r, 0) != SQLITE_NULL) {
                covlo = sqlite3_column_int(r, 0);
                covhi = sqlite3_column_int(r, 1);
                if (!lo)
                    lo = covlo;
                if (!hi)
                    hi = covhi;
            }
        }
        sqlite3_finalize(r);
    }
    if (!lo || !hi) {
        sqlite3_finalize(q);
        return cli_fail("meetings", "no meeting records cover %s-%s (sources cover CHN and USA "
                                    "dyads only)", ent_state_abb(reg, ca), ent_state_abb(reg, cb));
    }
    if (covhi && (hi > covhi || lo < covlo))
        fprintf(stderr, "entente: meetings: coverage: the meeting records cover %s-%s in "
                        "%d-%d; the years asked outside those are empty (no source covers them)\n",
                ent_state_abb(reg, ca), ent_state_abb(reg, cb), covlo, covhi);
    if ((st = ent_out_open(ctx, outpath, (ent_fmt)fmt, cols, 7, &o)) != ENT_OK) {
        sqlite3_finalize(q);
        return cli_status("meetings", ctx, st);
    }
    for (int y = lo; y <= hi; y++) {
        sqlite3_bind_int(q, 1, ca < cb ? ca : cb);
        sqlite3_bind_int(q, 2, ca < cb ? cb : ca);
        sqlite3_bind_int(q, 3, y);
        ent_out_str(o, ent_state_abb(reg, ca));
        ent_out_str(o, ent_state_abb(reg, cb));
        ent_out_i64(o, y);
        if (sqlite3_step(q) == SQLITE_ROW) {
            for (int k = 0; k < 3; k++)
                ent_out_i64(o, sqlite3_column_type(q, k) == SQLITE_NULL
                                   ? ENT_NA : sqlite3_column_int64(q, k));
            ent_out_str(o, (const char *)sqlite3_column_text(q, 3));
        } else {
            ent_out_i64(o, ENT_NA);
            ent_out_i64(o, ENT_NA);
            ent_out_i64(o, ENT_NA);
            ent_out_str(o, NULL);
        }
        sqlite3_reset(q);
        ent_out_row(o);
    }
    sqlite3_finalize(q);
    ent_out_note(o, "episodes: runs of consecutive days with one counterpart at one place, "
                    "heads of state or government on both sides; calls counted apart; "
                    "empty = no source covers the dyad-year");
    if ((st = ent_out_close(o, 1)) != ENT_OK)
        rc = cli_status("meetings", ctx, st);
    return rc;
}

static int partners(ent_ctx *ctx, ent_db *db, const char *leader, int32_t from, int32_t to,
                    const char *outpath, int fmt)
{
    static const char *const cols[] = {"leader", "partner", "partner_state", "episodes",
                                       "bilateral", "group", "calls", "days", "rank"};
    const ent_registry *reg;
    ent_meet_partner *ps = NULL;
    size_t n = 0;
    ent_out *o = NULL;
    ent_status st;
    int rc = 0;

    if ((st = ent_db_registry(db, &reg)) != ENT_OK ||
        (st = ent_meet_partners(ctx, ent_db_sqlite(db), leader, from, to, &ps, &n)) != ENT_OK)
        return cli_status("meetings", ctx, st);
    if ((st = ent_out_open(ctx, outpath, (ent_fmt)fmt, cols, 9, &o)) != ENT_OK) {
        ent_meet_partners_free(ctx, ps, n);
        return cli_status("meetings", ctx, st);
    }
    for (size_t i = 0; i < n; i++) {
        ent_out_str(o, leader);
        ent_out_str(o, ps[i].partner);
        ent_out_str(o, ps[i].ccode > 0 ? ent_state_abb(reg, ps[i].ccode) : NULL);
        ent_out_i64(o, ps[i].in.episodes);
        ent_out_i64(o, ps[i].in.bilateral);
        ent_out_i64(o, ps[i].in.group);
        ent_out_i64(o, ps[i].calls);
        ent_out_i64(o, ps[i].in.days);
        ent_out_i64(o, ps[i].rank);
        ent_out_row(o);
    }
    ent_out_note(o, "episodes, bilateral, group: in-person episodes (consecutive days, same "
                    "counterpart and place); days: distinct days met in person; calls: phone "
                    "and video calls, not in episodes");
    if (n >= 2 && ps[1].in.episodes > 0)
        ent_out_note(o, "ratio of first to second partner: %s %lld / %s %lld = %.2f episodes",
                     ps[0].partner, (long long)ps[0].in.episodes, ps[1].partner,
                     (long long)ps[1].in.episodes,
                     (double)ps[0].in.episodes / (double)ps[1].in.episodes);
    else
        ent_out_note(o, "ratio of first to second partner: not defined (fewer than two partners "
                        "met in person)");
    ent_meet_partners_free(ctx, ps, n);
    if ((st = ent_out_close(o, 1)) != ENT_OK)
        rc = cli_status("meetings", ctx, st);
    return rc;
}

static int records(ent_ctx *ctx, ent_db *db, const char *leader, int32_t from, int32_t to,
                   const char *outpath, int fmt)
{
    static const char *const cols[] = {"date", "end_date", "leader", "partner", "partner_state",
                                       "partner_role", "place", "format", "source",
                                       "source_row"};
    static const char sql[] =
        "SELECT date, end_date, leader_b, state_b, role_b, place, format, source, source_row "
        "FROM meetings WHERE leader_a=?1 UNION ALL "
        "SELECT date, end_date, leader_a, state_a, role_a, place, format, source, source_row "
        "FROM meetings WHERE leader_b=?1 ORDER BY 1, 3";
    const ent_registry *reg;
    sqlite3_stmt *q = NULL;
    ent_out *o = NULL;
    ent_status st;
    int rc = 0;

    if ((st = ent_db_registry(db, &reg)) != ENT_OK ||
        (st = ent_sql_prepare(ctx, ent_db_sqlite(db), sql, &q)) != ENT_OK)
        return cli_status("meetings", ctx, st);
    if ((st = ent_out_open(ctx, outpath, (ent_fmt)fmt, cols, 10, &o)) != ENT_OK) {
        sqlite3_finalize(q);
        return cli_status("meetings", ctx, st);
    }
    sqlite3_bind_text(q, 1, leader, -1, SQLITE_STATIC);
    while (sqlite3_step(q) == SQLITE_ROW) {
        int32_t d;
        if (ent_meet_date_parse((const char *)sqlite3_column_text(q, 0), &d) != 1)
            continue;
        if (from <= to && (d < from || d > to))
            continue;
        ent_out_str(o, (const char *)sqlite3_column_text(q, 0));
        ent_out_str(o, (const char *)sqlite3_column_text(q, 1));
        ent_out_str(o, leader);
        ent_out_str(o, (const char *)sqlite3_column_text(q, 2));
        ent_out_str(o, sqlite3_column_type(q, 3) == SQLITE_NULL
                           ? NULL : ent_state_abb(reg, sqlite3_column_int(q, 3)));
        ent_out_str(o, (const char *)sqlite3_column_text(q, 4));
        ent_out_str(o, (const char *)sqlite3_column_text(q, 5));
        ent_out_str(o, (const char *)sqlite3_column_text(q, 6));
        ent_out_str(o, (const char *)sqlite3_column_text(q, 7));
        ent_out_i64(o, sqlite3_column_int64(q, 8));
        ent_out_row(o);
    }
    sqlite3_finalize(q);
    if ((st = ent_out_close(o, 1)) != ENT_OK)
        rc = cli_status("meetings", ctx, st);
    return rc;
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
    int fmt = ENT_FMT_TABLE, c, rc = 0, want_partners = 0, want_year = 0;
    int32_t from = 1, to = 0;
    char leader[ENT_MEET_NAMEMAX];
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
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
            if ((fmt = ent_fmt_parse(optarg)) < 0)
                return cli_fail("meetings", "--format: '%s' is not table, csv or json",
                                optarg) + 1;
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
    if (froms && !parse_date("--from", froms, &from, want_year))
        return 2;
    if (tos && !parse_date("--to", tos, &to, want_year))
        return 2;
    if (!want_year) {
        if (!froms)
            from = -10000000;
        if (!tos)
            to = 10000000;
        if (from > to)
            return cli_fail("meetings", "--from is after --to") + 1;
    } else if (froms && tos && strlen(froms) == 4 && strlen(tos) == 4 && from > to) {
        return cli_bad(&ent_verb_meetings, "--from %d is after --to %d", (int)from, (int)to);
    }
    if (!(ctx = ent_ctx_new()))
        return cli_fail("meetings", "out of memory");
    if ((rc = cli_open_db("meetings", ctx, dbpath, &db)))
        goto out;
    if (want_year) {
        if (froms && strlen(froms) != 4)
            from /= 1, from = 0; /* a full date: take no bound rather than guess */
        rc = by_year(ctx, db, argv[optind], argv[optind + 1], froms ? from : 0, tos ? to : 0,
                     outpath, fmt);
        goto out;
    }
    if ((st = ent_meet_leader_name(ctx, ent_db_sqlite(db), argv[optind], leader,
                                   sizeof leader)) != ENT_OK) {
        rc = cli_status("meetings", ctx, st);
        goto out;
    }
    { /* a range (or the open default) past a source's last record is said */
        ent_meet_cover cov[ENT_MEET_MAXSRC];
        size_t ncov = 0;
        char line[1024];
        if (ent_meet_coverage(ctx, ent_db_sqlite(db), leader, cov, &ncov) == ENT_OK &&
            ent_meet_coverage_text(cov, ncov, leader, from, tos ? to : 0, line, sizeof line))
            fprintf(stderr, "entente: meetings: %s\n", line);
    }
    rc = want_partners ? partners(ctx, db, leader, from, to, outpath, fmt)
                       : records(ctx, db, leader, from, to, outpath, fmt);
out:
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_meetings = {"meetings",
                                    "leader meetings: records, ranked partners, dyad-years",
                                    usage, run};
