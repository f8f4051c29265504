/*
 * state_dept.c -- the `state_dept` source: the US Department of State's
 * Office of the Historian records (HistoryAtState/travels and /visits):
 * presidential trips abroad, Secretary of State trips, and visits of foreign
 * leaders to the US.  Trip remarks name the people met ("Met with Prime
 * Minister Drnovsek and Russian President Putin."); each becomes a meeting
 * record spanning the trip's start..end dates.  A foreign leader's visit is
 * a meeting with the sitting US president when the description says so
 * ("Met with President ...") or when it is a state, official or working
 * visit; a summit the president hosts in the US is a group encounter.
 * Only US dyads are observed (coverage: ccode 2).
 */
#include "../store/store.h"
#include "../meetings/mstore.h"

#include <stdio.h>
#include <string.h>

/* US presidents, for visits to the US (first day in office). */
static const struct {
    int y, m, d;
    const char *name;
} presidents[] = {
    {1945, 4, 12, "Harry S. Truman"}, {1953, 1, 20, "Dwight D. Eisenhower"},
    {1961, 1, 20, "John F. Kennedy"}, {1963, 11, 22, "Lyndon B. Johnson"},
    {1969, 1, 20, "Richard M. Nixon"}, {1974, 8, 9, "Gerald R. Ford"},
    {1977, 1, 20, "Jimmy Carter"}, {1981, 1, 20, "Ronald Reagan"},
    {1989, 1, 20, "George H.W. Bush"}, {1993, 1, 20, "William J. Clinton"},
    {2001, 1, 20, "George W. Bush"}, {2009, 1, 20, "Barack Obama"},
    {2017, 1, 20, "Donald Trump"}, {2021, 1, 20, "Joe Biden"}, {2025, 1, 20, "Donald Trump"},
};

static const char *president_on(int32_t day)
{
    const char *p = NULL;
    for (size_t i = 0; i < sizeof presidents / sizeof presidents[0]; i++)
        if (day >= ent_meet_days_from_civil(presidents[i].y, presidents[i].m, presidents[i].d))
            p = presidents[i].name;
    return p;
}

/* country_code places a State Department country ("Korea, Republic of",
 * "Burma (Myanmar)", "Türkiye") in COW on a date; 0 when it is not a state. */
static int country_code(ent_load *ld, const char *country, int year)
{
    char buf[160];
    int c = 0;
    size_t n = strcspn(country, "(");
    snprintf(buf, sizeof buf, "%.*s", (int)n, country);
    while (n > 0 && buf[n - 1] == ' ')
        buf[--n] = '\0';
    /* the registry first: it knows names by date (Germany 1959 -> 260) */
    if (ent_state_resolve(ld->ctx, ld->reg, country, year, &c) != ENT_OK &&
        ent_state_resolve(ld->ctx, ld->reg, buf, year, &c) != ENT_OK)
        c = 0;
    if (c <= 0)
        c = ent_meet_country_state(country);
    if (c == 0)
        c = ent_meet_country_state(buf);
    if (c > 0 && !ent_state_member(ld->reg, c, year))
        c = 0; /* a name the table knows, but not a state that year */
    return c > 0 ? c : 0;
}

static const char *canon(const char *name)
{
    const ent_meet_alias *a = ent_meet_canon(name);
    return a ? a->canonical : name;
}

static ent_status add_cps(ent_meet_sink *s, ent_reader *r, const ent_meet_cp *cp, size_t n,
                          const char *leader_a, int role_a, int32_t day, int32_t end,
                          int trip_state, const char *place, int hosted)
{
    for (size_t k = 0; k < n; k++) {
        ent_meet_person p;
        ent_meet_rec rec;
        ent_status st;
        ent_meet_resolve(s->spells, s->nspells, cp[k].name, cp[k].title, day, trip_state, &p);
        if (p.ccode == 2 && !hosted)
            continue; /* an American named in the remarks */
        if (p.ccode == 0) {
            if ((st = ent_meet_sink_unmatched(s, cp[k].name, cp[k].title,
                                              "no state from alias, title, trip or Archigos",
                                              ent_reader_line(r))) != ENT_OK)
                return st;
            continue;
        }
        memset(&rec, 0, sizeof rec);
        rec.day = day;
        rec.end = end;
        rec.leader_a = leader_a;
        rec.role_a = ent_meet_role_name(role_a);
        rec.state_a = 2;
        rec.leader_b = p.name;
        rec.role_b = ent_meet_role_name(p.role);
        rec.state_b = p.ccode;
        rec.place = place;
        rec.group_size = (int)n;
        rec.format = n > 1 ? ENT_MF_MULTILATERAL
                           : (hosted || p.ccode == trip_state ? ENT_MF_VISIT : ENT_MF_SUMMIT_BILAT);
        rec.basis_b = p.basis;
        rec.name_b_raw = cp[k].name;
        rec.title_b = cp[k].title;
        rec.source_row = ent_reader_line(r);
        if ((st = ent_meet_sink_add(s, &rec)) != ENT_OK)
            return st;
    }
    return ENT_OK;
}

