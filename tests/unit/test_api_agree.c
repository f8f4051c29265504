/*
 * test_api_agree.c -- the public calls of entente/agree.h: ent_agreement
 * and ent_agreement_with on a warehouse built from the registry fixture
 * (tests/fixtures/states) and the UN votes of sessions 75-78
 * (tests/fixtures/srcdata/unga_votes_voeten: CHN, GBR, JPN, RUS, USA on six
 * roll calls), and ent_similarity on arrays and on a CSV.  The values are
 * worked by hand from the fixture (see each test) and agree with
 * tests/cli/agree_voeten_fixture and tests/cli/similarity_*; a failed
 * allocation at every point of ent_similarity.
 */
#include "testutil.h"
#include "entente/agree.h"

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
    return tu_votes_fixture(dir, sizeof dir, "test_api_agree", &ctx, &db);
}

static int teardown(void **s)
{
    (void)s;
    ent_db_close(db);
    ent_ctx_free(ctx);
    return tu_scratch_rm(dir);
}

/* has_note is 1 when a note of kind holds text */
static int has_note(const ent_result *r, const char *kind, const char *text)
{
    for (size_t k = 0; k < ent_result_nnotes(r); k++)
        if (!strcmp(ent_result_note_kind(r, k), kind) &&
            strstr(ent_result_note_text(r, k), text))
            return 1;
    return 0;
}

static void test_query_check(void **s)
{
    ent_agree_query q = {0};
    (void)s;
    assert_int_equal(ent_agree_query_check(ctx, &q), ENT_OK);
    q.measures = "s,tau";
    assert_int_equal(ent_agree_query_check(ctx, &q), ENT_EINVAL);
    assert_string_equal(ent_errmsg(ctx),
                        "--measure: 's,tau' is not a comma list of agree, s, pi, kappa");
    q.measures = "s,s";
    assert_int_equal(ent_agree_query_check(ctx, &q), ENT_EINVAL);
    q.measures = "kappa,agree";
    q.weights = "cubic";
    assert_int_equal(ent_agree_query_check(ctx, &q), ENT_EINVAL);
    assert_non_null(strstr(ent_errmsg(ctx), "--weights: 'cubic'"));
    q.weights = "nominal";
    q.from = 2019;
    q.to = 2010;
    assert_int_equal(ent_agree_query_check(ctx, &q), ENT_EINVAL);
    assert_string_equal(ent_errmsg(ctx), "--from 2019 --to 2010 is not a year range");
    q.to = 2020;
    assert_int_equal(ent_agree_query_check(ctx, &q), ENT_OK);
}

