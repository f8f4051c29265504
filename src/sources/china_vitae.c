/*
 * china_vitae.c -- the `china_vitae` source: engagements of seven senior
 * Chinese officials, 2003-2018, scraped from China Vitae (gbwalker,
 * chinese-diplomacy-and-financing).  One row per (date, country mentioned,
 * official); the same text recurs once per country it mentions, so a text
 * is read once per (date, official) and its counterparts are taken from the
 * text, not from the country column.  Counterparts become meeting records in
 * table `meetings` (source 'china_vitae'); names that cannot be placed in a
 * state are tallied in `meet_unmatched`.
 */
#include "../store/store.h"
#include "../meetings/mstore.h"

#include <stdlib.h>
#include <string.h>

/* The seven officials and their role in the rows (the data keep only rows
 * while the official held the stated office). */
static const struct {
    const char *name;
    int role;
} officials[] = {
    {"Xi Jinping", ENT_ROLE_HEAD},   /* President 2013- */
    {"Hu Jintao", ENT_ROLE_HEAD},    /* President 2003-2013 */
    {"Wen Jiabao", ENT_ROLE_HEAD},   /* Premier 2003-2013 */
    {"Li Keqiang", ENT_ROLE_HEAD},   /* Premier 2013- */
    {"Wang Yi", ENT_ROLE_OFFICIAL},  /* Foreign Minister 2013- */
    {"Yang Jiechi", ENT_ROLE_OFFICIAL}, /* Foreign Minister 2007-2013 */
    {"Li Zhaoxing", ENT_ROLE_OFFICIAL}, /* Foreign Minister 2003-2007 */
};

static const char *const cols[] = {"date", "country", "leader", "text"};
enum { C_DATE, C_COUNTRY, C_LEADER, C_TEXT, NCOLS };