static ent_status dates(ent_reader *r, ent_cell *c, int cs, int ce, int32_t *day, int32_t *end)
{
    if (ent_meet_date_parse(c[cs].p, day) != 1)
        return ent_reader_fail(r, ENT_EPARSE, cs, "malformed date '%s'", c[cs].p);
    switch (ent_meet_date_parse(c[ce].p, end)) {
    case 1:
        if (*end < *day)
            return ent_reader_fail(r, ENT_EPARSE, ce, "end date '%s' before start", c[ce].p);
        return ENT_OK;
    case 0:
        *end = *day;
        return ENT_OK;
    default:
        return ent_reader_fail(r, ENT_EPARSE, ce, "malformed date '%s'", c[ce].p);
    }
}

static ent_status load_travels(ent_load *ld, ent_meet_sink *s, const char *file, int *lo,
                               int *hi)
{
    static const char *const cols[] = {"role", "name", "start_date", "end_date", "country",
                                       "locale", "remarks"};
    ent_reader_opts o = {.delim = '\t', .label = file};
    ent_reader *r = NULL;
    ent_cell *c;
    size_t nc;
    int idx[7];
    ent_status st;

    if ((st = ent_load_open(ld, file, &o, &r)) != ENT_OK)
        return st;
    if ((st = ent_reader_cols(r, cols, idx, 7)) != ENT_OK)
        goto out;
    while ((st = ent_reader_next(r, &c, &nc)) == ENT_OK) {
        ent_meet_cp cp[ENT_MEET_MAXCP];
        int32_t day, end;
        int y, m, d, trip, role;
        size_t n;
        char place[ENT_MEET_PLACEMAX];
        if ((st = dates(r, c, idx[2], idx[3], &day, &end)) != ENT_OK)
            goto out;
        ent_meet_civil_from_days(day, &y, &m, &d);
        if (!*lo || y < *lo)
            *lo = y;
        if (y > *hi)
            *hi = y;
        ent_load_year(ld, y);
        trip = country_code(ld, c[idx[4]].p, y);
        if (!trip) {
            ent_load_reject(ld, r, "trip country is not a COW state on the date");
            continue;
        }
        role = !strcmp(c[idx[0]].p, "president") ? ENT_ROLE_HEAD : ENT_ROLE_OFFICIAL;
        snprintf(place, sizeof place, "%s, %s", c[idx[4]].p, c[idx[5]].p);
        n = ent_meet_parse_sd(c[idx[6]].p, cp, ENT_MEET_MAXCP);
        if ((st = add_cps(s, r, cp, n, canon(c[idx[1]].p), role, day, end, trip, place, 0)) !=
            ENT_OK)
            goto out;
        ent_load_ok(ld);
    }
    if (st == ENT_DONE)
        st = ENT_OK;
out:
    ent_load_close(ld, r);
    return st;
}

