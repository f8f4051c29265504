/*
 * agree.c -- ent_agree: UN General Assembly vote agreement of one dyad per
 * year as a result (the library form of `entente agree A B`).
 */
#include "entente/query.h"
#include "result.h"
#include "measures/agree_db.h"
#include "store/store.h"

#include <stdio.h>

/* span writes "2024 has" or "2020-2024 have" */
static void span(char *b, size_t n, int lo, int hi)
{
    if (lo == hi)
        snprintf(b, n, "%d has", lo);
    else
        snprintf(b, n, "%d-%d have", lo, hi);
}

static void coverage_notes(ent_result *r, const ent_agree_cover *c, int from, int to)
{
    char s[32];
    if (!c->year_hi) {
        ent_result_add_note(r, "coverage", "the UN votes cover no year");
        return;
    }
    if (from < c->year_lo) {
        span(s, sizeof s, from, to < c->year_lo - 1 ? to : c->year_lo - 1);
        ent_result_add_note(r, "coverage", "the UN votes begin in %d: %s no data", c->year_lo, s);
    }
    if (to > c->year_hi) {
        span(s, sizeof s, from > c->year_hi + 1 ? from : c->year_hi + 1, to);
        ent_result_add_note(r, "coverage", "the UN votes end in %d (%s, last roll call %s): %s "
                            "no data", c->year_hi, c->source_hi, c->last_date, s);
    }
    if (c->partial && c->partial >= from && c->partial <= to)
        ent_result_add_note(r, "coverage", "%d is partial: session %d was still open when %s "
                            "ends (last roll call %s)", c->partial, c->partial_session,
                            c->source_hi, c->last_date);
}

ent_status ent_agree(ent_db *db, const char *sa, const char *sb, int from, int to,
                     ent_result **out)
{
    static const ent_result_coldef cols[] = {
        {"a", ENT_COL_TEXT, 0}, {"b", ENT_COL_TEXT, 0}, {"year", ENT_COL_INT, 0},
        {"n", ENT_COL_INT, 0},  {"agree", ENT_COL_REAL, 4}, {"s", ENT_COL_REAL, 4},
        {"pi", ENT_COL_REAL, 4}, {"kappa", ENT_COL_REAL, 4}, {"partial", ENT_COL_INT, 0}};
    ent_ctx *ctx = db->ctx;
    ent_agree_opts ao = {ENT_AGREE_QUADRATIC, NULL, 0, 0};
    ent_agree_cover cov;
    ent_agree_year *rows = NULL;
    const ent_registry *reg;
    ent_result *r = NULL;
    int explicit_range = from || to, ca = 0, cb = 0;
    ent_status st;

    *out = NULL;
    if (from && to && (from > to || to - from > 500))
        return ent_err(ctx, ENT_EINVAL, "from %d to %d is not a year range", from, to);
    if ((st = ent_db_registry(db, &reg)) != ENT_OK || (st = ent_agree_check(db, &ao)) != ENT_OK ||
        (st = ent_agree_coverage(db, &ao, &cov)) != ENT_OK)
        return st;
    if (!from)
        from = cov.year_lo ? cov.year_lo : ENT_UN_YEAR_LO;
    if (!to)
        to = cov.year_hi ? cov.year_hi : from;
    if (from > to || to - from > 500)
        return ent_err(ctx, ENT_EINVAL, "from %d to %d is not a year range", from, to);
    if ((st = ent_state_resolve(ctx, reg, sa, 0, &ca)) != ENT_OK ||
        (st = ent_state_resolve(ctx, reg, sb, 0, &cb)) != ENT_OK)
        return st;
    if (ca == cb)
        return ent_err(ctx, ENT_EINVAL, "%s and %s are the same state", sa, sb);
    if (!(rows = ent_calloc(ctx, (size_t)(to - from + 1), sizeof *rows)))
        return ENT_ENOMEM;
    if ((st = ent_agree_dyad(db, ca, cb, from, to, &ao, rows)) != ENT_OK ||
        (st = ent_result_new(ctx, cols, sizeof cols / sizeof cols[0], &r)) != ENT_OK)
        goto done;
    for (int i = 0; i <= to - from; i++) {
        const ent_agree_year *y = &rows[i];
        if (!explicit_range && !y->dyad)
            continue;
        ent_result_row(r);
        ent_result_set_text(r, 0, ent_state_abb(reg, y->a));
        ent_result_set_text(r, 1, ent_state_abb(reg, y->b));
        ent_result_set_int(r, 2, y->year);
        ent_result_set_int(r, 3, y->m.n);
        ent_result_set_real(r, 4, y->m.agree);
        ent_result_set_real(r, 5, y->m.s);
        ent_result_set_real(r, 6, y->m.pi);
        ent_result_set_real(r, 7, y->m.kappa);
        ent_result_set_int(r, 8, y->m.n == ENT_NA ? ENT_NA : y->year == cov.partial);
    }
    coverage_notes(r, &cov, from, to);
    if (!ent_result_nrows(r))
        ent_result_add_note(r, "info", "%s and %s are never both COW system members in %d-%d",
                            ent_state_abb(reg, ca), ent_state_abb(reg, cb), from, to);
    ent_result_add_note(r, "info", "pi and kappa with %s weights; year = session + 1945",
                        ent_agree_wt_name(ao.wt));
    st = ent_result_ok(r);
done:
    ent_free(ctx, rows);
    if (st != ENT_OK) {
        ent_result_free(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}
