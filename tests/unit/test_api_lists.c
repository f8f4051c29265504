/*
 * test_api_lists.c -- the public calls of entente/query.h that list the
 * warehouse's contents (ent_states, ent_loaded_sources), the meetings of two
 * states per year (ent_meetings_by_year), the codebook (ent_codebook's table
 * forms, ent_codebook_markdown), and the shared formatter's layout
 * (ent_result_print: warnings apart, hidden columns, a cell's short form),
 * and a failed allocation at every point of ent_codebook.
 * Warehouses: tests/fixtures/states (27 COW spells, 21 codelist rows) and
 * tests/fixtures/meetings, values as tests/cli/states_resolve,
 * tests/cli/sources_list and tests/cli/meetings_coverage print them.
 */
#include "testutil.h"
#include "entente/query.h"
#include "api/result.h" /* ent_result_shown: the short form a table prints */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static ent_ctx *ctx;
static ent_db *sdb, *mdb;
static char dir[64];

static int setup(void **s)
{
    (void)s;
    if (tu_scratch(dir, sizeof dir, "test_api_lists") || !(ctx = ent_ctx_new()) ||
        tu_warehouse(ctx, dir, "s.db", "tests/fixtures/states", "states", &sdb))
        return -1;
    return tu_warehouse(ctx, dir, "m.db", "tests/fixtures/meetings", NULL, &mdb);
}

static int teardown(void **s)
{
    (void)s;
    ent_db_close(sdb);
    ent_db_close(mdb);
    ent_ctx_free(ctx);
    return tu_scratch_rm(dir);
}

static void test_states(void **s)
{
    const char *names[] = {"RUS", "russian federation", "Germany", "Yemen"};
    ent_result *r;
    (void)s;
    assert_int_equal(ent_states(sdb, names, 4, 1980, &r), ENT_OK);
    assert_int_equal(ent_result_nrows(r), 4);
    assert_string_equal(ent_result_colname(r, 4), "member");
    assert_string_equal(ent_result_text(r, 1, 0), "russian federation");
    assert_int_equal(ent_result_int(r, 1, 1), 365);
    assert_string_equal(ent_result_text(r, 1, 2), "RUS");
    assert_int_equal(ent_result_int(r, 2, 1), 260); /* Germany in 1980: the GFR */
    assert_string_equal(ent_result_text(r, 2, 3), "German Federal Republic");
    assert_int_equal(ent_result_int(r, 3, 1), 678); /* Yemen Arab Republic */
    assert_string_equal(ent_result_text(r, 3, 4), "yes");
    ent_result_free(r);
    /* without a year, member is missing; the GDR is no member in 2000 */
    names[0] = "GDR";
    assert_int_equal(ent_states(sdb, names, 1, 0, &r), ENT_OK);
    assert_null(ent_result_text(r, 0, 4));
    ent_result_free(r);
    assert_int_equal(ent_states(sdb, names, 1, 2000, &r), ENT_OK);
    assert_string_equal(ent_result_text(r, 0, 4), "no");
    ent_result_free(r);
    /* the members of 1990: 19 in the fixture, ascending by code, input = abb */
    assert_int_equal(ent_states(sdb, NULL, 0, 1990, &r), ENT_OK);
    assert_int_equal(ent_result_nrows(r), 19);
    assert_int_equal(ent_result_int(r, 0, 1), 2);
    assert_string_equal(ent_result_text(r, 0, 0), "USA");
    for (size_t i = 1; i < ent_result_nrows(r); i++) {
        assert_true(ent_result_int(r, i - 1, 1) < ent_result_int(r, i, 1));
        assert_string_equal(ent_result_text(r, i, 4), "yes");
    }
    ent_result_free(r);
    /* every state ever: 22 codes (27 spells, five states with two) */
    assert_int_equal(ent_states(sdb, NULL, 0, 0, &r), ENT_OK);
    assert_int_equal(ent_result_nrows(r), 22);
    ent_result_free(r);
    /* one bad name: nothing */
    names[0] = "Narnia";
    assert_int_equal(ent_states(sdb, names, 2, 0, &r), ENT_ENOTFOUND);
    assert_null(r);
    names[0] = "AUS";
    assert_int_equal(ent_states(sdb, names, 1, 0, &r), ENT_EAMBIG);
    assert_non_null(strstr(ent_errmsg(ctx), "AUL Australia (900)"));
}

