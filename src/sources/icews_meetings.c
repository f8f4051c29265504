/*
 * icews_meetings.c -- the `icews_meetings` source: meeting evidence from ICEWS
 * events (Boschee et al.): CAMEO 040-046 (consult, discuss by telephone, make
 * a visit, host a visit, meet at a third location, mediate, negotiate)
 * between two heads of state or government.
 *
 * Each actor is a person when ICEWS names one (an actor written "Foreign
 * Affairs (Bangladesh)" is an agency).  A person is a head when Archigos says
 * so on the date, or -- after Archigos ends (2015-12-31) -- when Archigos had
 * the person in office at its end and ICEWS puts the person in the
 * "Executive Office" sector, or when the person is in the table of heads who
 * took office after Archigos below.  Nobody is guessed: a named person
 * placed in no head role is tallied in meet_unmatched.
 *
 * Formats: 041 is a call; 042 and 043 a visit; 044 a meeting at a third
 * place (summit_bilateral); 040, 045 and 046 name no channel and are stored
 * as `consult`, counted neither as meetings nor as calls.  ICEWS reports an
 * event once per direction and once per story: a (day, pair, format) is kept
 * once.  Coverage: ICEWS covers every dyad, but only for the days its files
 * span; a year counts as covered only when the files span all of it (the
 * bundled two-day sample covers no year, so its records are kept in
 * `meetings` but add nothing to meet_dyad_year).
 */
#include "../store/store.h"
#include "../meetings/mstore.h"

#include <stdio.h>
#include <string.h>

/* Heads of state or government who took office after Archigos ends, for the
 * years of ICEWS's public releases (a table the project writes; extend it as
 * data arrive).  Dates are the first and last day in office. */