static void test_agreement(void **s)
{
    ent_agree_query q = {0};
    ent_result *r;
    (void)s;
    /* CHN-RUS 2019-2024, session years: 2020 CHN abstain/yes vs RUS no/yes:
     * n 2, agree .5, S = 1 - 2(1/2)/2 = .5; 2021 both no once; 2022 none;
     * 2023 (session 78, still open) both yes twice */
    q.from = 2019;
    q.to = 2024;
    assert_int_equal(ent_agreement(db, "China", "RUS", &q, &r), ENT_OK);
    assert_int_equal(ent_result_ncols(r), 9);
    assert_int_equal(ent_result_nrows(r), 6);
    assert_string_equal(ent_result_text(r, 0, 0), "CHN");
    assert_true(ent_result_isna(r, 0, 3)); /* 2019: before the votes */
    assert_true(ent_result_isna(r, 0, 8));
    assert_int_equal(ent_result_int(r, 1, 3), 2);
    assert_near(ent_result_real(r, 1, 4), 0.5, 1e-12);
    assert_near(ent_result_real(r, 1, 5), 0.5, 1e-12);
    assert_int_equal(ent_result_int(r, 3, 3), 0); /* 2022: no roll call both voted */
    assert_nan(ent_result_real(r, 3, 4));          /* missing, never 0 */
    assert_int_equal(ent_result_int(r, 4, 8), 1);  /* 2023 partial */
    assert_true(has_note(r, "coverage", "the UN votes begin in 2020: 2019 has no data"));
    assert_true(has_note(r, "coverage", "end in 2023 (unga_votes_voeten, last roll call "
                                        "2024-06-04): 2024 has no data"));
    assert_true(has_note(r, "coverage", "2023 is partial: session 78"));
    assert_true(has_note(r, "info", "quadratic weights"));
    ent_result_free(r);

    /* measures chosen and ordered; calendar years: 2023 holds 411 only (both
     * yes) and 2024 holds 9464 (both yes), cut short when the data end */
    q.measures = "kappa,agree";
    q.calendar = 1;
    q.weights = "nominal";
    assert_int_equal(ent_agreement(db, "CHN", "RUS", &q, &r), ENT_OK);
    assert_int_equal(ent_result_ncols(r), 7);
    assert_string_equal(ent_result_colname(r, 4), "kappa");
    assert_string_equal(ent_result_colname(r, 5), "agree");
    assert_int_equal(ent_result_int(r, 4, 2), 2023);
    assert_int_equal(ent_result_int(r, 4, 3), 1);
    assert_int_equal(ent_result_int(r, 5, 3), 1);
    assert_int_equal(ent_result_int(r, 5, 6), 1);
    assert_true(has_note(r, "coverage", "calendar year 2024 is partial"));
    assert_true(has_note(r, "info", "nominal weights"));
    ent_result_free(r);

    /* an issue: me is roll call 9164 alone (CHN yes, USA no): agree 0, S -1 */
    memset(&q, 0, sizeof q);
    q.from = 2020;
    q.to = 2021;
    q.issue = "me";
    assert_int_equal(ent_agreement(db, "CHN", "USA", &q, &r), ENT_OK);
    assert_int_equal(ent_result_int(r, 0, 3), 1);
    assert_near(ent_result_real(r, 0, 4), 0, 0);
    assert_near(ent_result_real(r, 0, 5), -1, 1e-12);
    assert_int_equal(ent_result_int(r, 1, 3), 0);
    assert_true(has_note(r, "info", "issue me"));
    ent_result_free(r);

    /* no range: only the years the dyad exists (all of 2020-2023 here) */
    assert_int_equal(ent_agreement(db, "CHN", "RUS", NULL, &r), ENT_OK);
    assert_int_equal(ent_result_nrows(r), 4);
    assert_int_equal(ent_result_int(r, 0, 2), 2020);
    ent_result_free(r);
    /* the GDR ended in 1990: never a dyad with China in the votes' years */
    assert_int_equal(ent_agreement(db, "CHN", "GDR", NULL, &r), ENT_OK);
    assert_int_equal(ent_result_nrows(r), 0);
    assert_true(has_note(r, "info", "CHN and GDR are never both COW system members in 2020-2023"));
    ent_result_free(r);

    q.issue = "xx";
    assert_int_equal(ent_agreement(db, "CHN", "USA", &q, &r), ENT_EINVAL);
    assert_null(r);
    assert_int_equal(ent_agreement(db, "CHN", "China", NULL, &r), ENT_EINVAL);
    assert_int_equal(ent_agreement(db, "CHN", "Narnia", NULL, &r), ENT_ENOTFOUND);
    assert_null(r);
}

static void test_agreement_with(void **s)
{
    ent_agree_query q = {0};
    ent_result *r;
    (void)s;
    /* 2020: roll calls 9241 (CHN 2, GBR 1, JPN 1, RUS 3, USA 3) and 9164
     * (CHN 1, GBR 2, JPN 2, RUS 1, USA 3).  S (dmax 2): RUS 1 - 2(1/2)/2 =
     * .5; GBR and JPN 1 - 2(2/2)/2 = 0; USA 1 - 2(3/2)/2 = -.5.  Ties by n,
     * then COW code: UKG (200) before JPN (740). */
    q.measures = "s";
    assert_int_equal(ent_agreement_with(db, "CHN", 2020, 0, &q, &r), ENT_OK);
    assert_int_equal(ent_result_nrows(r), 4); /* states without votes are left out */
    assert_int_equal(ent_result_ncols(r), 6);
    assert_string_equal(ent_result_text(r, 0, 1), "RUS");
    assert_near(ent_result_real(r, 0, 4), 0.5, 1e-12);
    assert_string_equal(ent_result_text(r, 1, 1), "UKG");
    assert_string_equal(ent_result_text(r, 2, 1), "JPN");
    assert_near(ent_result_real(r, 2, 4), 0, 1e-12);
    assert_string_equal(ent_result_text(r, 3, 1), "USA");
    assert_near(ent_result_real(r, 3, 4), -0.5, 1e-12);
    ent_result_free(r);
    /* agree: RUS .5, then USA, UKG, JPN at 0 by code; top 2 */
    q.measures = "agree";
    assert_int_equal(ent_agreement_with(db, "CHN", 2020, 2, &q, &r), ENT_OK);
    assert_int_equal(ent_result_nrows(r), 2);
    assert_string_equal(ent_result_text(r, 0, 1), "RUS");
    assert_string_equal(ent_result_text(r, 1, 1), "USA");
    ent_result_free(r);
    /* 2023 is the partial year */
    assert_int_equal(ent_agreement_with(db, "CHN", 2023, 0, NULL, &r), ENT_OK);
    assert_int_equal(ent_result_int(r, 0, 8), 1);
    assert_true(has_note(r, "coverage", "2023 is partial"));
    ent_result_free(r);
    assert_int_equal(ent_agreement_with(db, "CHN", 2020, -1, NULL, &r), ENT_EINVAL);
    assert_null(r);
}

