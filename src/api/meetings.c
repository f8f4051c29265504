/*
 * meetings.c -- ent_meetings: a leader's counterparts ranked by in-person
 * episodes, or the leader's meeting records, as a result (the library form
 * of `entente meetings LEADER [--partners]`), and ent_meetings_by_year: the
 * meetings of two states' leaders per year; over src/meetings/query.c.
 */
#include "entente/query.h"
#include "result.h"
#include "meetings/query.h"
#include "store/store.h"

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

typedef struct recs {
    ent_result *r;
    const ent_registry *reg;
    const char *leader;
} recs;

static ent_status record(void *ud, const ent_meet_record *m)
{
    recs *x = ud;
    ent_result *r = x->r;
    ent_result_row(r);
    ent_result_set_text(r, 0, m->date);
    ent_result_set_text(r, 1, m->end_date);
    ent_result_set_text(r, 2, x->leader);
    ent_result_set_text(r, 3, m->partner);
    ent_result_set_text(r, 4, m->partner_state < 0 ? NULL : ent_state_abb(x->reg, m->partner_state));
    ent_result_set_text(r, 5, m->role);
    ent_result_set_text(r, 6, m->place);
    ent_result_set_text(r, 7, m->format);
    ent_result_set_text(r, 8, m->source);
    ent_result_set_int(r, 9, m->source_row);
    return ent_result_ok(r);
}

static ent_status records(ent_db *db, const ent_registry *reg, const char *leader, int32_t from,
                          int32_t to, ent_result *r)
{
    recs x = {r, reg, leader};
    return ent_meet_records(db->ctx, db->db, leader, from, to, record, &x);
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
        return ent_err(ctx, ENT_EINVAL, "--from: '%s' is not a date (YYYY-MM-DD)", from_date);
    if (to_date && ent_meet_date_parse(to_date, &to) != 1)
        return ent_err(ctx, ENT_EINVAL, "--to: '%s' is not a date (YYYY-MM-DD)", to_date);
    if (from > to)
        return ent_err(ctx, ENT_EINVAL, "--from is after --to");
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

ent_status ent_meetings_by_year(ent_db *db, const char *a, const char *b, int from, int to,
                                ent_result **out)
{
    static const ent_result_coldef cols[] = {
        {"state_a", ENT_COL_TEXT, 0},      {"state_b", ENT_COL_TEXT, 0},
        {"year", ENT_COL_INT, 0},          {"meet_episodes", ENT_COL_INT, 0},
        {"meet_days", ENT_COL_INT, 0},     {"meet_calls", ENT_COL_INT, 0},
        {"meet_coverage", ENT_COL_TEXT, 0}};
    ent_ctx *ctx = db->ctx;
    const ent_registry *reg;
    ent_meet_year *ys = NULL;
    ent_result *r = NULL;
    int ca, cb, lo = from, hi = to, covlo, covhi;
    ent_status st;

    *out = NULL;
    if (from && to && from > to)
        return ent_err(ctx, ENT_EINVAL, "--from %d is after --to %d", from, to);
    if ((st = ent_db_registry(db, &reg)) != ENT_OK ||
        (st = ent_state_resolve(ctx, reg, a, 0, &ca)) != ENT_OK ||
        (st = ent_state_resolve(ctx, reg, b, 0, &cb)) != ENT_OK)
        return st;
    if (ca == cb)
        return ent_err(ctx, ENT_EINVAL, "'%s' and '%s' are the same state", a, b);
    if ((st = ent_meet_dyad_span(ctx, db->db, ca, cb, &covlo, &covhi)) != ENT_OK)
        return st;
    if (!lo)
        lo = covlo;
    if (!hi)
        hi = covhi;
    if (!lo || !hi)
        return ent_err(ctx, ENT_ENODATA, "no meeting records cover %s-%s (sources cover CHN "
                       "and USA dyads only)", ent_state_abb(reg, ca), ent_state_abb(reg, cb));
    if (lo > hi || hi - lo > 5000)
        return ent_err(ctx, ENT_EINVAL, "%d-%d is not a year range", lo, hi);
    if (!(ys = ent_calloc(ctx, (size_t)(hi - lo + 1), sizeof *ys)))
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    if ((st = ent_meet_dyad_years(ctx, db->db, ca, cb, lo, hi, ys)) != ENT_OK ||
        (st = ent_result_new(ctx, cols, sizeof cols / sizeof cols[0], &r)) != ENT_OK)
        goto done;
    if (covhi && (hi > covhi || lo < covlo))
        ent_result_add_note(r, "coverage", "coverage: the meeting records cover %s-%s in %d-%d; "
                            "the years asked outside those are empty (no source covers them)",
                            ent_state_abb(reg, ca), ent_state_abb(reg, cb), covlo, covhi);
    for (int y = lo; y <= hi; y++) {
        const ent_meet_year *m = &ys[y - lo];
        ent_result_row(r);
        ent_result_set_text(r, 0, ent_state_abb(reg, ca));
        ent_result_set_text(r, 1, ent_state_abb(reg, cb));
        ent_result_set_int(r, 2, y);
        ent_result_set_int(r, 3, m->episodes);
        ent_result_set_int(r, 4, m->days);
        ent_result_set_int(r, 5, m->calls);
        ent_result_set_text(r, 6, m->found && *m->coverage ? m->coverage : NULL);
    }
    ent_result_add_note(r, "info", "episodes: runs of consecutive days with one counterpart at "
                        "one place, heads of state or government on both sides; calls counted "
                        "apart; empty = no source covers the dyad-year");
    st = ent_result_ok(r);
done:
    ent_free(ctx, ys);
    if (st != ENT_OK) {
        ent_result_free(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}