static ent_status load(ent_load *ld)
{
    ent_reader_opts o = {.delim = '\t', .label = "china_leader_engagements_2003-2018.tsv"};
    ent_reader *r = NULL;
    ent_meet_sink sink;
    ent_meet_text *t = NULL;
    ent_meet_hset seen = {0};
    ent_cell *c;
    size_t nc;
    int idx[NCOLS], lo = 0, hi = 0, open = 0;
    ent_status st;

    memset(&sink, 0, sizeof sink);
    t = ent_malloc(ld->ctx, sizeof *t);
    if (!t)
        return ent_err(ld->ctx, ENT_ENOMEM, "out of memory");
    if ((st = ent_meet_sink_open(ld, "china_vitae", &sink)) != ENT_OK)
        goto out;
    open = 1;
    if ((st = ent_load_open(ld, "china_leader_engagements_2003-2018.tsv", &o, &r)) != ENT_OK)
        goto out;
    if ((st = ent_reader_cols(r, cols, idx, NCOLS)) != ENT_OK)
        goto out;
    while ((st = ent_reader_next(r, &c, &nc)) == ENT_OK) {
        const char *why = NULL, *official = NULL;
        int role_a = ENT_ROLE_UNKNOWN, country, y, m, d, fresh;
        int32_t day;
        uint64_t h;

        if (ent_meet_date_parse(c[idx[C_DATE]].p, &day) != 1) {
            st = ent_reader_fail(r, ENT_EPARSE, idx[C_DATE], "malformed date '%s'",
                                 c[idx[C_DATE]].p);
            goto out;
        }
        for (size_t i = 0; i < sizeof officials / sizeof officials[0]; i++)
            if (!strcmp(c[idx[C_LEADER]].p, officials[i].name)) {
                official = officials[i].name;
                role_a = officials[i].role;
            }
        if (!official) {
            st = ent_reader_fail(r, ENT_EPARSE, idx[C_LEADER],
                                 "unknown official '%s' (the file covers seven)",
                                 c[idx[C_LEADER]].p);
            goto out;
        }
        country = ent_meet_country_state(c[idx[C_COUNTRY]].p);
        if (country == 0) {
            st = ent_reader_fail(r, ENT_ENOTFOUND, idx[C_COUNTRY], "unknown country '%s'",
                                 c[idx[C_COUNTRY]].p);
            goto out;
        }
        if ((st = ent_meet_parse_cv(c[idx[C_TEXT]].p, t, &why)) != ENT_OK) {
            st = ent_reader_fail(r, st, idx[C_TEXT], "%s", why);
            goto out;
        }
        ent_meet_civil_from_days(day, &y, &m, &d);
        if (!lo || y < lo)
            lo = y;
        if (y > hi)
            hi = y;
        ent_load_year(ld, y);
        h = ent_meet_fnv(1469598103934665603ULL, c[idx[C_DATE]].p, c[idx[C_DATE]].n);
        h = ent_meet_fnv(h, official, strlen(official));
        h = ent_meet_fnv(h, c[idx[C_TEXT]].p, c[idx[C_TEXT]].n);
        fresh = ent_meet_hset_add(ld->ctx, &seen, h);
        if (fresh < 0) {
            st = ent_err(ld->ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        ent_load_ok(ld); /* every row parses; a repeated text adds no record */
        if (!fresh || t->kind == ENT_MK_NONE)
            continue;
        if (t->ncp == 0) { /* a call or message naming nobody the table knows */
            if ((st = ent_meet_sink_unmatched(&sink, "(unnamed)", "",
                                              "call or message naming no known person",
                                              ent_reader_line(r))) != ENT_OK)
                goto out;
            continue;
        }
        for (size_t k = 0; k < t->ncp; k++) {
            ent_meet_person p;
            ent_meet_rec rec;
            ent_meet_resolve(sink.spells, sink.nspells, t->cp[k].name, t->cp[k].title, day, 0,
                             &p);
            if (p.ccode == 710)
                continue; /* a Chinese official listed beside the foreign guests */
            if (p.ccode == 0) {
                if ((st = ent_meet_sink_unmatched(&sink, t->cp[k].name, t->cp[k].title,
                                                  "no state from alias, title or Archigos",
                                                  ent_reader_line(r))) != ENT_OK)
                    goto out;
                continue;
            }
            memset(&rec, 0, sizeof rec);
            rec.day = day;
            rec.end = -1;
            rec.leader_a = official;
            rec.role_a = ent_meet_role_name(role_a);
            rec.state_a = 710;
            rec.leader_b = p.name;
            rec.role_b = ent_meet_role_name(p.role);
            rec.state_b = p.ccode;
            rec.place = t->place;
            rec.group_size = (int)t->ncp;
            if (t->kind == ENT_MK_CALL)
                rec.format = ENT_MF_CALL;
            else if (t->kind == ENT_MK_MESSAGE)
                rec.format = ENT_MF_MESSAGE;
            else if (t->ncp > 1)
                rec.format = ENT_MF_MULTILATERAL;
            else if (t->travelled == 0 ||
                     (t->travelled == 1 && ent_meet_title_state(t->place) == p.ccode))
                rec.format = ENT_MF_VISIT; /* hosted in China, or in the guest's country */
            else
                rec.format = ENT_MF_SUMMIT_BILAT;
            rec.basis_b = p.basis;
            rec.name_b_raw = t->cp[k].name;
            rec.title_b = t->cp[k].title;
            rec.source_row = ent_reader_line(r);
            if ((st = ent_meet_sink_add(&sink, &rec)) != ENT_OK)
                goto out;
        }
    }
    if (st == ENT_DONE)
        st = ENT_OK;
out:
    ent_load_close(ld, r);
    if (open) {
        if (st == ENT_OK)
            st = ent_meet_sink_close(&sink, 710, lo, hi);
        else
            ent_meet_sink_free(&sink);
    }
    ent_free(ld->ctx, seen.v);
    ent_free(ld->ctx, t);
    return st;
}

const ent_source ent_src_china_vitae = {
    .name = "china_vitae",
    .dir = "leader_engagements_china_vitae",
    .files = {"china_leader_engagements_2003-2018.tsv"},
    .version = 2,
    .schema = ent_meet_schema,
    .tables = NULL, /* rows of meetings / meet_unmatched with source='china_vitae' */
    .deps = "archigos",
    .year_lo = 2003,
    .year_hi = 2018,
    .coverage = "partial: Chinese side only (seven officials), 2003-03-23..2018-12-07",
    .cite = "China Vitae (Carnegie Endowment) activity records, via gbwalker/"
            "chinese-diplomacy-and-financing leaderdf",
    .load = load,
};
