/*
 * test_result.c -- ent_result: typed cells, missing values, notes, the
 * formatter, and a failed allocation at every point of making one.
 */
#include "testutil.h"
#include "api/result.h"
#include "core/core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const ent_result_coldef cols[] = {
    {"a", ENT_COL_TEXT, 0}, {"year", ENT_COL_INT, 0}, {"score", ENT_COL_REAL, 1}};

static ent_status make(ent_ctx *ctx, ent_result **out)
{
    ent_result *r;
    ent_status st = ent_result_new(ctx, cols, 3, &r);
    if (st != ENT_OK)
        return st;
    ent_result_row(r);
    ent_result_set_text(r, 0, "CHN");
    ent_result_set_int(r, 1, 2014);
    ent_result_set_real(r, 2, 87.5);
    ent_result_row(r); /* a row of missing cells but the year */
    ent_result_set_int(r, 1, 2015);
    ent_result_set_real(r, 2, NAN);
    ent_result_add_note(r, "verdict", "CHN-RUS ranks above %d of %d", 66, 66);
    ent_result_add_note(r, "coverage", "atop_alliance ends in %d", 2018);
    if ((st = ent_result_ok(r)) != ENT_OK) {
        ent_result_free(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}

static void test_cells(void **state)
{
    (void)state;
    ent_ctx *ctx = ent_ctx_new();
    ent_result *r;
    assert_int_equal(make(ctx, &r), ENT_OK);
    assert_int_equal(ent_result_ncols(r), 3);
    assert_int_equal(ent_result_nrows(r), 2);
    assert_string_equal(ent_result_colname(r, 2), "score");
    assert_null(ent_result_colname(r, 3));
    assert_int_equal(ent_result_coltype(r, 1), ENT_COL_INT);
    assert_int_equal(ent_result_col(r, "year"), 1);
    assert_int_equal(ent_result_col(r, "nope"), -1);
    assert_string_equal(ent_result_text(r, 0, 0), "CHN");
    assert_true(ent_result_int(r, 0, 1) == 2014);
    assert_near(ent_result_real(r, 0, 2), 87.5, 0);
    assert_near(ent_result_real(r, 0, 1), 2014, 0); /* INT read as REAL */
    assert_null(ent_result_text(r, 1, 0));           /* never set: missing */
    assert_true(ent_result_isna(r, 1, 0));
    assert_nan(ent_result_real(r, 1, 2));            /* NAN stays missing, not 0 */
    assert_true(ent_result_isna(r, 1, 2));
    assert_true(ent_result_int(r, 0, 0) == ENT_NA);  /* wrong type: missing */
    assert_true(ent_result_int(r, 9, 1) == ENT_NA);  /* out of range */
    double d[2];
    int64_t y[2];
    assert_int_equal(ent_result_reals(r, 2, d), ENT_OK);
    assert_near(d[0], 87.5, 0);
    assert_nan(d[1]);
    assert_int_equal(ent_result_ints(r, 1, y), ENT_OK);
    assert_true(y[0] == 2014 && y[1] == 2015);
    assert_int_equal(ent_result_ints(r, 2, y), ENT_EINVAL);
    assert_int_equal(ent_result_reals(r, 0, d), ENT_EINVAL);
    assert_int_equal(ent_result_nnotes(r), 2);
    assert_string_equal(ent_result_note_kind(r, 1), "coverage");
    assert_string_equal(ent_result_note(r, "verdict"), "CHN-RUS ranks above 66 of 66");
    assert_null(ent_result_note(r, "robustness"));
    ent_result_free(r);
    ent_ctx_free(ctx);
}

static void test_write(void **state)
{
    (void)state;
    ent_ctx *ctx = ent_ctx_new();
    ent_result *r;
    char path[] = "/tmp/ent_result_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(make(ctx, &r), ENT_OK);
    assert_int_equal(ent_result_write(ctx, r, "csv", path), ENT_OK);
    assert_string_equal(tu_slurp(path), "a,year,score\nCHN,2014,87.5\n,2015,\n");
    assert_int_equal(ent_result_write(ctx, r, "json", path), ENT_OK);
    assert_non_null(strstr(tu_slurp(path), "\"score\": null"));
    assert_int_equal(ent_result_write(ctx, r, "table", path), ENT_OK);
    assert_non_null(strstr(tu_slurp(path), "CHN-RUS ranks above 66 of 66\n"));
    assert_int_equal(ent_result_write(ctx, r, "yaml", path), ENT_EINVAL);
    assert_non_null(strstr(ent_errmsg(ctx), "yaml"));
    unlink(path);
    ent_result_free(r);
    ent_ctx_free(ctx);
}

/* fail the Nth allocation for every N: no crash, no leak, ENT_ENOMEM */
static void test_oom(void **state)
{
    (void)state;
    int ok = 0;
    for (long n = 0; n < 200 && !ok; n++) {
        ent_ctx *ctx = ent_ctx_new();
        ent_result *r = NULL;
        tu_alloc_left = n, tu_alloc_live = 0;
        ent_ctx_set_alloc(ctx, tu_failing_alloc, NULL);
        ent_status st = make(ctx, &r);
        if (st == ENT_OK) {
            ok = 1;
            ent_result_free(r);
        } else {
            assert_int_equal(st, ENT_ENOMEM);
            assert_non_null(strstr(ent_errmsg(ctx), "out of memory"));
        }
        assert_int_equal(tu_alloc_live, 0);
        ent_ctx_free(ctx);
    }
    assert_true(ok);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cells),
        cmocka_unit_test(test_write),
        cmocka_unit_test(test_oom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