static ent_status load_visits(ent_load *ld, ent_meet_sink *s, int *lo, int *hi)
{
    static const char *const cols[] = {"start_date", "end_date", "visitor", "from_country",
                                       "description"};
    static const char file[] = "foreign_leader_visits_to_us.tsv";
    ent_reader_opts o = {.delim = '\t', .label = file};
    ent_reader *r = NULL;
    ent_cell *c;
    size_t nc;
    int idx[5];
    ent_status st;

    if ((st = ent_load_open(ld, file, &o, &r)) != ENT_OK)
        return st;
    if ((st = ent_reader_cols(r, cols, idx, 5)) != ENT_OK)
        goto out;
    while ((st = ent_reader_next(r, &c, &nc)) == ENT_OK) {
        ent_meet_cp cp[1];
        int32_t day, end;
        int y, m, d, from, met, summit;
        const char *pres, *desc;
        if ((st = dates(r, c, idx[0], idx[1], &day, &end)) != ENT_OK)
            goto out;
        ent_meet_civil_from_days(day, &y, &m, &d);
        if (!*lo || y < *lo)
            *lo = y;
        if (y > *hi)
            *hi = y;
        ent_load_year(ld, y);
        from = country_code(ld, c[idx[3]].p, y);
        if (!from) {
            ent_load_reject(ld, r, "visitor's country is not a COW state on the date");
            continue;
        }
        ent_load_ok(ld);
        desc = c[idx[4]].p;
        met = ((strstr(desc, "Met with President") || strstr(desc, "met with President")) &&
               !strstr(desc, "President-elect")) || /* Abe 2016-11-17 met Trump, not Obama */
              strstr(desc, "State Visit") || strstr(desc, "State visit") ||
              strstr(desc, "Official Visit") || strstr(desc, "Official visit") ||
              strstr(desc, "Working Visit") || strstr(desc, "Working visit") ||
              strstr(desc, "Official select visit");
        summit = !met && strstr(desc, "Summit") != NULL;
        pres = president_on(day);
        if ((!met && !summit) || !pres)
            continue; /* a visit that does not say the president met the visitor */
        if (ent_meet_parse_sd(c[idx[2]].p, cp, 1) != 1) {
            if ((st = ent_meet_sink_unmatched(s, c[idx[2]].p, "", "visitor without a leader "
                                              "title", ent_reader_line(r))) != ENT_OK)
                goto out;
            continue;
        }
        /* the visitor is the counterpart; the place is the United States */
        {
            ent_meet_person p;
            ent_meet_rec rec;
            ent_meet_resolve(s->spells, s->nspells, cp[0].name, cp[0].title, day, from, &p);
            if (p.ccode == 0 || p.ccode == 2)
                continue;
            memset(&rec, 0, sizeof rec);
            rec.day = day;
            rec.end = end;
            rec.leader_a = pres;
            rec.role_a = "head";
            rec.state_a = 2;
            rec.leader_b = p.name;
            rec.role_b = ent_meet_role_name(p.role);
            rec.state_b = p.ccode;
            rec.place = "United States";
            rec.group_size = summit ? 2 : 1;
            rec.format = summit ? ENT_MF_MULTILATERAL : ENT_MF_VISIT;
            rec.basis_b = p.basis;
            rec.name_b_raw = cp[0].name;
            rec.title_b = cp[0].title;
            rec.source_row = ent_reader_line(r);
            if ((st = ent_meet_sink_add(s, &rec)) != ENT_OK)
                goto out;
        }
    }
    if (st == ENT_DONE)
        st = ENT_OK;
out:
    ent_load_close(ld, r);
    return st;
}

static ent_status load(ent_load *ld)
{
    ent_meet_sink sink;
    ent_status st;
    int lo = 0, hi = 0;

    if ((st = ent_meet_sink_open(ld, "state_dept", &sink)) != ENT_OK) {
        ent_meet_sink_free(&sink);
        return st;
    }
    if ((st = load_travels(ld, &sink, "us_president_travels.tsv", &lo, &hi)) != ENT_OK ||
        (st = load_travels(ld, &sink, "us_secretary_of_state_travels.tsv", &lo, &hi)) !=
            ENT_OK ||
        (st = load_visits(ld, &sink, &lo, &hi)) != ENT_OK) {
        ent_meet_sink_free(&sink);
        return st;
    }
    /* Covered years: those with presidential records on both directions. */
    if (lo < 1945)
        lo = 1945;
    return ent_meet_sink_close(&sink, 2, lo, hi);
}

const ent_source ent_src_state_dept = {
    .name = "state_dept",
    .dir = "leader_visits_us_state_dept",
    .files = {"us_president_travels.tsv", "us_secretary_of_state_travels.tsv",
              "foreign_leader_visits_to_us.tsv"},
    .version = 2,
    .schema = ent_meet_schema,
    .tables = NULL, /* rows of meetings / meet_unmatched with source='state_dept' */
    .deps = "archigos",
    .year_lo = 1866,
    .year_hi = 2025,
    .coverage = "partial: US side only; dyad-years counted from 1945 (visits need the "
                "sitting president)",
    .cite = "US Department of State, Office of the Historian: Travels of the President, "
            "Travels of the Secretary of State, Visits by Foreign Leaders (HistoryAtState)",
    .load = load,
};
