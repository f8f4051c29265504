/*
 * cmd_rank.c -- `entente rank`: the most consequential relationships of a
 * year, in the world or of one state, by the composite or one dimension.
 */
#include "ix_common.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: entente rank [--year Y] [--state S] [--dimension D] [--top N] [--complete]\n"
    "                    [--config FILE] [--normalize M] [--format table|csv|json] [-o FILE]\n"
    "                    [--db FILE]\n"
    "\n"
    "List the most consequential relationships of year Y among all dyads of the\n"
    "world (or only those of state S, keeping their world ranks), by the\n"
    "composite or by one dimension D (personal, economic, military,\n"
    "diplomatic).  Dyads whose score is missing are not ranked.  Default year:\n"
    "the latest in which some dyad has data on all four dimensions; default\n"
    "--top 20.  A composite lacking a dimension is flagged (complete = 0);\n"
    "--complete lists only dyads with all four dimensions (ranks stay world\n"
    "ranks among all composites).\n"
    "\n"
    "examples:\n"
    "  entente rank --year 2014 --top 10\n"
    "  entente rank --year 2014 --state RUS --top 5\n"
    "  entente rank --year 2014 --complete --top 10\n"
    "  entente rank --year 2010 --dimension economic --top 5 --format csv\n";

static const int *by_rank; /* qsort's key: the ranks being ordered */

