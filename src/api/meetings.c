/*
 * meetings.c -- ent_meetings: a leader's counterparts ranked by in-person
 * episodes, or the leader's meeting records, as a result (the library form
 * of `entente meetings LEADER [--partners]`).
 */
#include "entente/query.h"
#include "result.h"
#include "meetings/query.h"
#include "store/store.h"

#include <sqlite3.h>

static ent_status partners(ent_db *db, const ent_registry *reg, const char *leader,
                           int32_t from, int32_t to, ent_result *r)
{
    ent_meet_partner *ps = NULL;
    size_t n = 0;
    ent_status st;

    if ((st = ent_meet_partners(db->ctx, db->db, leader, from, to, &ps, &n)) != ENT_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        ent_result_row(r);
        ent_result_set_text(r, 0, leader);
        ent_result_set_text(r, 1, ps[i].partner);
        ent_result_set_text(r, 2, ps[i].ccode > 0 ? ent_state_abb(reg, ps[i].ccode) : NULL);
        ent_result_set_int(r, 3, ps[i].in.episodes);
        ent_result_set_int(r, 4, ps[i].in.bilateral);
        ent_result_set_int(r, 5, ps[i].in.group);
        ent_result_set_int(r, 6, ps[i].calls);
        ent_result_set_int(r, 7, ps[i].in.days);
        ent_result_set_int(r, 8, ps[i].rank);
    }
    ent_result_add_note(r, "info", "episodes, bilateral, group: in-person episodes (consecutive "
                                   "days, same counterpart and place); days: distinct days met "
                                   "in person; calls: phone and video calls, not in episodes");
    if (n >= 2 && ps[1].in.episodes > 0)
        ent_result_add_note(r, "ratio", "ratio of first to second partner: %s %lld / %s %lld = "
                            "%.2f episodes", ps[0].partner, (long long)ps[0].in.episodes,
                            ps[1].partner, (long long)ps[1].in.episodes,
                            (double)ps[0].in.episodes / (double)ps[1].in.episodes);
    else
        ent_result_add_note(r, "ratio", "ratio of first to second partner: not defined (fewer "
                                        "than two partners met in person)");
    ent_meet_partners_free(db->ctx, ps, n);
    return ENT_OK;
}

static ent_status records(ent_db *db, const ent_registry *reg, const char *leader, int32_t from,
                          int32_t to, ent_result *r)
{
    static const char sql[] =
        "SELECT date, end_date, leader_b, state_b, role_b, place, format, source, source_row "
        "FROM meetings WHERE leader_a=?1 UNION ALL "
        "SELECT date, end_date, leader_a, state_a, role_a, place, format, source, source_row "
        "FROM meetings WHERE leader_b=?1 ORDER BY 1, 3";
    sqlite3_stmt *q = NULL;
    ent_status st;

    if ((st = ent_sql_prepare(db->ctx, db->db, sql, &q)) != ENT_OK)
        return st;
    sqlite3_bind_text(q, 1, leader, -1, SQLITE_STATIC);
    while (sqlite3_step(q) == SQLITE_ROW) {
        int32_t d;
        if (ent_meet_date_parse((const char *)sqlite3_column_text(q, 0), &d) != 1)
            continue;
        if (from <= to && (d < from || d > to))
            continue;
        ent_result_row(r);
        ent_result_set_text(r, 0, (const char *)sqlite3_column_text(q, 0));
        ent_result_set_text(r, 1, (const char *)sqlite3_column_text(q, 1));
        ent_result_set_text(r, 2, leader);
        ent_result_set_text(r, 3, (const char *)sqlite3_column_text(q, 2));
        ent_result_set_text(r, 4, sqlite3_column_type(q, 3) == SQLITE_NULL
                                      ? NULL : ent_state_abb(reg, sqlite3_column_int(q, 3)));
        for (int j = 4; j < 8; j++)
            ent_result_set_text(r, (size_t)j + 1, (const char *)sqlite3_column_text(q, j));
        ent_result_set_int(r, 9, sqlite3_column_int64(q, 8));
    }
    sqlite3_finalize(q);
    return ENT_OK;
}

ent_status ent_meetings(ent_db *db, const char *typed, const char *from_date,
                        const char *to_date, int want_partners, ent_result **out)
{
    static const ent_result_coldef pcols[] = {
        {"leader", ENT_COL_TEXT, 0},  {"partner", ENT_COL_TEXT, 0}, {"partner_state", ENT_COL_TEXT, 0},
        {"episodes", ENT_COL_INT, 0}, {"bilateral", ENT_COL_INT, 0}, {"group", ENT_COL_INT, 0},
        {"calls", ENT_COL_INT, 0},    {"days", ENT_COL_INT, 0},     {"rank", ENT_COL_INT, 0}};
    static const ent_result_coldef rcols[] = {
        {"date", ENT_COL_TEXT, 0},          {"end_date", ENT_COL_TEXT, 0},
        {"leader", ENT_COL_TEXT, 0},        {"partner", ENT_COL_TEXT, 0},
        {"partner_state", ENT_COL_TEXT, 0}, {"partner_role", ENT_COL_TEXT, 0},
        {"place", ENT_COL_TEXT, 0},         {"format", ENT_COL_TEXT, 0},
        {"source", ENT_COL_TEXT, 0},        {"source_row", ENT_COL_INT, 0}};
    ent_ctx *ctx = db->ctx;
    const ent_registry *reg;
    char leader[ENT_MEET_NAMEMAX], line[1024];
    int32_t from = -10000000, to = 10000000;
    ent_meet_cover cov[ENT_MEET_MAXSRC];
    size_t ncov = 0;
    ent_result *r = NULL;
    ent_status st;

    *out = NULL;
    if (from_date && ent_meet_date_parse(from_date, &from) != 1)
        return ent_err(ctx, ENT_EINVAL, "from: '%s' is not a date (YYYY-MM-DD)", from_date);
    if (to_date && ent_meet_date_parse(to_date, &to) != 1)
        return ent_err(ctx, ENT_EINVAL, "to: '%s' is not a date (YYYY-MM-DD)", to_date);
    if (from > to)
        return ent_err(ctx, ENT_EINVAL, "from %s is after to %s", from_date, to_date);
    if ((st = ent_db_registry(db, &reg)) != ENT_OK ||
        (st = ent_meet_leader_name(ctx, db->db, typed, leader, sizeof leader)) != ENT_OK)
        return st;
    if ((st = want_partners ? ent_result_new(ctx, pcols, sizeof pcols / sizeof pcols[0], &r)
                            : ent_result_new(ctx, rcols, sizeof rcols / sizeof rcols[0], &r)) !=
        ENT_OK)
        return st;
    /* a range (or the open default) past a source's last record is said */
    if (ent_meet_coverage(ctx, db->db, leader, cov, &ncov) == ENT_OK &&
        ent_meet_coverage_text(cov, ncov, leader, from, to_date ? to : 0, line, sizeof line))
        ent_result_add_note(r, "coverage", "%s", line);
    st = want_partners ? partners(db, reg, leader, from, to, r) : records(db, reg, leader, from, to, r);
    if (st == ENT_OK)
        st = ent_result_ok(r);
    if (st != ENT_OK) {
        ent_result_free(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}
