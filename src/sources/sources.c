/*
 * sources.c -- the table of data sources, in build order.  Adding a data set
 * is one line here plus its file in src/sources/.  Derived sources (computed
 * from other tables) come after the sources they depend on.
 */
#include "../store/store.h"

extern const ent_source ent_src_states;

const ent_source *const ent_sources[] = {
    &ent_src_states,
};

const size_t ent_nsources = sizeof ent_sources / sizeof ent_sources[0];
