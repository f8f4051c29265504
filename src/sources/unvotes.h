/*
 * unvotes.h -- helpers of the unvotes source shared with `entente agree` and
 * bench/bench_agree.c.
 */
#ifndef ENT_UNVOTES_H
#define ENT_UNVOTES_H

#include "../store/store.h"
#include "../measures/votepanel.h"

/* ent_unvotes_vote_parse maps "yes", "abstain", "no" to ENT_VOTE_YES,
 * _ABSTAIN, _NO; -1 for anything else. */
int ent_unvotes_vote_parse(const char *s);

/* ent_unvotes_write_agree computes the panel's every member pair x year
 * 1946-2019 (quadratic weights) and inserts it into the existing table
 * un_agree of db, inside the caller's transaction. */
ent_status ent_unvotes_write_agree(ent_ctx *ctx, sqlite3 *db, ent_vpanel *panel,
                                   const ent_registry *reg);

#endif
