/*
 * test_votes_db.c -- the vote record (measures/votes_db.h) over a small
 * in-memory warehouse holding both vote sources: roll calls in (date,
 * source, rcid) order, a rcid that repeats across the sources kept as two
 * roll calls, each roll call's votes with their states ascending, the
 * session-year filter, important unknown for unga_votes_voeten, and a
 * warehouse with one source only.
 */
#include "testutil.h"
#include "measures/votes_db.h"

#include <sqlite3.h>
#include <string.h>

static const char SCHEMA[] =
    "CREATE TABLE un_roll_calls(rcid INTEGER PRIMARY KEY, session INTEGER, year INTEGER,"
    " date TEXT, cal_year INTEGER, important INTEGER);"
    "CREATE TABLE un_votes(ccode INTEGER, rcid INTEGER, vote INTEGER,"
    " PRIMARY KEY(ccode, rcid)) WITHOUT ROWID;"
    "INSERT INTO un_roll_calls VALUES(411, 9, 1954, '1954-12-03', 1954, NULL),"
    " (9079, 74, 2019, '2020-01-14', 2020, 0), (9000, 74, 2019, '2019-12-01', 2019, 1);"
    "INSERT INTO un_votes VALUES(710, 411, 1), (2, 411, 3), (365, 411, 3),"
    " (2, 9079, 1), (365, 9079, 2), (2, 9000, 2);";

static const char SCHEMA_UNGA[] =
    "CREATE TABLE unga_roll_calls(rcid INTEGER, date TEXT, session INTEGER, year INTEGER,"
    " cal_year INTEGER, partial INTEGER, PRIMARY KEY(rcid, date)) WITHOUT ROWID;"
    "CREATE TABLE unga_votes(ccode INTEGER, date TEXT, rcid INTEGER, vote INTEGER,"
    " PRIMARY KEY(ccode, date, rcid)) WITHOUT ROWID;"
    "INSERT INTO unga_roll_calls VALUES(411, '2023-12-04', 78, 2023, 2023, 1),"
    " (9241, '2020-11-05', 75, 2020, 2020, 0);"
    "INSERT INTO unga_votes VALUES(710, '2023-12-04', 411, 1), (365, '2023-12-04', 411, 1),"
    " (2, '2023-12-04', 411, 2), (2, '2020-11-05', 9241, 3);";

static sqlite3 *mkdb(int unvotes, int unga)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    if (unvotes)
        assert_int_equal(sqlite3_exec(db, SCHEMA, NULL, NULL, NULL), SQLITE_OK);
    if (unga)
        assert_int_equal(sqlite3_exec(db, SCHEMA_UNGA, NULL, NULL, NULL), SQLITE_OK);
    return db;
}

static void test_both_sources(void **state)
{
    (void)state;
    ent_ctx *ctx = ent_ctx_new();
    sqlite3 *db = mkdb(1, 1);
    ent_vrec *v = NULL;
    const ent_rollcall *rc;
    const int16_t *cc;
    const uint8_t *vote;
    size_t n;
    assert_int_equal(ent_vrec_load(ctx, db, 0, 0, &v), ENT_OK);
    assert_int_equal(ent_vrec_count(v), 5);
    /* unvotes by date, then unga_votes_voeten by date */
    const int64_t want_rcid[] = {411, 9000, 9079, 9241, 411};
    const int want_date[] = {19541203, 20191201, 20200114, 20201105, 20231204};
    for (size_t i = 0; i < 5; i++) {
        rc = ent_vrec_rc(v, i);
        assert_int_equal(rc->rcid, want_rcid[i]);
        assert_int_equal(rc->date, want_date[i]);
        assert_int_equal(rc->source, i < 3 ? ENT_VSRC_UNVOTES : ENT_VSRC_UNGA_VOETEN);
    }
    /* the 1954 roll call 411: states ascending, its own votes only */
    ent_vrec_votes(v, 0, &cc, &vote, &n);
    assert_int_equal(n, 3);
    assert_int_equal(cc[0], 2);
    assert_int_equal(vote[0], 3);
    assert_int_equal(cc[1], 365);
    assert_int_equal(cc[2], 710);
    assert_int_equal(vote[2], 1);
    assert_int_equal(ent_vrec_rc(v, 0)->important, -1); /* NULL in un_roll_calls */
    assert_int_equal(ent_vrec_rc(v, 1)->important, 1);
    /* the 2023 roll call 411 of the other source */
    rc = ent_vrec_rc(v, 4);
    assert_int_equal(rc->session, 78);
    assert_int_equal(rc->year, 2023);
    assert_int_equal(rc->partial, 1);
    assert_int_equal(rc->important, -1);
    ent_vrec_votes(v, 4, &cc, &vote, &n);
    assert_int_equal(n, 3);
    assert_int_equal(cc[0], 2);
    assert_int_equal(vote[0], 2);
    assert_int_equal(cc[2], 710);
    /* 9079: session 74 in January 2020 is year 2019, calendar 2020 */
    rc = ent_vrec_rc(v, 2);
    assert_int_equal(rc->year, 2019);
    assert_int_equal(rc->cal_year, 2020);
    ent_vrec_votes(v, 5, &cc, &vote, &n); /* out of range */
    assert_int_equal(n, 0);
    assert_null(ent_vrec_rc(v, 5));
    ent_vrec_free(v);
    /* a session-year window */
    assert_int_equal(ent_vrec_load(ctx, db, 2019, 2020, &v), ENT_OK);
    assert_int_equal(ent_vrec_count(v), 3);
    assert_int_equal(ent_vrec_rc(v, 2)->rcid, 9241);
    ent_vrec_votes(v, 2, &cc, &vote, &n);
    assert_int_equal(n, 1);
    ent_vrec_free(v);
    sqlite3_close(db);
    ent_ctx_free(ctx);
}

static void test_one_source(void **state)
{
    (void)state;
    ent_ctx *ctx = ent_ctx_new();
    sqlite3 *db = mkdb(0, 1);
    ent_vrec *v = NULL;
    assert_int_equal(ent_vrec_load(ctx, db, 0, 0, &v), ENT_OK);
    assert_int_equal(ent_vrec_count(v), 2);
    assert_string_equal(ent_vsrc_name(ent_vrec_rc(v, 0)->source), "unga_votes_voeten");
    ent_vrec_free(v);
    sqlite3_close(db);
    db = mkdb(0, 0);
    assert_int_equal(ent_vrec_load(ctx, db, 0, 0, &v), ENT_OK);
    assert_int_equal(ent_vrec_count(v), 0);
    ent_vrec_free(v);
    sqlite3_close(db);
    ent_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_both_sources),
                                       cmocka_unit_test(test_one_source)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
