/*
 * agree_db.h -- UN General Assembly vote agreement read from the warehouse:
 * the stored panel (un_agree) when no filter is asked for, otherwise a
 * recomputation from the stored votes (un_votes of unvotes, sessions 1-74,
 * and unga_votes of unga_votes_voeten, sessions 75 on) with the filters
 * applied; and what the vote record covers, so that callers can say where
 * it ends.
 *
 * Ownership: results go to caller-owned arrays; nothing is retained.
 */
#ifndef ENT_AGREE_DB_H
#define ENT_AGREE_DB_H

#include "../store/store.h"
#include "agreement.h"
#include "votes_db.h"

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

/* What the vote record covers for a request (session or calendar years,
 * important votes or all). */
typedef struct ent_agree_cover {
    int year_lo, year_hi;  /* years with roll calls; 0, 0 when none */
    int partial;           /* a year in [year_lo, year_hi] whose roll calls are
                            * incomplete (its session still open, or the calendar
                            * year cut short, when the data end); 0 none */
    int partial_session;   /* that year's session (session years only), else 0 */
    char source_hi[32];    /* the source of year_hi's roll calls */
    char last_date[11];    /* the date of the last roll call (YYYY-MM-DD) */
} ent_agree_cover;

/* ent_agree_coverage fills c for the request o. */
ent_status ent_agree_coverage(ent_db *db, const ent_agree_opts *o, ent_agree_cover *c);

/* ent_agree_stored is 1 when o asks for nothing but the stored panel. */
int ent_agree_stored(const ent_agree_opts *o);

/* ent_agree_check verifies that the warehouse holds the unvotes tables and,
 * when o->issue is set, that the issue code exists (the message lists the
 * known codes).  ENT_ENODATA / ENT_EINVAL with a message. */
ent_status ent_agree_check(ent_db *db, const ent_agree_opts *o);

/* ent_agree_dyad fills out[0 .. to-from] with the dyad (a, b) in each year
 * from..to.  a != b.  A year outside the coverage of o (ent_agree_coverage)
 * has n = ENT_NA and every measure NAN, even when the dyad exists. */
ent_status ent_agree_dyad(ent_db *db, int a, int b, int from, int to, const ent_agree_opts *o,
                          ent_agree_year *out);

/* ent_agree_with fills out (room for cap rows) with every state b that forms
 * a dyad-year with a in year, ascending by COW code, and sets *n. */
ent_status ent_agree_with(ent_db *db, int a, int year, const ent_agree_opts *o,
                          ent_agree_year *out, size_t cap, size_t *n);

/* A vote handed to ent_votes_scan's callback: a roll-call id unique within
 * the scan (the roll call's index in ent_vrec order, so the two vote sources
 * never collide), its session year, COW code, vote 1 yes / 2 abstain / 3 no.
 * Return ENT_OK to continue. */
typedef ent_status (*ent_vote_fn)(void *ud, int64_t rcid, int year, int ccode, int vote);

/* ent_votes_scan reads, read-only through ent_vrec_load (votes_db.h), every
 * stored vote on the roll calls of session years from..to, of both vote
 * sources; restricted to roll calls carrying any of issues[0..nissues)
 * when nissues > 0 (un_roll_call_issues; unga_roll_calls' flag columns) and
 * to important votes when important (unga_votes_voeten has no flags: none of
 * its roll calls is then included).  Used by the ideal-point estimator
 * (src/ideal/). */
ent_status ent_votes_scan(ent_db *db, int from, int to, const char *const *issues,
                          size_t nissues, int important, ent_vote_fn fn, void *ud);

#endif