static int cmp_rank(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    if (by_rank[a] != by_rank[b])
        return by_rank[a] < by_rank[b] ? -1 : 1;
    return (a > b) - (a < b); /* ties: panel order (ccode1, ccode2) */
}

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"year", required_argument, NULL, 'y'},      {"state", required_argument, NULL, 's'},
        {"dimension", required_argument, NULL, 'D'}, {"top", required_argument, NULL, 't'},
        {"config", required_argument, NULL, 'c'},    {"normalize", required_argument, NULL, 'n'},
        {"format", required_argument, NULL, 'f'},    {"output", required_argument, NULL, 'o'},
        {"db", required_argument, NULL, 'b'},        {"complete", no_argument, NULL, 'C'},
        {NULL, 0, NULL, 0}};
    static const char *const cols[] = {"rank", "a", "b", "year", "personal", "economic",
                                       "military", "diplomatic", "composite", "complete"};
    const char *dbpath = cli_default_db(), *outpath = NULL, *config = NULL, *normalize = NULL;
    const char *state = NULL, *dimname = NULL;
    int year = 0, top = 20, fmt = ENT_FMT_TABLE, c, rc = 0, dim = ENT_NDIM, s = 0, only = 0;
    ix_env e = {0};
    ent_ix_year y = {0};
    ent_ix_score *sc = NULL;
    int *rk = NULL;
    size_t *order = NULL;
    ent_out *o = NULL;
    ent_status st;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'y': if (!cli_int("rank", "--year", optarg, &year)) return 2; break;
        case 's': state = optarg; break;
        case 'D': dimname = optarg; break;
        case 't': if (!cli_int("rank", "--top", optarg, &top) || top < 1) return 2; break;
        case 'c': config = optarg; break;
        case 'n': normalize = optarg; break;
        case 'f':
            if ((fmt = ent_fmt_parse(optarg)) < 0)
                return cli_fail("rank", "--format: '%s' is not table, csv or json", optarg) + 1;
            break;
        case 'o': outpath = optarg; break;
        case 'b': dbpath = optarg; break;
        case 'C': only = 1; break;
        default: return cli_usage(&ent_verb_rank);
        }
    }
    if (optind != argc)
        return cli_usage(&ent_verb_rank);
    if (dimname) {
        for (dim = 0; dim < ENT_NDIM && strcmp(dimname, ent_ix_dims[dim]); dim++)
            ;
        if (dim == ENT_NDIM && strcmp(dimname, "composite"))
            return cli_fail("rank", "--dimension: '%s' is not personal, economic, military, "
                                    "diplomatic or composite", dimname) + 1;
    }
    if ((rc = ix_open("rank", &e, dbpath, config, normalize)))
        goto out;
    if (state && (st = ent_state_resolve(e.ctx, e.reg, state, year, &s)) != ENT_OK) {
        rc = cli_status("rank", e.ctx, st);
        goto out;
    }
    if (!year) {
        if (!(year = ix_latest_year(&e, 0, 0, &y))) {
            rc = cli_fail("rank", "no year has a dyad with data on all four dimensions");
            goto out;
        }
    } else if ((st = ent_ix_load_year(e.ctx, ent_db_sqlite(e.db), &e.cfg, year, &y)) != ENT_OK) {
        rc = cli_status("rank", e.ctx, st);
        goto out;
    }
    if (s && !ent_state_member(e.reg, s, year)) {
        rc = cli_fail("rank", "%s was not a COW system member in %d", ent_state_abb(e.reg, s), year);
        goto out;
    }
    if ((rc = ix_score_year("rank", &e, &y, &sc, &rk)))
        goto out;
    order = ent_malloc(e.ctx, y.n * sizeof *order);
    if (!order) {
        rc = cli_fail("rank", "out of memory");
        goto out;
    }
    {
        size_t k = 0, ranked = 0, incomplete = 0;
        const int *R = rk + (size_t)dim * y.n;
        for (size_t r = 0; r < y.n; r++) {
            ranked += R[r] != 0;
            if (R[r] && (!s || y.c1[r] == s || y.c2[r] == s) && (!only || sc[r].complete))
                order[k++] = r;
        }
        by_rank = R;
        qsort(order, k, sizeof *order, cmp_rank);
        if ((st = ent_out_open(e.ctx, outpath, (ent_fmt)fmt, cols, 10, &o)) != ENT_OK) {
            rc = cli_status("rank", e.ctx, st);
            goto out;
        }
        for (size_t i = 0; i < k && (int)i < top; i++) {
            size_t r = order[i];
            int c1 = y.c1[r], c2 = y.c2[r];
            incomplete += !sc[r].complete;
            if (s && c2 == s) {
                c2 = c1;
                c1 = s;
            }
            ent_out_i64(o, R[r]);
            ent_out_str(o, ent_state_abb(e.reg, c1));
            ent_out_str(o, ent_state_abb(e.reg, c2));
            ent_out_i64(o, year);
            for (int d = 0; d < ENT_NDIM; d++)
                ix_put_score(o, sc[r].dim[d]);
            ix_put_score(o, sc[r].composite);
            ent_out_i64(o, sc[r].complete);
            ent_out_row(o);
        }
        ent_out_note(o, "world ranks by %s among the %zu of %zu dyads of %d with a score (%s); "
                        "scores 0-100", dim < ENT_NDIM ? ent_ix_dims[dim] : "composite", ranked,
                     y.n, year, ent_norm_name(e.norm));
        if (only)
            ent_out_note(o, "--complete: %zu dyads%s%s have all four dimensions; only those are "
                            "listed", k, s ? " of " : "", s ? ent_state_abb(e.reg, s) : "");
        else if (incomplete)
            ent_out_note(o, "%zu of the %d listed lack a dimension (complete = 0); --complete "
                            "lists only complete composites", incomplete,
                         k < (size_t)top ? (int)k : top);
        st = ent_out_close(o, 1);
        o = NULL;
        if (st != ENT_OK)
            rc = cli_status("rank", e.ctx, st);
    }
out:
    if (o)
        ent_out_close(o, 0);
    if (e.ctx) {
        ent_free(e.ctx, sc);
        ent_free(e.ctx, rk);
        ent_free(e.ctx, order);
        ent_ix_year_free(e.ctx, &y);
    }
    ix_close(&e);
    return rc;
}

const ent_verb ent_verb_rank = {"rank", "the most consequential relationships of a year", usage,
                                run};
