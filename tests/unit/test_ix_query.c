/*
 * test_ix_query.c -- the index's queries through the library (compare.h):
 * ent_ix_compare over one year and a range, ent_ix_rank and ent_ix_trend, on
 * a warehouse of the fixture states with the hand-made panel of
 * tests/fixtures/index (panel.sql, years.sql); values worked by hand in
 * tests/cli/compare_fixture/cmd.  Also the refusals: a year with a range,
 * ATOP past its last year, draws over the caps.
 */
#include "entente.h"
#include "index/compare.h"
#include "store/store.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static ent_ctx *ctx;
static ent_db *db;
static ent_ix_config cfg;
static char path[64];

static void run_sql_file(sqlite3 *sq, const char *file)
{
    FILE *f = fopen(file, "rb");
    char *text;
    long n;
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    text = malloc((size_t)n + 1);
    assert_non_null(text);
    text[fread(text, 1, (size_t)n, f)] = '\0';
    fclose(f);
    assert_int_equal(sqlite3_exec(sq, text, NULL, NULL, NULL), SQLITE_OK);
    free(text);
}

static int setup(void **s)
{
    ent_build_opts bo = {.datadir = "tests/fixtures/states", .only = "states"};
    int fd;
    (void)s;
    snprintf(path, sizeof path, "/tmp/test_ix_query_XXXXXX");
    fd = mkstemp(path);
    if (fd < 0)
        return -1;
    close(fd);
    unlink(path);
    ctx = ent_ctx_new();
    if (!ctx || ent_db_open(ctx, path, 1, &db) != ENT_OK || ent_build(db, &bo) != ENT_OK)
        return -1;
    run_sql_file(ent_db_sqlite(db), "tests/fixtures/index/panel.sql");
    run_sql_file(ent_db_sqlite(db), "tests/fixtures/index/years.sql");
    if (ent_ix_config_load(ctx, "tests/fixtures/index/years.conf", &cfg) != ENT_OK)
        return -1;
    return 0;
}

static int teardown(void **s)
{
    (void)s;
    ent_db_close(db);
    ent_ctx_free(ctx);
    unlink(path);
    return 0;
}

static const ent_ix_note *find_note(const ent_ix_result *r, ent_ix_note_kind k, int year)
{
    for (size_t i = 0; i < r->nnotes; i++)
        if (r->notes[i].kind == k && (!year || r->notes[i].year == year))
            return &r->notes[i];
    return NULL;
}

static void test_compare_one_year(void **s)
{
    ent_ix_opts o = ENT_IX_OPTS_INIT;
    ent_ix_result *r = NULL;
    const ent_ix_row *subj = NULL;
    (void)s;
    o.cfg = &cfg;
    o.subject = "CHN-RUS";
    o.group = "allies:USA";
    o.year = 2010;
    assert_int_equal(ent_ix_compare(ctx, db, &o, &r), ENT_OK);
    assert_int_equal(r->kind, ENT_IX_COMPARE);
    assert_int_equal(r->ncols, 11);
    assert_string_equal(r->cols[0], "a");
    assert_int_equal(r->nrows, 5);
    assert_int_equal(r->nyears, 1);
    for (size_t i = 0; i < r->nrows; i++)
        if (r->rows[i].is_subject)
            subj = &r->rows[i];
    assert_non_null(subj);
    assert_string_equal(subj->abb1, "CHN");
    assert_string_equal(subj->abb2, "RUS");
    /* by hand: personal 92.857 (5 is the largest of 7); the composite's other
     * parts change with years.conf's second economic term (trade_imf absent
     * in 2010): economic = trade_total alone = 52.381 */
    assert_true(fabs(subj->dim[0] - 650.0 / 7) < 1e-9);
    assert_true(fabs(subj->dim[1] - 1100.0 / 21) < 1e-9);
    assert_int_equal(subj->rank, 2);
    assert_int_equal(subj->n, 5);
    assert_int_equal(r->years[0].verdict.above[ENT_NDIM], 3);
    assert_int_equal(r->years[0].verdict.others[ENT_NDIM], 4);
    assert_non_null(find_note(r, ENT_IX_NOTE_VERDICT, 2010));
    /* economic rests on trade_total alone in 2010: said */
    assert_non_null(find_note(r, ENT_IX_NOTE_CARRIED, 2010));
    assert_non_null(strstr(find_note(r, ENT_IX_NOTE_CARRIED, 2010)->text, "economic on trade_total (1 of 2)"));
    ent_ix_result_free(ctx, r);
}