static void test_loaded_sources(void **s)
{
    ent_result *r;
    (void)s;
    assert_int_equal(ent_loaded_sources(sdb, 0, &r), ENT_OK);
    assert_int_equal(ent_result_ncols(r), 9);
    assert_int_equal(ent_result_nrows(r), 1);
    assert_string_equal(ent_result_text(r, 0, 0), "states");
    assert_int_equal(ent_result_int(r, 0, 1), 48); /* 27 spells + 21 codelist rows */
    assert_int_equal(ent_result_int(r, 0, 2), 48);
    assert_int_equal(ent_result_int(r, 0, 3), 0);
    assert_string_equal(ent_result_text(r, 0, 4), "1816-2016");
    assert_string_equal(ent_result_text(r, 0, 5), "1816-2016");
    assert_true(!strncmp(ent_result_text(r, 0, 6), "full", 4));
    assert_false(ent_result_isna(r, 0, 7));
    assert_string_equal(ent_result_text(r, 0, 8), "unlisted file"); /* fixtures are not in the manifest */
    ent_result_free(r);
    assert_int_equal(ent_loaded_sources(mdb, 1, &r), ENT_OK);
    assert_int_equal(ent_result_ncols(r), 10);
    assert_string_equal(ent_result_colname(r, 9), "rejects");
    assert_true(ent_result_nrows(r) > 2);
    ent_result_free(r);
}

static void test_meetings_by_year(void **s)
{
    ent_result *r;
    (void)s;
    /* CHN-RUS: the China Vitae fixture covers 2009-2018 */
    assert_int_equal(ent_meetings_by_year(mdb, "CHN", "RUS", 2017, 2020, &r), ENT_OK);
    assert_int_equal(ent_result_nrows(r), 4);
    assert_int_equal(ent_result_int(r, 0, 2), 2017);
    assert_int_equal(ent_result_int(r, 0, 3), 0); /* covered, none: 0 */
    assert_string_equal(ent_result_text(r, 0, 6), "china_vitae");
    assert_int_equal(ent_result_int(r, 1, 3), 2);
    assert_int_equal(ent_result_int(r, 1, 4), 4);
    assert_int_equal(ent_result_int(r, 1, 5), 1);
    assert_true(ent_result_isna(r, 2, 3)); /* 2019: no source covers it: missing */
    assert_null(ent_result_text(r, 2, 6));
    assert_non_null(strstr(ent_result_note(r, "coverage"), "cover CHN-RUS in 2009-2018"));
    ent_result_free(r);
    /* no range: the covered years, no coverage note */
    assert_int_equal(ent_meetings_by_year(mdb, "China", "Russia", 0, 0, &r), ENT_OK);
    assert_int_equal(ent_result_int(r, 0, 2), 2009);
    assert_int_equal(ent_result_nrows(r), 10);
    assert_null(ent_result_note(r, "coverage"));
    ent_result_free(r);
    assert_int_equal(ent_meetings_by_year(mdb, "CHN", "RUS", 2020, 1800, &r), ENT_EINVAL);
    assert_null(r);
    assert_int_equal(ent_meetings_by_year(mdb, "CHN", "China", 0, 0, &r), ENT_EINVAL);
    assert_int_equal(ent_meetings_by_year(mdb, "CHN", "Ruritania", 0, 0, &r), ENT_ENOTFOUND);
    assert_int_equal(ent_meetings_by_year(sdb, "CHN", "RUS", 0, 0, &r), ENT_ENODATA);
}

static void test_codebook_forms(void **s)
{
    ent_result *r;
    long cov, ind;
    int num;
    char path[96];
    FILE *fp;
    (void)s;
    assert_int_equal(ent_codebook(ctx, "military", &r), ENT_OK);
    assert_true(ent_result_col_hidden(r, 7)); /* the definition: CSV and JSON only */
    assert_false(ent_result_col_hidden(r, 5));
    cov = ent_result_col(r, "coverage");
    ind = ent_result_col(r, "indicator");
    for (size_t i = 0; i < ent_result_nrows(r); i++) {
        if (strcmp(ent_result_text(r, i, (size_t)ind), "us_troops"))
            continue;
        /* the full text carries the note; a table shows the years, partial */
        assert_true(!strncmp(ent_result_text(r, i, (size_t)cov), "1950-2024; ", 11));
        assert_string_equal(ent_result_shown(r, i, (size_t)cov, ENT_SHOW_TABLE, &num),
                            "1950-2024 (partial)");
    }
    assert_null(ent_result_shown(r, 0, 0, ENT_SHOW_TABLE, &num));
    ent_result_free(r);
    assert_int_equal(ent_codebook(ctx, "economy", &r), ENT_EINVAL);
    assert_null(r);

    snprintf(path, sizeof path, "%s/cb.md", dir);
    assert_non_null(fp = fopen(path, "w"));
    assert_int_equal(ent_codebook_markdown(ctx, fp), ENT_OK);
    fclose(fp);
    assert_non_null(strstr(tu_slurp(path), "### Military\n\n| indicator | unit | directed | source "
                                         "| coverage | no row | definition |\n"));
    assert_non_null(strstr(tu_slurp(path), "| `atop_defense` | 0/1 | no | atop_alliance | "
                                        "1815-2018 | 0 |"));
}

