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

#endif