static const struct {
    const char *name;
    int ccode;
    int y0, m0, d0, y1, m1, d1;
} heads_after_archigos[] = {
    {"Donald Trump", 2, 2017, 1, 20, 2021, 1, 20},
    {"Justin Trudeau", 20, 2015, 11, 4, 2025, 3, 14},
    {"Theresa May", 200, 2016, 7, 13, 2019, 7, 24},
    {"Boris Johnson", 200, 2019, 7, 24, 2022, 9, 6},
    {"Emmanuel Macron", 220, 2017, 5, 14, 2030, 1, 1},
    {"Edouard Philippe", 220, 2017, 5, 15, 2020, 7, 3},
    {"Frank-Walter Steinmeier", 255, 2017, 3, 19, 2030, 1, 1},
    {"Giuseppe Conte", 325, 2018, 6, 1, 2021, 2, 13},
    {"Paolo Gentiloni", 325, 2016, 12, 12, 2018, 6, 1},
    {"Sergio Mattarella", 325, 2015, 2, 3, 2030, 1, 1},
    {"Pedro Sanchez", 230, 2018, 6, 2, 2030, 1, 1},
    {"Mariano Rajoy", 230, 2011, 12, 21, 2018, 6, 1},
    {"Andrzej Duda", 290, 2015, 8, 6, 2025, 8, 6},
    {"Mateusz Morawiecki", 290, 2017, 12, 11, 2023, 11, 27},
    {"Petro Poroshenko", 369, 2014, 6, 7, 2019, 5, 20},
    {"Volodymyr Zelensky", 369, 2019, 5, 20, 2030, 1, 1},
    {"Recep Tayyip Erdogan", 640, 2014, 8, 28, 2030, 1, 1},
    {"Hassan Rouhani", 630, 2013, 8, 3, 2021, 8, 3},
    {"Benjamin Netanyahu", 666, 2009, 3, 31, 2021, 6, 13},
    {"Emmerson Mnangagwa", 552, 2017, 11, 24, 2030, 1, 1},
    {"Cyril Ramaphosa", 560, 2018, 2, 15, 2030, 1, 1},
    {"Muhammadu Buhari", 475, 2015, 5, 29, 2023, 5, 29},
    {"Narendra Modi", 750, 2014, 5, 26, 2030, 1, 1},
    {"Moon Jae-in", 732, 2017, 5, 10, 2022, 5, 9},
    {"Kim Jong-Un", 731, 2011, 12, 17, 2030, 1, 1},
    {"Shinzo Abe", 740, 2012, 12, 26, 2020, 9, 16},
    {"Rodrigo Duterte", 840, 2016, 6, 30, 2022, 6, 30},
    {"Joko Widodo", 850, 2014, 10, 20, 2024, 10, 20},
    {"Malcolm Turnbull", 900, 2015, 9, 15, 2018, 8, 24},
    {"Scott Morrison", 900, 2018, 8, 24, 2022, 5, 23},
    {"Jacinda Ardern", 920, 2017, 10, 26, 2023, 1, 25},
    {"Michel Temer", 140, 2016, 8, 31, 2019, 1, 1},
    {"Mauricio Macri", 160, 2015, 12, 10, 2019, 12, 10},
    {"Enrique Pena Nieto", 70, 2012, 12, 1, 2018, 11, 30},
    {"Vladimir Putin", 365, 2012, 5, 7, 2030, 1, 1},
    {"Dmitry Medvedev", 365, 2012, 5, 8, 2020, 1, 16},
    {"Dmitry Anatolyevich Medvedev", 365, 2012, 5, 8, 2020, 1, 16},
    {"Binali Yildirim", 640, 2016, 5, 24, 2018, 7, 9},
    {"Nikol Pashinyan", 371, 2018, 5, 8, 2030, 1, 1},
    {"Tran Dai Quang", 816, 2016, 4, 2, 2018, 9, 21},
    {"Bakytzhan Sagintayev", 705, 2016, 9, 8, 2019, 2, 21},
    {"Raimonds Vejonis", 367, 2015, 7, 8, 2019, 7, 8},
    {"Juan Manuel Santos", 100, 2010, 8, 7, 2018, 8, 7},
    {"Xi Jinping", 710, 2013, 3, 14, 2030, 1, 1},
    {"Li Keqiang", 710, 2013, 3, 15, 2023, 3, 11},
    {"Nursultan Nazarbayev", 705, 1991, 12, 16, 2019, 3, 20},
    {"Alexander Lukashenko", 370, 1994, 7, 20, 2030, 1, 1},
    {"Bashar al-Assad", 652, 2000, 7, 17, 2030, 1, 1},
    {"Abdel Fattah el-Sisi", 651, 2014, 6, 8, 2030, 1, 1},
};

static const char *const cols[] = {"Event Date", "Source Name", "Source Sectors",
                                   "Source Country", "CAMEO Code", "Target Name",
                                   "Target Sectors", "Target Country", "City"};
enum { C_DATE, C_SNAME, C_SSECT, C_SCTRY, C_CODE, C_TNAME, C_TSECT, C_TCTRY, C_CITY, NCOLS };

/* head_after finds name in the table of later heads (case- and accent-blind). */
static int head_after(const char *name, int32_t day)
{
    char a[ENT_MEET_NAMEMAX], b[ENT_MEET_NAMEMAX];
    ent_meet_fold(name, a, sizeof a);
    for (size_t i = 0; i < sizeof heads_after_archigos / sizeof heads_after_archigos[0]; i++) {
        ent_meet_fold(heads_after_archigos[i].name, b, sizeof b);
        if (strcmp(a, b))
            continue;
        if (day >= ent_meet_days_from_civil(heads_after_archigos[i].y0, heads_after_archigos[i].m0,
                                            heads_after_archigos[i].d0) &&
            day < ent_meet_days_from_civil(heads_after_archigos[i].y1, heads_after_archigos[i].m1,
                                           heads_after_archigos[i].d1))
            return heads_after_archigos[i].ccode;
    }
    return 0;
}

/* place_country maps an ICEWS country name to COW on the date; 0 when it is
 * not a state (an occupied territory, "International") or unknown. */
