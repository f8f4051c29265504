/*
 * namemap.h -- state names of a source (SIPRI, IMF) to COW codes on a year,
 * cached: each distinct name is resolved once per year through the registry
 * (ent_state_resolve: COW names, abbreviations, ISO3, countrycode names),
 * after the source's own alias table; a name the registry does not know is
 * tried again without what follows its first comma ("Armenia, Rep. of").
 * Internal to src/sources/.
 */
#ifndef ENT_NAMEMAP_H
#define ENT_NAMEMAP_H

#include "../store/store.h"

/* A source spelling and the registry text it stands for (a COW abbreviation,
 * number or name: "ROK", "490"); as = NULL marks a name that is no state
 * (a territory) so that it is never matched by name, as = ENT_NAME_AGGR an
 * aggregate of states. */
typedef struct ent_name_alias {
    const char *name;
    const char *as;
} ent_name_alias;

typedef struct ent_namemap ent_namemap;

#define ENT_NAME_NOSTATE (-1) /* the name denotes no COW state */
#define ENT_NAME_NOTMEMBER (-2) /* a COW state, but not a system member that year */
#define ENT_NAME_AGGREGATE (-4) /* an aggregate of states (alias as = ENT_NAME_AGGR) */

/* The alias target that marks an aggregate ("World", "Euro Area"). */
#define ENT_NAME_AGGR "(aggregate)"

/* ent_namemap_new makes a map for years lo..hi with the alias table al (kept
 * by reference; may be NULL). */
ent_status ent_namemap_new(ent_load *ld, const ent_name_alias *al, size_t nal, int lo, int hi,
                           ent_namemap **out);
/* ent_namemap_get returns the COW code that name denotes in year (a system
 * member that year), or ENT_NAME_NOSTATE / ENT_NAME_NOTMEMBER /
 * ENT_NAME_AGGREGATE.  A year
 * outside lo..hi is ENT_NAME_NOTMEMBER.  ENT_ENOMEM is returned as -3. */
int ent_namemap_get(ent_namemap *m, const char *name, size_t len, int year);
void ent_namemap_free(ent_namemap *m);

#endif
