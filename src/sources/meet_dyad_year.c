/*
 * meet_dyad_year.c -- the derived `meet_dyad_year` source: leader-level
 * meetings per dyad-year (ccode1 < ccode2), computed from table `meetings`
 * and the coverage each meeting source records in `meet_coverage`.  A
 * dyad-year no source covers has no row (NULL in the panel), never 0.
 */
#include "../store/store.h"
#include "../meetings/mstore.h"

static ent_status load(ent_load *ld)
{
    return ent_meet_dyad_year(ld);
}

const ent_source ent_src_meet_dyad_year = {
    .name = "meet_dyad_year",
    .dir = NULL,
    .files = {NULL},
    .version = 1,
    .schema = ent_meet_schema,
    .tables = "meet_dyad_year",
    .deps = "china_vitae,state_dept,states",
    .year_lo = 0,
    .year_hi = 0,
    .coverage = "partial: dyad-years with CHN (2003-2018, China Vitae) or USA (State Department years)",
    .cite = "derived from china_vitae and state_dept",
    .load = load,
};
