/*
 * test_meetings.c -- the meeting parser, the name matcher and episodes.
 * Texts are real China Vitae / State Department rows.
 */
#include "testutil.h"
#include "meetings/match.h"
#include "meetings/meetings.h"

#include <string.h>

static void test_fold(void **state)
{
    char b[128];
    (void)state;
    ent_meet_fold("Vlad\xc3\xadmir  PUTIN", b, sizeof b);
    assert_string_equal(b, "vladimir putin");
    ent_meet_fold(" Lee Myung-bak ", b, sizeof b);
    assert_string_equal(b, "lee myung bak");
    ent_meet_fold("Fran\xc3\xa7ois Hollande", b, sizeof b);
    assert_string_equal(b, "francois hollande");
    ent_meet_fold("Recep Tayyip Erdo\xc4\x9f" "an", b, sizeof b);
    assert_string_equal(b, "recep tayyip erdogan");
    ent_meet_fold("U.S. President", b, sizeof b);
    assert_string_equal(b, "us president");
    ent_meet_fold("", b, sizeof b);
    assert_string_equal(b, "");
}

static void test_dates(void **state)
{
    int32_t d;
    int y, m, dd;
    (void)state;
    assert_int_equal(ent_meet_date_parse("2013-03-14", &d), 1);
    ent_meet_civil_from_days(d, &y, &m, &dd);
    assert_int_equal(y * 10000 + m * 100 + dd, 20130314);
    assert_int_equal(ent_meet_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(ent_meet_date_parse("2018-02-30", &d), -1);
    assert_int_equal(ent_meet_date_parse("2018-2-3", &d), -1);
    assert_int_equal(ent_meet_date_parse("", &d), 0);
    assert_int_equal(ent_meet_date_parse("2016-02-29", &d), 1);
}

static void test_canon(void **state)
{
    const ent_meet_alias *a;
    (void)state;
    a = ent_meet_canon("Vladmir Putin"); /* misspelt in the 2013-03-27 Durban row */
    assert_non_null(a);
    assert_string_equal(a->canonical, "Vladimir Putin");
    assert_int_equal(a->ccode, 365);
    a = ent_meet_canon("VLADIMIR putin");
    assert_non_null(a);
    assert_string_equal(a->canonical, "Vladimir Putin");
    a = ent_meet_canon("Michel Teme");
    assert_non_null(a);
    assert_string_equal(a->canonical, "Michel Temer");
    a = ent_meet_canon("Dimitri Medvedev");
    assert_non_null(a);
    assert_string_equal(a->canonical, "Dmitry Medvedev");
    a = ent_meet_canon("Hsien Loong Lee"); /* word order */
    assert_non_null(a);
    assert_string_equal(a->canonical, "Lee Hsien Loong");
    a = ent_meet_canon("Myung-Bak LEE");
    assert_non_null(a);
    assert_string_equal(a->canonical, "Lee Myung-bak");
    assert_null(ent_meet_canon("Nobody Inparticular"));
    assert_null(ent_meet_canon(""));
}

static void test_titles(void **state)
{
    (void)state;
    assert_int_equal(ent_meet_title_role("Russian President"), ENT_ROLE_HEAD);
    assert_int_equal(ent_meet_title_role("Prime Minister of Japan"), ENT_ROLE_HEAD);
    assert_int_equal(ent_meet_title_role("Vice President of the United States"),
                     ENT_ROLE_OFFICIAL);
    assert_int_equal(ent_meet_title_role("Russian Foreign Minister"), ENT_ROLE_OFFICIAL);
    assert_int_equal(ent_meet_title_role("President of the European Commission"),
                     ENT_ROLE_OFFICIAL);
    assert_int_equal(ent_meet_title_role("Former U.S. President"), ENT_ROLE_OFFICIAL);
    assert_int_equal(ent_meet_title_role("King of Spain"), ENT_ROLE_HEAD);
    assert_int_equal(ent_meet_title_role(""), ENT_ROLE_UNKNOWN);
    assert_int_equal(ent_meet_title_state("Russian President"), 365);
    assert_int_equal(ent_meet_title_state("President of the United States"), 2);
    assert_int_equal(ent_meet_title_state("U.S. President"), 2);
    assert_int_equal(ent_meet_title_state(
                         "Foreign Minister of the Democratic People's Republic of Korea (DPRK)"),
                     731);
    assert_int_equal(ent_meet_title_state("South Korean Prime Minister"), 732);
    assert_int_equal(ent_meet_title_state("President of the European Commission"), 0);
    assert_int_equal(ent_meet_country_state("England"), 200);
    assert_int_equal(ent_meet_country_state("Cook Islands"), -1);
    assert_int_equal(ent_meet_country_state("Ruritania"), 0);
    assert_int_equal(ent_meet_home_place("Shandong Province, Qingdao City"), 1);
    assert_int_equal(ent_meet_home_place("Russia, Moscow"), 0);
}

static void test_parse_multi(void **state)
{
    ent_meet_text t;
    const char *why;
    (void)state;
    assert_int_equal(
        ent_meet_parse_cv("Xi Jinping travelled to Argentina, Buenos Aires and met with the "
                          "following: Cyril Ramaphosa (South African President) Michel Temer "
                          "(Brazilian President) Vladimir Putin (Russian President) Narendra "
                          "Modi (Indian Prime Minister)",
                          &t, &why),
        ENT_OK);
    assert_int_equal(t.kind, ENT_MK_MET);
    assert_int_equal(t.travelled, 1);
    assert_string_equal(t.place, "Argentina, Buenos Aires");
    assert_int_equal(t.ncp, 4);
    assert_string_equal(t.cp[0].name, "Cyril Ramaphosa");
    assert_string_equal(t.cp[0].title, "South African President");
    assert_string_equal(t.cp[3].name, "Narendra Modi");
    assert_string_equal(t.cp[3].title, "Indian Prime Minister");
}

static void test_parse_nested_and_others(void **state)
{
    ent_meet_text t;
    const char *why;
    (void)state;
    assert_int_equal(ent_meet_parse_cv("Xi Jinping was in Beijing Municipality and met with the "
                                       "following:  Ri Yong Ho (Foreign Minister of the "
                                       "Democratic People's Republic of Korea (DPRK))",
                                       &t, &why),
                     ENT_OK);
    assert_int_equal(t.travelled, 0);
    assert_int_equal(t.ncp, 1);
    assert_string_equal(t.cp[0].title,
                        "Foreign Minister of the Democratic People's Republic of Korea (DPRK)");
    assert_int_equal(ent_meet_parse_cv("Xi Jinping travelled to Shandong Province, Qingdao City "
                                       "and met with the following: Narendra Modi (Indian Prime "
                                       "Minister) Others Attending: Wang Yi, Yang Jiechi",
                                       &t, &why),
                     ENT_OK);
    assert_int_equal(t.ncp, 1);
    assert_int_equal(t.travelled, 0);
    assert_string_equal(t.cp[0].name, "Narendra Modi");
    /* travel without a counterpart */
    assert_int_equal(ent_meet_parse_cv("Xi Jinping travelled to Portugal, Lisbon ", &t, &why),
                     ENT_OK);
    assert_int_equal(t.kind, ENT_MK_NONE);
    assert_string_equal(t.place, "Portugal, Lisbon");
}

static void test_parse_calls(void **state)
{
    ent_meet_text t;
    const char *why;
    (void)state;
    assert_int_equal(ent_meet_parse_cv("Xi, Putin discuss #China-#Russia ties, Ukraine crisis on "
                                       "phone (Beijing Municipality) ",
                                       &t, &why),
                     ENT_OK);
    assert_int_equal(t.kind, ENT_MK_CALL);
    assert_string_equal(t.place, "Beijing Municipality");
    assert_int_equal(t.ncp, 1);
    assert_string_equal(t.cp[0].name, "Vladimir Putin");
    assert_int_equal(ent_meet_parse_cv("Hu Jintao held a telephone conversation with  U.S. "
                                       "president Barack Obama on bilateral ties.  (Beijing "
                                       "Municipality) ",
                                       &t, &why),
                     ENT_OK);
    assert_int_equal(t.kind, ENT_MK_CALL);
    assert_int_equal(t.ncp, 1);
    assert_string_equal(t.cp[0].name, "Barack Obama");
    assert_int_equal(ent_meet_parse_cv("Xi congratulates Trump on becoming U.S. president-elect "
                                       "(Beijing Municipality)",
                                       &t, &why),
                     ENT_OK);
    assert_int_equal(t.kind, ENT_MK_MESSAGE);
    assert_string_equal(t.cp[0].name, "Donald Trump");
    /* neither a call nor a meeting: no counterpart is invented */
    assert_int_equal(ent_meet_parse_cv("Xi, Putin discuss bilateral ties, #Korean Peninsula "
                                       "#China #Russia (Beijing Municipality) ",
                                       &t, &why),
                     ENT_OK);
    assert_int_equal(t.kind, ENT_MK_NONE);
    assert_int_equal(t.ncp, 0);
}

static void test_parse_bad(void **state)
{
    ent_meet_text t;
    const char *why = NULL;
    (void)state;
    assert_int_equal(ent_meet_parse_cv("   ", &t, &why), ENT_EPARSE);
    assert_string_equal(why, "empty text");
    assert_int_equal(ent_meet_parse_cv("Xi Jinping travelled to Russia, Moscow and met with the "
                                       "following: Vladimir Putin (Russian President",
                                       &t, &why),
                     ENT_EPARSE);
    assert_string_equal(why, "unbalanced parentheses");
}

static void test_parse_sd(void **state)
{
    ent_meet_cp cp[8];
    size_t n;
    (void)state;
    n = ent_meet_parse_sd("Met with Prime Minister Drnovsek and Russian President Putin.", cp, 8);
    assert_int_equal(n, 2);
    assert_string_equal(cp[0].name, "Drnovsek");
    assert_string_equal(cp[0].title, "Prime Minister");
    assert_string_equal(cp[1].name, "Putin");
    assert_string_equal(cp[1].title, "Russian President");
    n = ent_meet_parse_sd("Met with President Medvedev and Prime Minister Putin.", cp, 8);
    assert_int_equal(n, 2);
    assert_string_equal(cp[0].name, "Medvedev");
    assert_string_equal(cp[1].name, "Putin");
    n = ent_meet_parse_sd("Met with President Xi Jinping. State Dinner.", cp, 8);
    assert_int_equal(n, 1);
    assert_string_equal(cp[0].name, "Xi Jinping");
    n = ent_meet_parse_sd("Attended the Nuclear Security Summit.", cp, 8);
    assert_int_equal(n, 0);
}

static void test_episodes(void **state)
{
    /* Xi-Putin: Moscow 22-23 Mar (one-on-one), Durban 27 Mar (group),
     * Vladivostok 11 (1:1), 12 (group), 13 (1:1), Buenos Aires 30 Nov (group). */
    ent_meet_day d[] = {
        {ent_meet_days_from_civil(2018, 9, 12), 0, "vladivostok", 1},
        {ent_meet_days_from_civil(2013, 3, 22), 0, "moscow", 0},
        {ent_meet_days_from_civil(2013, 3, 23), 0, "moscow", 0},
        {ent_meet_days_from_civil(2013, 3, 27), 0, "durban", 1},
        {ent_meet_days_from_civil(2018, 9, 11), 0, "vladivostok", 0},
        {ent_meet_days_from_civil(2018, 9, 13), 0, "vladivostok", 0},
        {ent_meet_days_from_civil(2018, 11, 30), 0, "buenos aires", 1},
    };
    ent_meet_count c;
    (void)state;
    for (size_t i = 0; i < sizeof d / sizeof d[0]; i++)
        d[i].end = d[i].day;
    c = ent_meet_episodes(d, sizeof d / sizeof d[0]);
    assert_int_equal(c.episodes, 4);
    assert_int_equal(c.bilateral, 2);
    assert_int_equal(c.group, 2);
    assert_int_equal(c.days, 7);
}

static void test_episodes_edges(void **state)
{
    int32_t base = ent_meet_days_from_civil(2016, 6, 23);
    /* a gap of one day splits; a change of place on the next day splits; a
     * multi-day record (State Department start..end) spans; overlaps merge. */
    ent_meet_day d[] = {
        {base, base, "tashkent", 0},
        {base + 2, base + 2, "beijing", 0},     /* gap: new episode */
        {base + 3, base + 3, "hangzhou", 0},    /* next day, other place: new */
        {base + 10, base + 12, "moscow", 1},    /* three days in one record */
        {base + 11, base + 11, "moscow", 1},    /* inside it: same episode, no new day */
        {base + 13, base + 13, "moscow", 0},    /* adjacent: same episode, now bilateral */
    };
    ent_meet_count c = ent_meet_episodes(d, 6);
    (void)state;
    assert_int_equal(c.episodes, 4);
    assert_int_equal(c.bilateral, 4);
    assert_int_equal(c.group, 0);
    assert_int_equal(c.days, 7);
    c = ent_meet_episodes(d, 0);
    assert_int_equal(c.episodes, 0);
    assert_int_equal(c.days, 0);
}

static void test_archigos_match(void **state)
{
    ent_meet_spell sp[] = {
        {365, ent_meet_days_from_civil(2000, 1, 1), ent_meet_days_from_civil(2015, 12, 31), 1,
         "Putin"},
        {710, ent_meet_days_from_civil(2012, 11, 15), ent_meet_days_from_civil(2015, 12, 31), 1,
         "Xi Jinping"},
        {740, ent_meet_days_from_civil(1939, 8, 30), ent_meet_days_from_civil(1940, 1, 14), 0,
         "Abe, M."},
        {740, ent_meet_days_from_civil(2012, 12, 26), ent_meet_days_from_civil(2015, 12, 31), 1,
         "Shinzo Abe"},
    };
    ent_meet_person p;
    int32_t d2014 = ent_meet_days_from_civil(2014, 5, 20);
    int32_t d2018 = ent_meet_days_from_civil(2018, 9, 11);
    (void)state;
    assert_true(ent_meet_archigos_name_match("Putin", "Vladimir Putin"));
    assert_true(ent_meet_archigos_name_match("Abe, M.", "Shinzo Abe"));
    assert_false(ent_meet_archigos_name_match("Putin", "Sergei Lavrov"));
    /* a head by Archigos and title */
    ent_meet_resolve(sp, 4, "Vladmir Putin", "President of Russia", d2014, 0, &p);
    assert_string_equal(p.name, "Vladimir Putin");
    assert_int_equal(p.ccode, 365);
    assert_int_equal(p.role, ENT_ROLE_HEAD);
    assert_string_equal(p.basis, "archigos+title");
    /* after Archigos ends: the censored spell extends only with a head title */
    ent_meet_resolve(sp, 4, "Vladimir Putin", "Russian President", d2018, 0, &p);
    assert_int_equal(p.role, ENT_ROLE_HEAD);
    ent_meet_resolve(sp, 4, "Vladimir Putin", "", d2018, 0, &p);
    assert_int_equal(p.ccode, 365); /* from the alias table */
    assert_int_equal(p.role, ENT_ROLE_UNKNOWN);
    /* an official keeps the title's role and state */
    ent_meet_resolve(sp, 4, "Sergei Lavrov", "Russian Foreign Minister", d2014, 0, &p);
    assert_int_equal(p.ccode, 365);
    assert_int_equal(p.role, ENT_ROLE_OFFICIAL);
    /* nothing places this person: unmatched, not guessed */
    ent_meet_resolve(sp, 4, "Jose Manuel Barroso", "President of the European Commission",
                     d2014, 0, &p);
    assert_int_equal(p.ccode, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_canon),
        cmocka_unit_test(test_titles),
        cmocka_unit_test(test_parse_multi),
        cmocka_unit_test(test_parse_nested_and_others),
        cmocka_unit_test(test_parse_calls),
        cmocka_unit_test(test_parse_bad),
        cmocka_unit_test(test_parse_sd),
        cmocka_unit_test(test_episodes),
        cmocka_unit_test(test_episodes_edges),
        cmocka_unit_test(test_archigos_match),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
