/*
 * cmd_compare.c -- `entente compare A-B --with GROUP`: the claim tester.
 */
#include "ix_common.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: entente compare A-B --with GROUP [--year Y] [--config FILE]\n"
    "                       [--normalize percentile|zlog|minmax] [--draws N --seed S]\n"
    "                       [--format table|csv|json] [-o FILE] [--db FILE]\n"
    "\n"
    "Score the relationship A-B and every dyad of GROUP on the four dimensions\n"
    "(personal, economic, military, diplomatic; 0-100, normalised among all\n"
    "dyads of the year) and the composite, rank them, and end with a verdict:\n"
    "how many of the group A-B ranks above, on the composite and on each\n"
    "dimension, and which of A-B's indicators were missing.  A dimension with\n"
    "no indicator present is missing, never 0; a composite that lacks a whole\n"
    "dimension is flagged with * (and in the verdict, for A-B).  \"Above\" is\n"
    "strictly above: ties do not count.\n"
    "\n"
    "GROUP: allies:S (ATOP defense obligation with S that year), allies:S:any\n"
    "(any ATOP obligation), partners:S (every dyad containing S), all, or a\n"
    "list A-B,C-D.  Default year: the latest in which all four dimensions have\n"
    "data for A-B.  --draws N repeats the comparison N times with Dirichlet\n"
    "weights around the defaults, a random normalisation and one indicator per\n"
    "dimension dropped, and reports the share of draws in which A-B ranks above\n"
    "the group median (the same --seed gives the same result).\n"
    "CSV header: a,b,year,personal,economic,military,diplomatic,composite,rank,group_size,is_subject\n"
    "\n"
    "examples:\n"
    "  entente compare CHN-RUS --with allies:USA\n"
    "  entente compare CHN-RUS --with allies:USA --year 2014 --draws 200 --seed 7\n"
    "  entente compare USA-GBR --with USA-JPN,USA-FRN,USA-GMY --format csv\n";

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"with", required_argument, NULL, 'w'},      {"year", required_argument, NULL, 'y'},
        {"config", required_argument, NULL, 'c'},    {"normalize", required_argument, NULL, 'n'},
        {"draws", required_argument, NULL, 'd'},     {"seed", required_argument, NULL, 's'},
        {"format", required_argument, NULL, 'f'},    {"output", required_argument, NULL, 'o'},
        {"db", required_argument, NULL, 'b'},        {NULL, 0, NULL, 0}};
    static const char *const cols[] = {"a", "b", "year", "personal", "economic", "military",
                                       "diplomatic", "composite", "rank", "group_size",
                                       "is_subject"};
    const char *dbpath = cli_default_db(), *outpath = NULL, *group = NULL, *config = NULL;
    const char *normalize = NULL;
    int year = 0, draws = 0, seed = 1, fmt = ENT_FMT_TABLE, c, rc = 0, a, b;
    ix_env e = {0};
    ent_ix_year y = {0};
    ent_ix_score *sc = NULL;
    long *rows = NULL, subj_row;
    size_t n = 0, subject = 0;
    ent_out *o = NULL;
    ent_status st;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'w': group = optarg; break;
        case 'y': if (!cli_int("compare", "--year", optarg, &year)) return 2; break;
        case 'c': config = optarg; break;
        case 'n': normalize = optarg; break;
        case 'd': if (!cli_int("compare", "--draws", optarg, &draws) || draws < 0) return 2; break;
        case 's': if (!cli_int("compare", "--seed", optarg, &seed)) return 2; break;
        case 'f':
            if ((fmt = ent_fmt_parse(optarg)) < 0)
                return cli_fail("compare", "--format: '%s' is not table, csv or json", optarg) + 1;
            break;
        case 'o': outpath = optarg; break;
        case 'b': dbpath = optarg; break;
        default: return cli_usage(&ent_verb_compare);
        }
    }
    if (argc - optind != 1 || !group)
        return cli_usage(&ent_verb_compare);
    if ((rc = ix_open("compare", &e, dbpath, config, normalize)))
        goto out;
    if ((st = ent_ix_pair(e.ctx, e.reg, argv[optind], year, &a, &b)) != ENT_OK) {
        rc = cli_status("compare", e.ctx, st);
        goto out;
    }
    if (!year) { /* the latest year with all four dimensions for the subject */
        if (ent_ix_latest_complete(e.ctx, ent_db_sqlite(e.db), &e.cfg, a, b, &year) != ENT_OK) {
            rc = cli_fail("compare", "no year has data on all four dimensions for %s-%s; give "
                                     "--year", ent_state_abb(e.reg, a), ent_state_abb(e.reg, b));
            goto out;
        }
    }
    if ((st = ent_ix_load_year(e.ctx, ent_db_sqlite(e.db), &e.cfg, year, &y)) != ENT_OK) {
        rc = cli_status("compare", e.ctx, st);
        goto out;
    }
    if ((subj_row = ent_ix_find(&y, a, b)) < 0) {
        int who = ent_state_member(e.reg, a, year) ? b : a;
        rc = cli_fail("compare", "%s-%s is not a dyad in %d: %s was not a COW system member",
                      ent_state_abb(e.reg, a), ent_state_abb(e.reg, b), year,
                      ent_state_abb(e.reg, who));
        goto out;
    }
    if ((st = ent_ix_group(e.ctx, ent_db_sqlite(e.db), e.reg, &y, group, &rows, &n)) != ENT_OK) {
        rc = cli_status("compare", e.ctx, st);
        goto out;
    }
    {   /* the subject is in the table, first among equals */
        size_t i;
        for (i = 0; i < n && rows[i] != subj_row; i++)
            ;
        if (i == n) {
            long *p = ent_realloc(e.ctx, rows, (n + 1) * sizeof *p);
            if (!p) {
                rc = cli_fail("compare", "out of memory");
                goto out;
            }
            rows = p;
            rows[n++] = subj_row;
        }
        for (i = 0; i < n; i++)
            if (rows[i] == subj_row)
                subject = i;
    }
    if (n < 2) {
        rc = cli_fail("compare", "the group has no dyad other than %s-%s in %d",
                      ent_state_abb(e.reg, a), ent_state_abb(e.reg, b), year);
        goto out;
    }
    sc = ent_malloc(e.ctx, n * sizeof *sc);
    {
        int *rk = ent_malloc(e.ctx, (ENT_NDIM + 1) * n * sizeof *rk);
        double *v = ent_malloc(e.ctx, n * sizeof *v);
        size_t *order = ent_malloc(e.ctx, n * sizeof *order);
        ent_ix_verdict vd;
        int anchor = 0;
        char subjname[32];
        if (!sc || !rk || !v || !order) {
            ent_free(e.ctx, rk);
            ent_free(e.ctx, v);
            ent_free(e.ctx, order);
            rc = cli_fail("compare", "out of memory");
            goto out;
        }
        for (size_t i = 0; i < n; i++)
            ent_ix_score_row(&e.cfg, &y, (size_t)rows[i], e.norm, NULL, NULL, NULL, &sc[i]);
        for (int d = 0; d <= ENT_NDIM; d++) {
            for (size_t i = 0; i < n; i++)
                v[i] = d < ENT_NDIM ? sc[i].dim[d] : sc[i].composite;
            ent_ix_rank(v, n, rk + (size_t)d * n);
        }
        ent_ix_verdict_count(sc, n, subject, &vd);
        /* the state every other dyad of the group shares (USA in allies:USA) is shown first */
        for (int side = 0; side < 2 && !anchor; side++) {
            size_t i;
            int cand = y.c1[rows[subject ? 0 : 1]];
            if (side)
                cand = y.c2[rows[subject ? 0 : 1]];
            for (i = 0; i < n; i++)
                if (i != subject && y.c1[rows[i]] != cand && y.c2[rows[i]] != cand)
                    break;
            if (i == n)
                anchor = cand;
        }
        /* rows by composite rank; missing composites last */
        for (size_t i = 0; i < n; i++)
            order[i] = i;
        for (size_t i = 1; i < n; i++) {
            size_t t = order[i], j = i;
            int rt = rk[ENT_NDIM * n + t] ? rk[ENT_NDIM * n + t] : 1 << 30;
            while (j > 0) {
                size_t u = order[j - 1];
                int ru = rk[ENT_NDIM * n + u] ? rk[ENT_NDIM * n + u] : 1 << 30;
                if (ru <= rt)
                    break;
                order[j] = u;
                j--;
            }
            order[j] = t;
        }
        snprintf(subjname, sizeof subjname, "%s-%s", ent_state_abb(e.reg, a),
                 ent_state_abb(e.reg, b));
        if ((st = ent_out_open(e.ctx, outpath, (ent_fmt)fmt, cols, 11, &o)) != ENT_OK) {
            rc = cli_status("compare", e.ctx, st);
            ent_free(e.ctx, rk);
            ent_free(e.ctx, v);
            ent_free(e.ctx, order);
            goto out;
        }
        for (size_t k = 0; k < n; k++) {
            size_t i = order[k];
            long r = rows[i];
            int c1 = y.c1[r], c2 = y.c2[r];
            int is_subj = i == subject;
            if (is_subj) { /* the subject in the order the user gave */
                c1 = a;
                c2 = b;
            } else if (anchor ? c2 == anchor : (c2 == a || c2 == b)) {
                int t = c1;
                c1 = c2;
                c2 = t;
            }
            ent_out_str(o, ent_state_abb(e.reg, c1));
            ent_out_str(o, ent_state_abb(e.reg, c2));
            ent_out_i64(o, year);
            for (int d = 0; d < ENT_NDIM; d++)
                ix_put_score(o, sc[i].dim[d]);
            if (fmt == ENT_FMT_TABLE && !isnan(sc[i].composite) && !sc[i].complete) {
                char buf[32];
                snprintf(buf, sizeof buf, "%.1f*", sc[i].composite);
                ent_out_str(o, buf);
            } else {
                ix_put_score(o, sc[i].composite);
            }
            ent_out_i64(o, rk[ENT_NDIM * n + i] ? rk[ENT_NDIM * n + i] : ENT_NA);
            ent_out_i64(o, (int64_t)n);
            if (fmt == ENT_FMT_TABLE)
                ent_out_str(o, is_subj ? "<== subject" : "");
            else
                ent_out_i64(o, is_subj);
            ent_out_row(o);
        }
        {
            char line[1024], miss[1024];
            (void)ent_ix_missing_text(&e.cfg, &y, (size_t)subj_row, miss, sizeof miss);
            ent_ix_verdict_text(&vd, subjname, line, sizeof line);
            if (fmt == ENT_FMT_TABLE) {
                ent_out_note(o, "scores 0-100 among all %zu dyads of %d (%s); * = a dimension "
                                "missing from the composite", y.n, year, ent_norm_name(e.norm));
                ent_out_note(o, "%s.", line);
                ent_out_note(o, "missing for %s in %d: %s", subjname, year, miss);
            } else {
                fprintf(stderr, "%s.\nmissing for %s in %d: %s\n", line, subjname, year,
                        miss);
            }
            if (draws > 0) {
                ent_ix_robust rb;
                char rl[640];
                ent_ix_draws(&e.cfg, &y, rows, n, subject, draws, (unsigned long long)seed, &rb);
                ent_ix_robust_text(&rb, subjname, (long long)seed, rl, sizeof rl);
                if (fmt == ENT_FMT_TABLE)
                    ent_out_note(o, "%s", rl);
                else
                    fprintf(stderr, "%s\n", rl);
            }
        }
        ent_free(e.ctx, rk);
        ent_free(e.ctx, v);
        ent_free(e.ctx, order);
    }
    st = ent_out_close(o, 1);
    o = NULL;
    if (st != ENT_OK)
        rc = cli_status("compare", e.ctx, st);
out:
    if (o)
        ent_out_close(o, 0);
    if (e.ctx) {
        ent_free(e.ctx, sc);
        ent_free(e.ctx, rows);
        ent_ix_year_free(e.ctx, &y);
    }
    ix_close(&e);
    return rc;
}

const ent_verb ent_verb_compare = {"compare",
                                   "score a relationship against a group: the claim tester", usage,
                                   run};