static int place_country(ent_load *ld, const char *country, int year)
{
    int c = 0;
    if (!*country || !strcmp(country, "NA"))
        return 0;
    if (ent_state_resolve(ld->ctx, ld->reg, country, year, &c) != ENT_OK)
        c = ent_meet_country_state(country);
    return c > 0 && ent_state_member(ld->reg, c, year) ? c : 0;
}

/* head decides whether the actor is a head of state or government of ccode
 * on day; fills the canonical name.  0 when not (or not known to be). */
static int head(const ent_meet_sink *s, const char *name, const char *sectors, int ccode,
                int32_t day, char *canon, size_t cap)
{
    const ent_meet_alias *al = ent_meet_canon(name);
    const char *nm = al ? al->canonical : name;
    int exec = strstr(sectors, "Executive Office") != NULL;
    const ent_meet_spell *sp;
    snprintf(canon, cap, "%s", nm);
    sp = ent_meet_archigos_head(s->spells, s->nspells, ccode, nm, day, exec);
    if (sp)
        return 1;
    return head_after(nm, day) == ccode;
}

static int cameo_format(const char *code)
{
    if (!strcmp(code, "041"))
        return ENT_MF_CALL;
    if (!strcmp(code, "042") || !strcmp(code, "043"))
        return ENT_MF_VISIT;
    if (!strcmp(code, "044"))
        return ENT_MF_SUMMIT_BILAT;
    if (!strcmp(code, "040") || !strcmp(code, "045") || !strcmp(code, "046"))
        return ENT_MF_CONSULT;
    return -1;
}

