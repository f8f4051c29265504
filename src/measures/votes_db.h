/*
 * votes_db.h -- the UN General Assembly vote record of the warehouse, read
 * whole into memory: every roll call of the two vote sources (unvotes for
 * sessions 1-74, unga_votes_voeten for sessions 75 on) in date order, each
 * with the votes cast on it (yes 1, abstain 2, no 3; one per state, COW
 * codes ascending).  This is the one accessor through which other modules
 * read votes (the un_agree panel, ideal-point estimators): they never join
 * the sources' tables themselves, whose keys differ (unvotes keys a roll
 * call on rcid; unga_votes_voeten on (rcid, date), because the file reuses
 * four rcids).
 *
 * Ownership: the record owns everything; pointers it hands out are valid
 * until ent_vrec_free.
 */
#ifndef ENT_VOTES_DB_H
#define ENT_VOTES_DB_H

#include "core/core.h"
#include <sqlite3.h>

#define ENT_UN_YEAR_LO 1946      /* first session year (session 1 + 1945) */
#define ENT_UNVOTES_YEAR_HI 2019 /* last session year of unvotes (session 74) */

typedef enum ent_vsrc {
    ENT_VSRC_UNVOTES = 1,       /* tables un_roll_calls, un_votes */
    ENT_VSRC_UNGA_VOETEN = 2    /* tables unga_roll_calls, unga_votes */
} ent_vsrc;

/* ent_vsrc_name is the source's name in the sources table. */
const char *ent_vsrc_name(ent_vsrc s);

/* One roll call. */
typedef struct ent_rollcall {
    int64_t rcid;   /* the source's id: unique within a source with date, not across */
    int date;       /* yyyymmdd */
    int session;    /* General Assembly session (emergency special sessions: the
                     * regular session in progress on the date) */
    int year;       /* session + 1945 */
    int cal_year;   /* the date's year */
    int important;  /* 1 a US State Department important vote, 0 not, -1 unknown */
    int partial;    /* 1 when its session was still open when the data end */
    ent_vsrc source;
    size_t v0, nv;  /* its votes: indices v0 .. v0 + nv - 1 */
} ent_rollcall;

typedef struct ent_vrec ent_vrec;

/* ent_vrec_load reads every roll call whose session year is in [ylo, yhi]
 * (0, 0: all) and its votes from db.  A source whose tables are absent
 * contributes nothing.  ENT_ENOMEM, or ENT_EDB with SQLite's message. */
ent_status ent_vrec_load(ent_ctx *ctx, sqlite3 *db, int ylo, int yhi, ent_vrec **out);
void ent_vrec_free(ent_vrec *v);

/* ent_vrec_count is the number of roll calls; ent_vrec_rc the i-th, in
 * (date, source, rcid) order. */
size_t ent_vrec_count(const ent_vrec *v);
const ent_rollcall *ent_vrec_rc(const ent_vrec *v, size_t i);
/* ent_vrec_votes gives the votes of roll call i: n states, ccode[k] casting
 * vote[k] (ENT_VOTE_YES, _ABSTAIN or _NO), ccode ascending. */
void ent_vrec_votes(const ent_vrec *v, size_t i, const int16_t **ccode, const uint8_t **vote,
                    size_t *n);

#endif
