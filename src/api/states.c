/*
 * states.c -- ent_states: names resolved to COW codes, or the system
 * members of a year, as a result (the library form of `entente states`),
 * over the registry of src/states.
 */
#include "entente/query.h"
#include "result.h"
#include "store/store.h"

static void put(ent_result *r, const ent_registry *reg, const char *input, int cc, int year)
{
    ent_result_row(r);
    ent_result_set_text(r, 0, input);
    ent_result_set_int(r, 1, cc);
    ent_result_set_text(r, 2, ent_state_abb(reg, cc));
    ent_result_set_text(r, 3, ent_state_name(reg, cc));
    ent_result_set_text(r, 4, year ? (ent_state_member(reg, cc, year) ? "yes" : "no") : NULL);
}

ent_status ent_states(ent_db *db, const char *const *names, size_t n, int year,
                      ent_result **out)
{
    static const ent_result_coldef cols[] = {
        {"input", ENT_COL_TEXT, 0}, {"ccode", ENT_COL_INT, 0}, {"abb", ENT_COL_TEXT, 0},
        {"name", ENT_COL_TEXT, 0},  {"member", ENT_COL_TEXT, 0}};
    ent_ctx *ctx = db->ctx;
    const ent_registry *reg;
    ent_result *r;
    ent_status st;
    int cc;

    *out = NULL;
    if ((st = ent_db_registry(db, &reg)) != ENT_OK)
        return st;
    for (size_t i = 0; i < n; i++) /* every name resolves before any row */
        if ((st = ent_state_resolve(ctx, reg, names[i], year, &cc)) != ENT_OK)
            return st;
    if ((st = ent_result_new(ctx, cols, sizeof cols / sizeof cols[0], &r)) != ENT_OK)
        return st;
    if (n) {
        for (size_t i = 0; i < n; i++) {
            ent_state_resolve(ctx, reg, names[i], year, &cc);
            put(r, reg, names[i], cc, year);
        }
    } else {
        size_t nc;
        const int *codes = ent_state_codes(reg, &nc);
        for (size_t i = 0; i < nc; i++)
            if (!year || ent_state_member(reg, codes[i], year))
                put(r, reg, ent_state_abb(reg, codes[i]), codes[i], year);
    }
    if ((st = ent_result_ok(r)) != ENT_OK) {
        ent_result_free(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}
