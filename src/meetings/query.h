/*
 * query.h -- questions asked of table `meetings`: a leader's counterparts
 * ranked by in-person episodes, and a leader's meeting records.  The result
 * arrays are allocated through ctx and freed with ent_meet_partners_free.
 */
#ifndef ENT_MEET_QUERY_H
#define ENT_MEET_QUERY_H

#include "meetings.h"
#include <sqlite3.h>

typedef struct ent_meet_partner {
    char *partner;        /* canonical name */
    int ccode;            /* COW state of the partner (in the latest record) */
    ent_meet_count in;    /* in-person episodes (bilateral / group) and days */
    int64_t calls;        /* phone and video calls, apart from episodes */
    int64_t messages;     /* written messages, apart from everything else */
    int64_t rank;         /* 1 = most in-person episodes; ties share a rank */
} ent_meet_partner;

/* ent_meet_leader_name finds how the warehouse writes the leader the user
 * typed (alias table, then case- and accent-blind against meetings); the
 * canonical name is written into out.  ENT_ENOTFOUND with a message when no
 * meeting record names the leader. */
ent_status ent_meet_leader_name(ent_ctx *ctx, sqlite3 *db, const char *typed, char *out,
                                size_t cap);

/* ent_meet_partners ranks the heads of state or government `leader` met in
 * [from, to] (day numbers; from > to means no bound): by in-person episodes,
 * then days, then calls, then name.  *out gets n partners. */
ent_status ent_meet_partners(ent_ctx *ctx, sqlite3 *db, const char *leader, int32_t from,
                             int32_t to, ent_meet_partner **out, size_t *n);
void ent_meet_partners_free(ent_ctx *ctx, ent_meet_partner *p, size_t n);

/* Coverage of table meetings, per source: the first and last dates it
 * records, and whether a given leader appears in it. */
#define ENT_MEET_MAXSRC 16
typedef struct ent_meet_cover {
    char source[32];
    char first[16], last[16]; /* "YYYY-MM-DD" */
    int32_t last_day;         /* day number of last */
    int has_leader;           /* the leader (if one was given) appears in this source */
} ent_meet_cover;

/* ent_meet_coverage fills cov (at most ENT_MEET_MAXSRC) with every source of
 * table meetings; leader may be NULL. */
ent_status ent_meet_coverage(ent_ctx *ctx, sqlite3 *db, const char *leader,
                             ent_meet_cover cov[ENT_MEET_MAXSRC], size_t *n);

/* ent_meet_coverage_text writes, when the range [from, to] (day numbers;
 * to = 0 is open and ends at the latest record of any source) runs past the
 * last record of a source in which leader appears, the line "coverage: for
 * LEADER, china_vitae ends on 2018-12-07; after that only state_dept (to
 * 2025-02-19) records meetings"; returns 1 then, else 0 (buf empty). */
int ent_meet_coverage_text(const ent_meet_cover *cov, size_t n, const char *leader,
                           int32_t from, int32_t to, char *buf, size_t cap);

/* One meeting record of a leader, seen from the leader's side (strings
 * valid during the callback only; NULL when the record has none). */
typedef struct ent_meet_record {
    const char *date, *end_date, *partner, *role, *place, *format, *source;
    int partner_state; /* COW code, or -1 when the record has none */
    int64_t source_row;
} ent_meet_record;
typedef ent_status (*ent_meet_record_fn)(void *ud, const ent_meet_record *rec);

/* ent_meet_records calls fn for each record naming leader (either side),
 * dated in [from, to] (day numbers; from > to means no bound), by date then
 * partner; stops at fn's first failure and returns it. */
ent_status ent_meet_records(ent_ctx *ctx, sqlite3 *db, const char *leader, int32_t from,
                            int32_t to, ent_meet_record_fn fn, void *ud);

/* One dyad-year of table meet_dyad_year; counts ENT_NA when missing. */
typedef struct ent_meet_year {
    int found;                          /* 0: no row (no source covers it) */
    int64_t episodes, days, calls;
    char coverage[128];                 /* meet_coverage, "" when missing */
} ent_meet_year;

/* ent_meet_dyad_span sets *lo, *hi to the years table meet_dyad_year holds
 * for the dyad (a, b in either order); 0, 0 when none.  ENT_ENODATA when the
 * table is missing. */
ent_status ent_meet_dyad_span(ent_ctx *ctx, sqlite3 *db, int a, int b, int *lo, int *hi);
/* ent_meet_dyad_years fills out[0 .. hi-lo] with the dyad's years lo..hi. */
ent_status ent_meet_dyad_years(ent_ctx *ctx, sqlite3 *db, int a, int b, int lo, int hi,
                               ent_meet_year *out);

#endif
