/*
 * test_registry_iso3.c -- ent_state_from_iso3's index (ent_reg_finish) finds
 * what the linear scan it replaced found (ref_from_iso3 below, a copy): every
 * code AAA..ZZZ, every ISO3 of the registry in any case, and junk, on several
 * dates, over the fixture registry and, when $DATA has it, the real one.
 */
#include "testutil.h"
#include "states/registry.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* the definition: the special cases, then the first state in order */
static int ref_from_iso3(const ent_registry *r, const char *iso3, int y, int m, int d)
{
    char u[4];
    if (!iso3 || strlen(iso3) != 3)
        return -1;
    for (int i = 0; i < 3; i++)
        u[i] = (char)toupper((unsigned char)iso3[i]);
    u[3] = 0;
    if (!strcmp(u, "SRB") || !strcmp(u, "SCG") || !strcmp(u, "YUG"))
        return ent_reg_dated(r, 345, y, m, d);
    if (!strcmp(u, "SUN"))
        return ent_reg_dated(r, 365, y, m, d);
    if (!strcmp(u, "DDR"))
        return ent_reg_dated(r, 265, y, m, d);
    if (!strcmp(u, "CSK"))
        return ent_reg_dated(r, 315, y, m, d);
    if (!strcmp(u, "TWN"))
        return ent_reg_dated(r, 713, y, m, d);
    if (!strcmp(u, "YMD"))
        return ent_reg_dated(r, 680, y, m, d);
    for (size_t i = 0; i < r->nstates; i++)
        if (!strcmp(r->states[i].iso3, u))
            return ent_reg_dated(r, r->states[i].ccode, y, m, d);
    return -1;
}

static const int dates[][3] = {
    {0, 0, 0},       {1816, 1, 1},   {1900, 6, 30},  {1945, 5, 8},   {1945, 5, 9},
    {1949, 12, 7},   {1949, 12, 8},  {1960, 1, 1},   {1990, 5, 21},  {1990, 5, 22},
    {1990, 10, 2},   {1990, 10, 3},  {1991, 12, 31}, {1992, 12, 31}, {1993, 1, 1},
    {2006, 6, 4},    {2006, 6, 5},   {2016, 12, 31}, {2024, 1, 1},
};

/* same compares the index with the scan for code on every date; returns
 * how many dates found a state */
static int same(const ent_registry *r, const char *code)
{
    int found = 0;
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        int y = dates[i][0], m = dates[i][1], d = dates[i][2];
        int want = ref_from_iso3(r, code, y, m, d), got = ent_state_from_iso3(r, code, y, m, d);
        if (want != got)
            fail_msg("%s on %04d-%02d-%02d: want %d, got %d", code ? code : "(null)", y, m, d,
                     want, got);
        found += got >= 0;
    }
    return found;
}

static void check_registry(const ent_registry *r)
{
    char c[8];
    int found = 0;
    static const char *const junk[] = {
        "", "A", "AB", "ABCD", "US", "USAX", "1\x80z", "\xff\xff\xff", "  A", "u-s", "---",
    };
    for (int a = 'A'; a <= 'Z'; a++)
        for (int b = 'A'; b <= 'Z'; b++)
            for (int k = 'A'; k <= 'Z'; k++) {
                snprintf(c, sizeof c, "%c%c%c", a, b, k);
                found += same(r, c) > 0;
            }
    assert_true(found > 0);
    for (size_t i = 0; i < r->nstates; i++) {
        const char *s = r->states[i].iso3;
        if (!s[0])
            continue;
        same(r, s);
        snprintf(c, sizeof c, "%c%c%c", tolower((unsigned char)s[0]), s[1],
                 tolower((unsigned char)s[2]));
        same(r, c);
        /* an upper-case code finds a state (on any date) */
        if (strlen(s) == 3 && !islower((unsigned char)s[0]) && !islower((unsigned char)s[1]) &&
            !islower((unsigned char)s[2]) && ent_state_from_iso3(r, s, 0, 0, 0) < 0)
            fail_msg("%s (state %d) found nothing", s, r->states[i].ccode);
    }
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++)
        same(r, junk[i]);
    same(r, NULL);
}

static void test_fixture(void **state)
{
    (void)state;
    ent_ctx *ctx = ent_ctx_new();
    ent_registry *r = NULL;
    assert_int_equal(ent_registry_load(ctx, "tests/fixtures/states", &r), ENT_OK);
    check_registry(r);
    /* a second finish rebuilds the index (no leak, same answers) */
    assert_int_equal(ent_reg_finish(r), ENT_OK);
    check_registry(r);
    ent_registry_free(r);
    ent_ctx_free(ctx);
}

/* a registry made by hand: a code two states carry (the first in states[]
 * wins), a code stored in lower case (found by no query), a short one */
static void test_made(void **state)
{
    (void)state;
    static const struct { int ccode; const char *iso3; } st[] = {
        {20, "USA"}, {2, "USA"}, {40, "cub"}, {41, "AB"}, {42, "DOM"}, {345, "SRB"},
    };
    ent_ctx *ctx = ent_ctx_new();
    ent_registry *r = NULL;
    assert_int_equal(ent_reg_new(ctx, &r), ENT_OK);
    for (size_t i = 0; i < sizeof st / sizeof st[0]; i++) {
        ent_reg_state *s = ent_reg_state_get(r, st[i].ccode, 1);
        assert_non_null(s);
        snprintf(s->iso3, sizeof s->iso3, "%s", st[i].iso3);
        assert_int_equal(ent_reg_add_spell(r, st[i].ccode, 19000101, 19991231), ENT_OK);
    }
    assert_int_equal(ent_reg_finish(r), ENT_OK);
    assert_int_equal(ent_state_from_iso3(r, "usa", 1950, 1, 1), 20);
    assert_int_equal(ent_state_from_iso3(r, "USA", 2005, 1, 1), -1);
    assert_int_equal(ent_state_from_iso3(r, "CUB", 0, 0, 0), -1);
    assert_int_equal(ent_state_from_iso3(r, "DOM", 0, 0, 0), 42);
    assert_int_equal(ent_state_from_iso3(r, "YUG", 1950, 1, 1), 345);
    check_registry(r);
    ent_registry_free(r);
    ent_ctx_free(ctx);
}

static void test_real(void **state)
{
    (void)state;
    const char *data = getenv("DATA");
    char path[4096];
    ent_ctx *ctx;
    ent_registry *r = NULL;
    if (!data)
        data = "../shared/data";
    snprintf(path, sizeof path, "%s/cow_states", data);
    if (access(path, R_OK) != 0) {
        print_message("no %s: the real registry is skipped\n", path);
        skip();
    }
    ctx = ent_ctx_new();
    assert_int_equal(ent_registry_load(ctx, data, &r), ENT_OK);
    assert_true(r->niso3 > 150);
    check_registry(r);
    ent_registry_free(r);
    ent_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture),
        cmocka_unit_test(test_made),
        cmocka_unit_test(test_real),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
