/*
 * votepanel.h -- roll-call votes held in memory (roll calls with their year,
 * and each state's yes/abstain/no on them), and the all-pairs x all-years
 * agreement panel computed from them with the bit-packed kernel of
 * agreement.h.  Used by the unvotes loader (the un_agree table), by `entente
 * agree` when a filter needs a recomputation, and by bench/bench_agree.c.
 *
 * Ownership: the panel owns everything it stores; rows handed to the
 * callback of ent_vpanel_run are valid during the call only.
 */
#ifndef ENT_VOTEPANEL_H
#define ENT_VOTEPANEL_H

#include "core/core.h"
#include "measures/agreement.h"

#define ENT_VPANEL_MAXCODE 1000 /* COW codes are below this */

typedef struct ent_vpanel ent_vpanel;

/* ent_vpanel_new makes an empty panel; NULL on no memory. */
ent_vpanel *ent_vpanel_new(ent_ctx *ctx);
void ent_vpanel_free(ent_vpanel *p);

/* ent_vpanel_add_rc registers roll call rcid (>= 0) in year; a repeated rcid
 * takes the new year.  ENT_ENOMEM, or ENT_EINVAL for a negative rcid. */
ent_status ent_vpanel_add_rc(ent_vpanel *p, int64_t rcid, int year);
/* ent_vpanel_has_rc is 1 when rcid was registered. */
int ent_vpanel_has_rc(const ent_vpanel *p, int64_t rcid);
/* ent_vpanel_add_vote records that ccode cast vote (ENT_VOTE_YES, _ABSTAIN
 * or _NO) on rcid, which must be registered.  A second vote of the same
 * state on the same roll call replaces the first.  ENT_EINVAL for an
 * unregistered rcid, a code outside 1..999 or another vote value. */
ent_status ent_vpanel_add_vote(ent_vpanel *p, int64_t rcid, int ccode, int vote);

/* The members of the state system in one year: ascending COW codes. */
typedef int (*ent_vpanel_members_fn)(void *ud, int year, int *codes, int max);

/* The callback gets each dyad-year: a < b (COW codes), and its measures.
 * Return ENT_OK to continue; any other status stops the run and is returned. */
typedef ent_status (*ent_vpanel_row_fn)(void *ud, int a, int b, int year,
                                        const ent_agree_row *row);

/* ent_vpanel_run computes, for every year in [ylo, yhi] and every pair of
 * that year's members (from members(mud, year, ...)), the measures over the
 * roll calls of the year on which both voted (weights wt for pi and kappa),
 * and hands the rows to fn in the order (a, b, year) ascending.  Votes of a
 * state that is not a member in the roll call's year are not used.  A pair
 * with no shared vote has n = 0 and every measure NAN. */
ent_status ent_vpanel_run(ent_vpanel *p, int ylo, int yhi, ent_agree_wt wt,
                          ent_vpanel_members_fn members, void *mud, ent_vpanel_row_fn fn,
                          void *ud);

/* ent_vpanel_members_registry is a members callback over a registry
 * (ud = const ent_registry *): ent_state_member for every code. */
int ent_vpanel_members_registry(void *ud, int year, int *codes, int max);

#endif
