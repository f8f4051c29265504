/*
 * test_registry.c -- state resolution and the crosswalk cases users trip over
 * (Germany, Yemen, USSR/Russia, the China seat, Serbia), on a small fixture
 * of the COW state list and the countrycode codelist.
 */
#include "testutil.h"

#include <string.h>

static ent_ctx *ctx;
static ent_registry *reg;

static int setup(void **s)
{
    (void)s;
    ctx = ent_ctx_new();
    if (ent_registry_load(ctx, "tests/fixtures/states", &reg) != ENT_OK) {
        fprintf(stderr, "%s\n", ent_errmsg(ctx));
        return -1;
    }
    return 0;
}

static int teardown(void **s)
{
    (void)s;
    ent_registry_free(reg);
    ent_ctx_free(ctx);
    return 0;
}

static int resolve(const char *text, int year)
{
    int c = -1;
    ent_status st = ent_state_resolve(ctx, reg, text, year, &c);
    return st == ENT_OK ? c : -(int)st;
}

static void test_forms(void **s)
{
    (void)s;
    assert_int_equal(resolve("RUS", 0), 365);
    assert_int_equal(resolve("rus", 0), 365);
    assert_int_equal(resolve("RU", 0), 365);
    assert_int_equal(resolve("365", 0), 365);
    assert_int_equal(resolve("Russia", 0), 365);
    assert_int_equal(resolve("RUSSIAN FEDERATION", 0), 365);
    assert_int_equal(resolve("USSR", 0), 365);
    assert_int_equal(resolve(" Soviet Union ", 0), 365);
    assert_int_equal(resolve("GBR", 0), 200);
    assert_int_equal(resolve("UKG", 0), 200);
    assert_int_equal(resolve("JPN", 0), 740);
    assert_int_equal(resolve("Côte d’Ivoire", 0), 437);
    assert_int_equal(resolve("COTE D'IVOIRE", 0), 437);
    assert_int_equal(resolve("Zanzibar", 0), 511);
}

static void test_errors(void **s)
{
    (void)s;
    assert_int_equal(resolve("AUS", 0), -ENT_EAMBIG); /* COW Austria vs ISO3 Australia */
    assert_non_null(strstr(ent_errmsg(ctx), "Austria (305)"));
    assert_non_null(strstr(ent_errmsg(ctx), "Australia (900)"));
    assert_int_equal(resolve("AUL", 0), 900);
    assert_int_equal(resolve("Narnia", 0), -ENT_ENOTFOUND);
    assert_int_equal(resolve("999", 0), -ENT_ENOTFOUND);
    assert_int_equal(resolve("", 0), -ENT_ENOTFOUND);
    assert_int_equal(resolve("Yemen", 0), 679);
    /* "Korea" names only the state of 1816-1910; without a year it is
     * ambiguous with the two current Koreas, with a year it resolves */
    assert_int_equal(resolve("Korea", 0), -ENT_EAMBIG);
    assert_non_null(strstr(ent_errmsg(ctx), "North Korea (731)"));
    assert_non_null(strstr(ent_errmsg(ctx), "South Korea (732)"));
    assert_int_equal(resolve("Korea", 1900), 730);
    assert_int_equal(resolve("Zanzibar", 0), 511); /* gone, but nothing else is called that */
}

static void test_germany(void **s)
{
    (void)s;
    assert_int_equal(resolve("Germany", 0), 255);
    assert_int_equal(resolve("Germany", 1970), 260);
    assert_int_equal(resolve("Germany", 1995), 255);
    assert_int_equal(resolve("Germany", 1900), 255);
    assert_int_equal(resolve("East Germany", 0), 265);
    assert_int_equal(resolve("West Germany", 0), 260);
    assert_int_equal(ent_state_from_iso2(reg, "DE", 1980, 1, 1), 260);
    assert_int_equal(ent_state_from_iso2(reg, "DE", 1990, 10, 2), 260);
    assert_int_equal(ent_state_from_iso2(reg, "DE", 1990, 10, 3), 255);
    assert_int_equal(ent_state_from_iso2(reg, "DD", 1980, 1, 1), 265);
    assert_int_equal(ent_state_from_iso2(reg, "DD", 1991, 1, 1), -1); /* gone */
    assert_int_equal(ent_state_from_iso3(reg, "DEU", 1975, 6, 1), 260);
    assert_int_equal(ent_state_from_gw(reg, 260, 1975, 6, 1), 260);
    assert_int_equal(ent_state_from_gw(reg, 260, 2000, 6, 1), 255);
    assert_int_equal(ent_state_from_gw(reg, 265, 1975, 6, 1), 265);
    /* no German state between the surrender and the FRG's entry */
    assert_false(ent_state_member(reg, 255, 1950));
    assert_false(ent_state_member(reg, 260, 1950));
    assert_true(ent_state_member(reg, 260, 1955));
    assert_true(ent_state_member(reg, 255, 1990));
    assert_true(ent_state_member(reg, 260, 1990));
}

