/*
 * test_ideal_api.c -- the public ideal-point call of entente/ideal.h
 * (ent_idealpoints) on a warehouse built from the states fixture and the
 * UN votes of sessions 75-78 (tests/fixtures/srcdata/unga_votes_voeten: 5
 * roll calls of 2020-2023, 5 states; 2023 = session 78 is partial): the
 * columns, the orientation, the partial flag and its note, the bootstrap
 * columns, --store's tables, and the failures the header lists.
 */
#include "testutil.h"
#include "entente/ideal.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static ent_ctx *ctx;
static ent_db *db;
static char dir[64];

static int setup(void **s)
{
    (void)s;
    return tu_votes_fixture(dir, sizeof dir, "test_ideal_api", &ctx, &db);
}

static int teardown(void **s)
{
    (void)s;
    ent_db_close(db);
    ent_ctx_free(ctx);
    return tu_scratch_rm(dir);
}

static long row_of(const ent_result *r, const char *state, int year)
{
    for (size_t i = 0; i < ent_result_nrows(r); i++)
        if (!strcmp(ent_result_text(r, i, 0), state) && ent_result_int(r, i, 2) == year)
            return (long)i;
    return -1;
}

static void test_fit(void **s)
{
    static const char *const names[] = {"state", "ccode", "year", "estimate", "se",
                                        "lo",    "hi",    "nvotes", "partial"};
    ent_idealpoints_opts o = ENT_IDEALPOINTS_OPTS_INIT;
    ent_result *r = NULL;
    (void)s;
    assert_int_equal(ent_idealpoints(db, &o, &r), ENT_OK);
    assert_int_equal((int)ent_result_ncols(r), 9);
    for (size_t j = 0; j < 9; j++)
        assert_string_equal(ent_result_colname(r, j), names[j]);
    /* 5 states x 3 years with votes (2022 has no roll call) */
    assert_int_equal((int)ent_result_nrows(r), 15);
    long usa = row_of(r, "USA", 2020), rus = row_of(r, "RUS", 2020), p = row_of(r, "USA", 2023);
    assert_true(usa >= 0 && rus >= 0 && p >= 0);
    assert_true(ent_result_real(r, (size_t)usa, 3) > 0);
    assert_true(ent_result_real(r, (size_t)rus, 3) < 0);
    assert_true(isnan(ent_result_real(r, (size_t)usa, 4))); /* no bootstrap: se missing */
    assert_int_equal(ent_result_int(r, (size_t)usa, 7), 2);
    assert_int_equal(ent_result_int(r, (size_t)usa, 8), 0);
    assert_int_equal(ent_result_int(r, (size_t)p, 8), 1);
    assert_null(strstr(ent_result_note(r, "convergence"), "NOT"));
    assert_non_null(strstr(ent_result_note(r, "coverage"), "2023 is partial: session 78"));
    assert_non_null(strstr(ent_result_note(r, "data"), "5 roll calls"));
    ent_result_free(r);

    /* a range past the votes says where they end; the partial year is
     * outside a range that stops before it */
    o.from = 2020;
    o.to = 2021;
    assert_int_equal(ent_idealpoints(db, &o, &r), ENT_OK);
    assert_null(ent_result_note(r, "coverage"));
    assert_int_equal((int)ent_result_nrows(r), 10);
    ent_result_free(r);
    o.to = 2025;
    assert_int_equal(ent_idealpoints(db, &o, &r), ENT_OK);
    assert_non_null(strstr(ent_result_note(r, "coverage"), "the UN votes end in 2023"));
    ent_result_free(r);
}

static void test_bootstrap_store(void **s)
{
    ent_idealpoints_opts o = ENT_IDEALPOINTS_OPTS_INIT;
    ent_result *r = NULL, *r1 = NULL;
    (void)s;
    o.bootstrap = 6;
    o.seed = 5;
    o.store = 1;
    assert_int_equal(ent_idealpoints(db, &o, &r), ENT_OK);
    for (size_t i = 0; i < ent_result_nrows(r); i++) {
        assert_true(ent_result_real(r, i, 4) > 0);
        assert_true(ent_result_real(r, i, 5) <= ent_result_real(r, i, 6));
    }
    assert_non_null(strstr(ent_result_note(r, "bootstrap"), "6 parametric-bootstrap refits"));
    assert_non_null(ent_result_note(r, "store"));
    /* the same seed on one thread: the same standard errors */
    o.threads = 1;
    o.store = 0;
    assert_int_equal(ent_idealpoints(db, &o, &r1), ENT_OK);
    for (size_t i = 0; i < ent_result_nrows(r); i++)
        assert_near(ent_result_real(r, i, 4), ent_result_real(r1, i, 4), 1e-3);
    ent_result_free(r);
    ent_result_free(r1);
}

static void test_failures(void **s)
{
    ent_idealpoints_opts o = ENT_IDEALPOINTS_OPTS_INIT;
    ent_result *r = NULL;
    (void)s;
    o.from = 2030;
    o.to = 2031;
    assert_int_equal(ent_idealpoints(db, &o, &r), ENT_ENODATA);
    assert_null(r);
    assert_non_null(strstr(ent_errmsg(ctx), "no votes in 2030-2031"));
    o = (ent_idealpoints_opts)ENT_IDEALPOINTS_OPTS_INIT;
    o.from = 2023;
    o.to = 2020;
    assert_int_equal(ent_idealpoints(db, &o, &r), ENT_EINVAL);
    o = (ent_idealpoints_opts)ENT_IDEALPOINTS_OPTS_INIT;
    o.bootstrap = 1;
    assert_int_equal(ent_idealpoints(db, &o, &r), ENT_EINVAL);
    o = (ent_idealpoints_opts)ENT_IDEALPOINTS_OPTS_INIT;
    o.threads = 17;
    assert_int_equal(ent_idealpoints(db, &o, &r), ENT_EINVAL);
    o = (ent_idealpoints_opts)ENT_IDEALPOINTS_OPTS_INIT;
    o.omega2 = -1;
    assert_int_equal(ent_idealpoints(db, &o, &r), ENT_EINVAL);
    o = (ent_idealpoints_opts)ENT_IDEALPOINTS_OPTS_INIT;
    o.issues = "zz";
    assert_int_equal(ent_idealpoints(db, &o, &r), ENT_EINVAL);
    o.issues = ",,";
    assert_int_equal(ent_idealpoints(db, &o, &r), ENT_EINVAL);
    assert_null(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fit),
        cmocka_unit_test(test_bootstrap_store),
        cmocka_unit_test(test_failures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
