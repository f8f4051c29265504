/*
 * test_api_write.c -- the public calls that write: ent_panel_write (the
 * panel streamed to CSV or JSON, directed rows swapped by the row accessor),
 * ent_dyad through the shared formatter (the value column as `entente dyad`
 * prints it, the text column left out, the notes a caller puts elsewhere
 * left out of the table), and the option checks ent_report_check and
 * ent_index_check.  The warehouse is built
 * from tests/fixtures/panel; the values are those of tests/cli/panel_directed
 * and tests/cli/dyad_fixture, worked from the fixture's files.
 */
#include "testutil.h"
#include "entente/query.h"
#include "entente/index.h"
#include "entente/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static ent_ctx *ctx;
static ent_db *db;
static char dir[64], out[128];

static int setup(void **s)
{
    (void)s;
    if (tu_scratch(dir, sizeof dir, "test_api_write") || !(ctx = ent_ctx_new()))
        return -1;
    snprintf(out, sizeof out, "%s/out", dir);
    return tu_warehouse(ctx, dir, "w.db", "tests/fixtures/panel", NULL, &db);
}

static int teardown(void **s)
{
    (void)s;
    ent_db_close(db);
    ent_ctx_free(ctx);
    return tu_scratch_rm(dir);
}

/* slurp returns the file's text (free it), or NULL */
static char *slurp(const char *p)
{
    FILE *f = fopen(p, "rb");
    char *b;
    long n;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    b = calloc(1, (size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    return b;
}

static void test_panel_write(void **s)
{
    char *t;
    (void)s;
    assert_int_equal(ent_panel_write(db, 2014, 2014, "trade_1to2,trade_2to1,cinc_1,cinc_2,"
                                     "arms_share_1to2", 1, "csv", out), ENT_OK);
    t = slurp(out);
    assert_non_null(t);
    assert_non_null(strstr(t, "ccode1,ccode2,abb1,abb2,year,trade_1to2,trade_2to1,cinc_1,cinc_2,"
                              "arms_share_1to2\n"));
    /* the stored row and its reverse: states, directed pairs swapped; the
     * missing share of JPN's arms to the USA stays empty */
    assert_non_null(strstr(t, "\n2,740,USA,JPN,2014,67000,134000,0.14,0.04,0.75\n"));
    assert_non_null(strstr(t, "\n740,2,JPN,USA,2014,134000,67000,0.04,0.14,\n"));
    free(t);
    assert_int_equal(ent_panel_write(db, 2014, 2014, "trade_1to2,cow_defense", 1, "json", out),
                     ENT_OK);
    t = slurp(out);
    assert_non_null(t);
    assert_non_null(strstr(t, "{\"ccode1\": 740, \"ccode2\": 2, \"abb1\": \"JPN\", \"abb2\": "
                              "\"USA\", \"year\": 2014, \"trade_1to2\": 134000, \"cow_defense\": "
                              "null}"));
    free(t);
    /* refusals leave the last file as it was */
    assert_int_equal(ent_panel_write(db, 2014, 2014, NULL, 0, "table", out), ENT_EINVAL);
    assert_int_equal(ent_panel_write(db, 2014, 2014, "nosuch", 0, "csv", out), ENT_ENOTFOUND);
    assert_int_equal(ent_panel_write(db, 2015, 2014, NULL, 0, "csv", out), ENT_EINVAL);
    t = slurp(out);
    assert_non_null(strstr(t, "\"trade_1to2\": 134000"));
    free(t);
    assert_int_not_equal(ent_panel_write(db, 2014, 2014, NULL, 0, "csv", "/nonexistent/x.csv"),
                         ENT_OK);
    assert_non_null(strstr(ent_errmsg(ctx), "/nonexistent/x.csv"));
}

static void test_dyad_formatted(void **s)
{
    ent_result *r = NULL;
    char *t;
    long v;
    (void)s;
    assert_int_equal(ent_dyad(db, "JPN", "USA", 2014, 0, 0, &r), ENT_OK);
    /* readers see the typed value and the text column */
    v = ent_result_col(r, "value");
    assert_true(v >= 0);
    assert_true(ent_result_col(r, "text") >= 0);
    for (size_t i = 0; i < ent_result_nrows(r); i++)
        if (!strcmp(ent_result_text(r, i, 4), "trade_1to2"))
            assert_near(ent_result_real(r, i, (size_t)v), 134000, 0);
    assert_non_null(ent_result_note(r, "coverage"));
    /* CSV: the CLI's seven columns, whole numbers bare */
    assert_int_equal(ent_result_write_except(ctx, r, "csv", out, "coverage"), ENT_OK);
    t = slurp(out);
    assert_non_null(t);
    assert_true(!strncmp(t, "a,b,year,dimension,indicator,value,source\n", 42));
    assert_non_null(strstr(t, "\nJPN,USA,2014,economic,trade_1to2,134000,cow_trade\n"));
    assert_non_null(strstr(t, "\nJPN,USA,2014,context,cinc_1,0.04,cow_nmc\n"));
    free(t);
    /* a table: four decimals, the legend after the rows, no coverage note */
    assert_int_equal(ent_result_write_except(ctx, r, "table", out, "coverage"), ENT_OK);
    t = slurp(out);
    assert_non_null(t);
    assert_non_null(strstr(t, "0.1340  cow_trade"));
    assert_non_null(strstr(t, "directed indicators read from JPN's side\n"));
    assert_null(strstr(t, "these sources have ended"));
    free(t);
    ent_result_free(r);
}

static void test_report_check(void **s)
{
    ent_report_opts o = ENT_REPORT_OPTS_INIT;
    (void)s;
    o.subject = "CHN-RUS";
    o.group = "allies:USA";
    assert_int_equal(ent_report_check(ctx, &o), ENT_OK);
    o.normalize = "rank";
    assert_int_equal(ent_report_check(ctx, &o), ENT_EINVAL);
    assert_non_null(strstr(ent_errmsg(ctx), "'rank' is not percentile, zlog or minmax"));
    o.normalize = "zlog";
    o.from = 2010;
    assert_int_equal(ent_report_check(ctx, &o), ENT_EINVAL);
    o.to = 2009;
    assert_int_equal(ent_report_check(ctx, &o), ENT_EINVAL);
    o.to = 2018;
    o.draws = ENT_INDEX_MAX_DRAWS + 1;
    assert_int_equal(ent_report_check(ctx, &o), ENT_EINVAL);
    o.draws = 10;
    assert_int_equal(ent_report_check(ctx, &o), ENT_OK);
}

static void test_index_check(void **s)
{
    ent_index_opts o = ENT_INDEX_OPTS_INIT;
    (void)s;
    o.subject = "CHN-RUS";
    o.group = "allies:USA";
    assert_int_equal(ent_index_check(ctx, &o), ENT_OK);
    o.dimension = "economy";
    assert_int_equal(ent_index_check(ctx, &o), ENT_EINVAL);
    assert_non_null(strstr(ent_errmsg(ctx), "'economy' is not personal"));
    o.dimension = "composite";
    assert_int_equal(ent_index_check(ctx, &o), ENT_OK);
    o.normalize = "median";
    assert_int_equal(ent_index_check(ctx, &o), ENT_EINVAL);
    o.normalize = "minmax";
    o.draws = -1;
    assert_int_equal(ent_index_check(ctx, &o), ENT_EINVAL);
    o.draws = 100;
    o.year = 2014;
    o.from = 2010;
    o.to = 2014;
    assert_int_equal(ent_index_check(ctx, &o), ENT_EINVAL);
    o.year = 0;
    o.from = 2015;
    assert_int_equal(ent_index_check(ctx, &o), ENT_EINVAL);
    o.from = 2010;
    assert_int_equal(ent_index_check(ctx, &o), ENT_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_panel_write),
        cmocka_unit_test(test_dyad_formatted),
        cmocka_unit_test(test_report_check),
        cmocka_unit_test(test_index_check),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