static void test_print(void **s)
{
    ent_result *r;
    ent_print_opts o = {0};
    char out[96], warn[96];
    const char *t;
    FILE *wf;
    (void)s;
    snprintf(out, sizeof out, "%s/out.txt", dir);
    snprintf(warn, sizeof warn, "%s/warn.txt", dir);
    assert_int_equal(ent_meetings_by_year(mdb, "CHN", "RUS", 2018, 2019, &r), ENT_OK);
    /* warnings apart, with the prefix, and not after the table */
    assert_non_null(wf = fopen(warn, "w"));
    o.path = out;
    o.warn = wf;
    o.warn_prefix = "entente: meetings: ";
    o.footer = "the end";
    assert_int_equal(ent_result_print(ctx, r, &o), ENT_OK);
    fclose(wf);
    assert_true(!strncmp(tu_slurp(warn), "entente: meetings: coverage: the meeting records cover "
                                      "CHN-RUS in 2009-2018", 75));
    t = tu_slurp(out);
    assert_true(!strncmp(t, "state_a  state_b  year  meet_episodes", 37));
    assert_null(strstr(t, "coverage: the meeting"));
    assert_non_null(strstr(t, "\nepisodes: runs of consecutive days"));
    assert_non_null(strstr(t, "empty = no source covers the dyad-year\nthe end\n"));
    /* without a warning stream, the warning follows the table; CSV has rows only */
    assert_int_equal(ent_result_write(ctx, r, "table", out), ENT_OK);
    assert_non_null(strstr(tu_slurp(out), "\ncoverage: the meeting records cover"));
    assert_int_equal(ent_result_write(ctx, r, "csv", out), ENT_OK);
    assert_string_equal(tu_slurp(out), "state_a,state_b,year,meet_episodes,meet_days,meet_calls,"
                                    "meet_coverage\nCHN,RUS,2018,2,4,1,china_vitae\n"
                                    "CHN,RUS,2019,,,,\n");
    ent_result_free(r);
    /* a hidden column: left out of a table, kept in CSV */
    assert_int_equal(ent_codebook(ctx, "context", &r), ENT_OK);
    assert_int_equal(ent_result_write(ctx, r, "table", out), ENT_OK);
    assert_null(strstr(tu_slurp(out), "definition"));
    assert_int_equal(ent_result_write(ctx, r, "csv", out), ENT_OK);
    assert_true(!strncmp(tu_slurp(out), "indicator,dimension,unit,directed,source,coverage,absent,"
                                     "definition\n", 67));
    o.format = "yaml";
    assert_int_equal(ent_result_print(ctx, r, &o), ENT_EINVAL);
    ent_result_free(r);
}

/* fail the Nth allocation for every N: no crash, no leak, ENT_ENOMEM */
static void test_oom(void **s)
{
    int ok = 0;
    (void)s;
    for (long n = 0; n < 20000 && !ok; n++) {
        ent_ctx *c = ent_ctx_new();
        ent_result *r = NULL;
        ent_status st;
        tu_alloc_left = n, tu_alloc_live = 0;
        ent_ctx_set_alloc(c, tu_failing_alloc, NULL);
        st = ent_codebook(c, NULL, &r);
        if (st == ENT_OK) {
            ok = 1;
            assert_true(!strncmp(ent_result_text(r, 0, 5), "partial: the dyad-years a", 25));
            ent_result_free(r);
        } else {
            assert_int_equal(st, ENT_ENOMEM);
            assert_null(r);
        }
        assert_int_equal(tu_alloc_live, 0);
        ent_ctx_free(c);
    }
    assert_true(ok);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_states),
        cmocka_unit_test(test_loaded_sources),
        cmocka_unit_test(test_meetings_by_year),
        cmocka_unit_test(test_codebook_forms),
        cmocka_unit_test(test_print),
        cmocka_unit_test(test_oom),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
