/*
 * states.c -- the `states` source: the COW state system (v2016) and the code
 * crosswalk, stored in the warehouse (tables states, state_spells,
 * state_names) so that every command can resolve states without the data
 * folder.  The build loads the registry before any source; this source saves it.
 */
#include "../store/store.h"
#include "../states/registry.h"

static ent_status load(ent_load *ld)
{
    const ent_registry *r = ld->reg;
    ent_status st = ent_registry_save(ld->ctx, r, ld->db);
    if (st != ENT_OK)
        return st;
    /* the codelist's rows: loaded when they map to a COW state */
    ld->read += r->codelist_rows;
    ld->loaded += r->codelist_rows - r->codelist_skipped;
    for (uint64_t i = 0; i < r->codelist_skipped; i++)
        ent_load_reject(ld, NULL, "codelist row of no COW state (no COW code to map to)");
    /* one row of cow_states.csv per spell: count them as read and loaded */
    for (size_t i = 0; i < r->nstates; i++) {
        for (int k = 0; k < r->states[i].nspells; k++) {
            ld->read++;
            ent_load_ok(ld);
            ent_load_year(ld, r->states[i].spell_start[k] / 10000);
            ent_load_year(ld, r->states[i].spell_end[k] / 10000 > 3000
                                  ? 2016
                                  : r->states[i].spell_end[k] / 10000);
        }
    }
    return ENT_OK;
}

const ent_source ent_src_states = {
    .name = "states",
    .dir = "",
    .files = {"cow_states/cow_states.csv", "country_codes/countrycode_codelist.csv"},
    .version = 1,
    .tables = NULL,
    .year_lo = 1816,
    .year_hi = 2016,
    .coverage = "full (spells open at the v2016 release are treated as ongoing)",
    .cite = "Correlates of War Project. 2017. State System Membership List, v2016; "
            "Arel-Bundock, Enevoldsen & Yetman (2018) countrycode, JOSS 3(28):848",
    .load = load,
};