static ent_status load(ent_load *ld)
{
    ent_reader_opts o = {.delim = '\t', .no_quotes = 1};
    ent_reader *r = NULL;
    ent_meet_sink s;
    ent_meet_hset seen = {0};
    ent_cell *c;
    size_t n;
    int idx[NCOLS];
    int32_t first = 0, last = 0;
    ent_status st;

    memset(&s, 0, sizeof s);
    if ((st = ent_meet_sink_open(ld, "icews", &s)) != ENT_OK)
        return st;
    if ((st = ent_load_open(ld, "events.2018.sample.tab", &o, &r)) != ENT_OK ||
        (st = ent_reader_cols(r, cols, idx, NCOLS)) != ENT_OK)
        goto out;
    while ((st = ent_reader_next(r, &c, &n)) == ENT_OK) {
        int y, m, d, fmt, sa, sb, k;
        int32_t day;
        char na[ENT_MEET_NAMEMAX], nb[ENT_MEET_NAMEMAX];
        const char *sname = c[idx[C_SNAME]].p, *tname = c[idx[C_TNAME]].p;
        uint64_t h;

        k = ent_cell_date(c[idx[C_DATE]], &y, &m, &d);
        if (k != 1) {
            st = ent_reader_fail(r, ENT_EPARSE, idx[C_DATE], "'%s' is not a date (YYYY-MM-DD)",
                                 c[idx[C_DATE]].p);
            goto out;
        }
        day = ent_meet_days_from_civil(y, m, d);
        if (!first || day < first)
            first = day;
        if (day > last)
            last = day;
        if ((fmt = cameo_format(c[idx[C_CODE]].p)) < 0) {
            if (c[idx[C_CODE]].n < 2 || strspn(c[idx[C_CODE]].p, "0123456789") != c[idx[C_CODE]].n) {
                st = ent_reader_fail(r, ENT_EPARSE, idx[C_CODE], "'%s' is not a CAMEO code",
                                     c[idx[C_CODE]].p);
                goto out;
            }
            ent_load_reject(ld, r, "not meeting evidence (CAMEO outside 040-046)");
            continue;
        }
        if (strchr(sname, '(') || strchr(tname, '(')) {
            ent_load_reject(ld, r, "an actor is an agency, not a named person");
            continue;
        }
        sa = place_country(ld, c[idx[C_SCTRY]].p, y);
        sb = place_country(ld, c[idx[C_TCTRY]].p, y);
        if (!sa || !sb || sa == sb) {
            ent_load_reject(ld, r, sa && sa == sb ? "both actors of one state"
                                                   : "an actor's country is not a system member");
            continue;
        }
        {
            int ha = head(&s, sname, c[idx[C_SSECT]].p, sa, day, na, sizeof na);
            int hb = head(&s, tname, c[idx[C_TSECT]].p, sb, day, nb, sizeof nb);
            if (!ha || !hb) {
                if (!ha && strstr(c[idx[C_SSECT]].p, "Executive Office") &&
                    (st = ent_meet_sink_unmatched(&s, na, "", "ICEWS Executive Office, not a "
                                                  "known head on the date",
                                                  ent_reader_line(r))) != ENT_OK)
                    goto out;
                if (!hb && strstr(c[idx[C_TSECT]].p, "Executive Office") &&
                    (st = ent_meet_sink_unmatched(&s, nb, "", "ICEWS Executive Office, not a "
                                                  "known head on the date",
                                                  ent_reader_line(r))) != ENT_OK)
                    goto out;
                ent_load_reject(ld, r, "an actor is not a head of state or government on the date");
                continue;
            }
        }
        /* one record per day, unordered pair and format */
        h = ent_meet_fnv(1469598103934665603ULL, (const char *)&day, sizeof day);
        if (strcmp(na, nb) < 0) {
            h = ent_meet_fnv(h, na, strlen(na));
            h = ent_meet_fnv(h, nb, strlen(nb));
        } else {
            h = ent_meet_fnv(h, nb, strlen(nb));
            h = ent_meet_fnv(h, na, strlen(na));
        }
        h = ent_meet_fnv(h, (const char *)&fmt, sizeof fmt);
        k = ent_meet_hset_add(ld->ctx, &seen, h);
        if (k < 0) {
            st = ent_err(ld->ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        if (k == 0) {
            ent_load_ok(ld); /* the same meeting, reported again: read once */
            continue;
        }
        {
            ent_meet_rec rec;
            const char *city = c[idx[C_CITY]].p;
            memset(&rec, 0, sizeof rec);
            rec.day = rec.end = day;
            rec.leader_a = na;
            rec.role_a = "head";
            rec.state_a = sa;
            rec.leader_b = nb;
            rec.role_b = "head";
            rec.state_b = sb;
            rec.place = strcmp(city, "NA") ? city : "";
            rec.format = fmt;
            rec.group_size = 1;
            rec.basis_b = "icews";
            rec.name_b_raw = tname;
            rec.title_b = "";
            rec.source_row = ent_reader_line(r);
            if ((st = ent_meet_sink_add(&s, &rec)) != ENT_OK)
                goto out;
        }
        ent_load_year(ld, y);
        ent_load_ok(ld);
    }
    if (st != ENT_DONE)
        goto out;
    st = ENT_OK;
    {   /* the years the files span completely */
        int y0, m0, d0, y1, m1, d1, lo, hi;
        ent_meet_civil_from_days(first, &y0, &m0, &d0);
        ent_meet_civil_from_days(last, &y1, &m1, &d1);
        lo = (m0 == 1 && d0 == 1) ? y0 : y0 + 1;
        hi = (m1 == 12 && d1 == 31) ? y1 : y1 - 1;
        ent_load_close(ld, r);
        r = NULL;
        st = ent_meet_sink_close(&s, 0, first && lo <= hi ? lo : 0, hi);
        memset(&s, 0, sizeof s);
    }
out:
    ent_load_close(ld, r);
    ent_meet_sink_free(&s);
    ent_free(ld->ctx, seen.v);
    return st;
}

const ent_source ent_src_icews_meetings = {
    .name = "icews_meetings",
    .dir = "icews_sample",
    .files = {"events.2018.sample.tab"},
    .version = 2,
    .deps = "states,archigos",
    .year_lo = 2018,
    .year_hi = 2018,
    .coverage = "partial: every dyad, but only the days the files span (the sample: "
                "2018-06-01..02, no whole year)",
    .cite = "Boschee et al. ICEWS Coded Event Data, Harvard Dataverse doi:10.7910/DVN/28075",
    .load = load,
};
