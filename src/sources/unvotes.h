/*
 * unvotes.h -- helpers of the unvotes source shared with bench/bench_agree.c.
 */
#ifndef ENT_UNVOTES_H
#define ENT_UNVOTES_H

#include "../store/store.h"

/* ent_unvotes_vote_parse maps "yes", "abstain", "no" to ENT_VOTE_YES,
 * _ABSTAIN, _NO; -1 for anything else. */
int ent_unvotes_vote_parse(const char *s);

/* A one-entry-per-code cache of the last (date -> COW code) lookup, for
 * ent_unvotes_place; zero it before use. */
typedef struct ent_unvotes_cache {
    int date[26 * 26 + 1];
    int code[26 * 26 + 1];
} ent_unvotes_cache;

/* ent_unvotes_place maps a row's ISO2 code (or, when the code is empty, its
 * country name) to COW on the date y-m-d: > 0 the COW code, 0 a known state
 * that is not a COW system member on that date, -1 an unknown code. */
int ent_unvotes_place(const ent_registry *reg, ent_unvotes_cache *cache, const ent_cell *code,
                      const ent_cell *name, int y, int m, int d);

#endif