static void test_yemen(void **s)
{
    (void)s;
    assert_int_equal(ent_state_from_iso2(reg, "YE", 1980, 1, 1), 678);
    assert_int_equal(ent_state_from_iso2(reg, "YE", 1990, 5, 22), 679);
    assert_int_equal(ent_state_from_iso2(reg, "YD", 1980, 1, 1), 680);
    assert_int_equal(ent_state_from_gw(reg, 678, 1980, 1, 1), 678);
    assert_int_equal(ent_state_from_gw(reg, 678, 2000, 1, 1), 679);
    assert_int_equal(resolve("North Yemen", 0), 678);
    assert_int_equal(resolve("South Yemen", 0), 680);
    assert_int_equal(resolve("Yemen", 1980), 678);
}

static void test_china_russia_serbia(void **s)
{
    (void)s;
    /* the China seat: the ROC (COW 710 on the mainland, 713 on Taiwan) until
     * 1971, the PRC after */
    assert_int_equal(ent_state_from_iso2(reg, "TW", 1947, 1, 1), 710);
    assert_int_equal(ent_state_from_iso2(reg, "TW", 1960, 1, 1), 713);
    assert_int_equal(ent_state_from_iso2(reg, "CN", 1972, 1, 1), 710);
    assert_int_equal(resolve("PRC", 0), 710);
    assert_int_equal(resolve("Taiwan", 0), 713);
    assert_int_equal(resolve("ROC", 0), 713);
    assert_int_equal(ent_state_from_iso2(reg, "SU", 1960, 1, 1), 365);
    assert_int_equal(ent_state_from_iso2(reg, "RU", 1960, 1, 1), 365);
    assert_int_equal(ent_state_from_iso2(reg, "RU", 2015, 1, 1), 365);
    assert_int_equal(resolve("Serbia", 0), 345);
    assert_int_equal(resolve("Yugoslavia", 0), 345);
    assert_int_equal(ent_state_from_iso3(reg, "SRB", 2010, 1, 1), 345);
    assert_int_equal(ent_state_from_iso2(reg, "YU", 1960, 1, 1), 345);
    assert_int_equal(ent_state_from_iso2(reg, "CS", 1960, 1, 1), 315);
    assert_int_equal(ent_state_from_iso2(reg, "CS", 2004, 1, 1), 345);
    assert_int_equal(ent_state_from_gw(reg, 340, 2010, 1, 1), 345);
    /* y = 0 maps without a membership check */
    assert_int_equal(ent_state_from_iso2(reg, "DD", 0, 0, 0), 265);
    assert_int_equal(ent_state_from_iso2(reg, "XX", 0, 0, 0), -1);
}

static void test_membership(void **s)
{
    (void)s;
    size_t n;
    const int *codes = ent_state_codes(reg, &n);
    assert_true(n >= 20);
    for (size_t i = 1; i < n; i++)
        assert_true(codes[i - 1] < codes[i]);
    assert_true(ent_state_member(reg, 2, 1816));
    assert_true(ent_state_member(reg, 2, 2022)); /* v2016 spells continue */
    assert_false(ent_state_member(reg, 713, 1948));
    assert_true(ent_state_member(reg, 713, 1949));
    assert_true(ent_state_member_on(reg, 713, 1949, 12, 8));
    assert_false(ent_state_member_on(reg, 713, 1949, 12, 7));
    assert_false(ent_state_member(reg, 316, 1992));
    assert_true(ent_state_member(reg, 316, 1993));
    assert_string_equal(ent_state_abb(reg, 365), "RUS");
    assert_string_equal(ent_state_name(reg, 260), "German Federal Republic");
    assert_null(ent_state_abb(reg, 999));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms),         cmocka_unit_test(test_errors),
        cmocka_unit_test(test_germany),       cmocka_unit_test(test_yemen),
        cmocka_unit_test(test_china_russia_serbia), cmocka_unit_test(test_membership),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
