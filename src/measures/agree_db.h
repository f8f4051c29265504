/*
 * agree_db.h -- UN General Assembly vote agreement read from the warehouse:
 * the stored panel (un_agree) when no filter is asked for, otherwise a
 * recomputation from the stored votes (un_votes) with the filters applied.
 *
 * Ownership: results go to caller-owned arrays; nothing is retained.
 */
#ifndef ENT_AGREE_DB_H
#define ENT_AGREE_DB_H

#include "../store/store.h"
#include "agreement.h"

#define ENT_UN_YEAR_LO 1946 /* first session year (session 1 + 1945) */
#define ENT_UN_YEAR_HI 2019 /* last session year in the data (session 74) */

typedef struct ent_agree_opts {
    ent_agree_wt wt;   /* pi/kappa weights; ENT_AGREE_QUADRATIC is the stored panel's */
    const char *issue; /* an issue code (me nu di hr co ec) or NULL for every roll call */
    int important;     /* 1: important votes only */
    int calendar;      /* 1: the year of the vote's date instead of session + 1945 */
} ent_agree_opts;

/* One dyad-year. */
typedef struct ent_agree_year {
    int a, b;        /* COW codes as asked (not reordered) */
    int year;
    int dyad;        /* 1 when both are COW system members in year */
    ent_agree_row m; /* n is ENT_NA and every measure NAN when dyad = 0 */
} ent_agree_year;

/* ent_agree_stored is 1 when o asks for nothing but the stored panel. */
int ent_agree_stored(const ent_agree_opts *o);

/* ent_agree_check verifies that the warehouse holds the unvotes tables and,
 * when o->issue is set, that the issue code exists (the message lists the
 * known codes).  ENT_ENODATA / ENT_EINVAL with a message. */
ent_status ent_agree_check(ent_db *db, const ent_agree_opts *o);

/* ent_agree_dyad fills out[0 .. to-from] with the dyad (a, b) in each year
 * from..to.  a != b. */
ent_status ent_agree_dyad(ent_db *db, int a, int b, int from, int to, const ent_agree_opts *o,
                          ent_agree_year *out);

/* ent_agree_with fills out (room for cap rows) with every state b that forms
 * a dyad-year with a in year, ascending by COW code, and sets *n. */
ent_status ent_agree_with(ent_db *db, int a, int year, const ent_agree_opts *o,
                          ent_agree_year *out, size_t cap, size_t *n);

/* A vote handed to ent_votes_scan's callback: roll call, its session year,
 * COW code, vote 1 yes / 2 abstain / 3 no.  Return ENT_OK to continue. */
typedef ent_status (*ent_vote_fn)(void *ud, int64_t rcid, int year, int ccode, int vote);

/* ent_votes_scan reads, read-only, every stored vote on the roll calls of
 * session years from..to, restricted to roll calls carrying any of
 * issues[0..nissues) when nissues > 0 and to important votes when
 * important, and hands each to fn (in no particular order).  Used by the
 * ideal-point estimator (src/ideal/). */
ent_status ent_votes_scan(ent_db *db, int from, int to, const char *const *issues,
                          size_t nissues, int important, ent_vote_fn fn, void *ud);

#endif