static void test_compare_range(void **s)
{
    ent_ix_opts o = ENT_IX_OPTS_INIT;
    ent_ix_result *r = NULL;
    const ent_ix_note *n;
    (void)s;
    o.cfg = &cfg;
    o.subject = "CHN-RUS";
    o.group = "allies:USA";
    o.from = 2018;
    o.to = 2019;
    /* ATOP ends in 2018: allies:USA in 2019 is refused with the way out */
    assert_int_equal(ent_ix_compare(ctx, db, &o, &r), ENT_EINVAL);
    assert_null(r);
    assert_non_null(strstr(ent_errmsg(ctx), "allies:USA@2018"));
    o.group = "allies:USA@2018";
    assert_int_equal(ent_ix_compare(ctx, db, &o, &r), ENT_OK);
    assert_int_equal(r->nyears, 2);
    assert_int_equal(r->nrows, 10);
    assert_int_equal(r->rows[0].year, 2018);
    assert_int_equal(r->rows[9].year, 2019);
    /* 2019: personal (China's records) and military (ATOP) missing for the
     * subject, military for all four others */
    assert_true(r->years[1].verdict.missing[0]);
    assert_true(r->years[1].verdict.missing[2]);
    assert_int_equal(r->years[1].group_missing[2], 4);
    n = find_note(r, ENT_IX_NOTE_DIMS, 2019);
    assert_non_null(n);
    assert_string_equal(n->text, "2019: missing for CHN-RUS: personal, military; missing for "
                                 "most of the group: military (4 of 4)");
    /* the codebook's coverage: COW trade ends in 2014, ATOP in 2018 */
    n = find_note(r, ENT_IX_NOTE_COVERAGE, 0);
    assert_non_null(n);
    assert_non_null(strstr(n->text, "cow_trade ends in 2014"));
    /* the verdict lines end the notes, then the missing dimensions */
    assert_int_equal(r->notes[r->nnotes - 1].kind, ENT_IX_NOTE_DIMS);
    assert_int_equal(r->notes[r->nnotes - 3].kind, ENT_IX_NOTE_VERDICT);
    ent_ix_result_free(ctx, r);
}

static void test_compare_refusals(void **s)
{
    ent_ix_opts o = ENT_IX_OPTS_INIT;
    ent_ix_result *r = NULL;
    (void)s;
    o.cfg = &cfg;
    o.subject = "CHN-RUS";
    o.group = "all";
    o.year = 2010;
    o.from = 2009;
    o.to = 2010;
    assert_int_equal(ent_ix_compare(ctx, db, &o, &r), ENT_EINVAL);
    o.from = o.to = 0;
    o.draws = ENT_IX_MAX_DRAWS + 1;
    assert_int_equal(ent_ix_compare(ctx, db, &o, &r), ENT_EINVAL);
    o.draws = -1;
    assert_int_equal(ent_ix_compare(ctx, db, &o, &r), ENT_EINVAL);
    o.draws = 0;
    o.group = "partners:USA@2018";
    assert_int_equal(ent_ix_compare(ctx, db, &o, &r), ENT_EINVAL);
    assert_null(r);
}

static void test_rank_trend(void **s)
{
    ent_ix_opts o = ENT_IX_OPTS_INIT;
    ent_ix_result *r = NULL;
    (void)s;
    o.cfg = &cfg;
    o.year = 2019;
    o.top = 3;
    assert_int_equal(ent_ix_rank(ctx, db, &o, &r), ENT_OK);
    assert_int_equal(r->kind, ENT_IX_RANK);
    assert_int_equal(r->nrows, 3);
    assert_int_equal(r->rows[0].rank, 1);
    assert_int_equal(r->rows[0].n, 21);
    /* 2019 lacks military for everyone: no complete composite, and said */
    assert_false(r->rows[0].complete);
    assert_non_null(find_note(r, ENT_IX_NOTE_INCOMPLETE, 0));
    ent_ix_result_free(ctx, r);
    o.top = 0;
    assert_int_equal(ent_ix_rank(ctx, db, &o, &r), ENT_EINVAL);

    o = (ent_ix_opts)ENT_IX_OPTS_INIT;
    o.cfg = &cfg;
    o.subject = "RUS-CHN";
    o.from = 2017;
    o.to = 2019;
    assert_int_equal(ent_ix_trend(ctx, db, &o, &r), ENT_OK);
    assert_int_equal(r->nrows, 2); /* 2017 has no panel rows: a SKIP note */
    assert_non_null(find_note(r, ENT_IX_NOTE_SKIP, 2017));
    assert_string_equal(r->rows[0].abb1, "RUS");
    assert_true(r->rows[0].complete);
    assert_false(r->rows[1].complete);
    assert_true(r->rows[1].rank > 0); /* ranked, and the result says it is incomplete */
    assert_non_null(find_note(r, ENT_IX_NOTE_INCOMPLETE, 0));
    {
        char buf[64];
        ent_ix_lacks_text(&r->rows[1], buf, sizeof buf);
        assert_string_equal(buf, "personal, military");
    }
    ent_ix_result_free(ctx, r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compare_one_year), cmocka_unit_test(test_compare_range),
        cmocka_unit_test(test_compare_refusals), cmocka_unit_test(test_rank_trend),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