static void test_similarity(void **s)
{
    /* Signorino & Ritter (1999): (3,3,2,2) vs (2,2,3,3), w (.5,.3,.1,.1),
     * dmax 3: S = 1 - 2(4/4)/3 = 1/3, weighted the same; squared 1 - 2/9 */
    static const double x[] = {3, 3, 2, 2}, y[] = {2, 2, 3, 3}, w[] = {.5, .3, .1, .1};
    ent_similarity_input in = {0};
    ent_result *r;
    char path[128];
    FILE *fp;
    (void)s;
    in.x = x;
    in.y = y;
    in.w = w;
    in.n = 4;
    in.lo = 0;
    in.hi = 3;
    assert_int_equal(ent_similarity(ctx, &in, &r), ENT_OK);
    assert_int_equal(ent_result_nrows(r), 10);
    assert_string_equal(ent_result_text(r, 0, 0), "s");
    assert_near(ent_result_real(r, 0, 1), 1.0 / 3, 1e-12);
    assert_near(ent_result_real(r, 1, 1), 1.0 / 3, 1e-12);
    assert_near(ent_result_real(r, 2, 1), 1 - 2.0 / 9, 1e-12);
    assert_string_equal(ent_result_text(r, 9, 0), "taub");
    assert_near(ent_result_real(r, 9, 1), -1, 1e-12);
    assert_string_equal(ent_result_note(r, "info"), "4 items, levels 0:3");
    ent_result_free(r);

    /* no items: every measure missing */
    in.n = 0;
    assert_int_equal(ent_similarity(ctx, &in, &r), ENT_OK);
    for (size_t i = 0; i < ent_result_nrows(r); i++)
        assert_nan(ent_result_real(r, i, 1));
    ent_result_free(r);

    in.n = 4;
    in.hi = 2; /* 3 is outside 0:2 */
    assert_int_equal(ent_similarity(ctx, &in, &r), ENT_EINVAL);
    assert_null(r);
    in.lo = 3;
    in.hi = 1;
    assert_int_equal(ent_similarity(ctx, &in, &r), ENT_EINVAL);

    /* a CSV with a named weight column: S unweighted (0+2+0+1)/4 per dmax
     * 2 -> 1 - 2(3/4)/2 = .5; weighted by imp (2,1,1,0): 1 - 2(1/4)/2 = .75 */
    snprintf(path, sizeof path, "%s/v.csv", dir);
    assert_non_null(fp = fopen(path, "w"));
    fputs("x,y,imp\n1,1,2\n2,3,1\n3,3,1\n1,2,0\n", fp);
    fclose(fp);
    memset(&in, 0, sizeof in);
    in.path = path;
    in.weight_column = "imp";
    in.lo = 1;
    in.hi = 3;
    assert_int_equal(ent_similarity(ctx, &in, &r), ENT_OK);
    assert_near(ent_result_real(r, 0, 1), 0.5, 1e-12);
    assert_near(ent_result_real(r, 1, 1), 0.75, 1e-12);
    ent_result_free(r);
    in.weight_column = "w";
    assert_int_equal(ent_similarity(ctx, &in, &r), ENT_EPARSE);
    assert_non_null(strstr(ent_errmsg(ctx), "missing column 'w'"));
    assert_null(r);
}

static ent_status oom_similarity(ent_ctx *c, ent_result **r)
{
    static const double x[] = {3, 3, 2, 2}, y[] = {2, 2, 3, 3}, w[] = {.5, .3, .1, .1};
    ent_similarity_input in = {0};
    in.x = x;
    in.y = y;
    in.w = w;
    in.n = 4;
    in.hi = 3;
    return ent_similarity(c, &in, r);
}

/* fail the Nth allocation for every N: no crash, no leak, ENT_ENOMEM */
static void test_oom(void **s)
{
    int ok = 0;
    (void)s;
    for (long n = 0; n < 1000 && !ok; n++) {
        ent_ctx *c = ent_ctx_new();
        ent_result *r = NULL;
        ent_status st;
        tu_alloc_left = n, tu_alloc_live = 0;
        ent_ctx_set_alloc(c, tu_failing_alloc, NULL);
        st = oom_similarity(c, &r);
        if (st == ENT_OK) {
            ok = 1;
            assert_near(ent_result_real(r, 0, 1), 1.0 / 3, 1e-12);
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
        cmocka_unit_test(test_query_check),
        cmocka_unit_test(test_agreement),
        cmocka_unit_test(test_agreement_with),
        cmocka_unit_test(test_similarity),
        cmocka_unit_test(test_oom),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
