/*
 * meetings.h -- the personal dimension: leader meetings read from free-text
 * engagement and travel records (China Vitae, US State Department), names
 * matched to people with a role and a state, and meeting episodes.
 *
 * Everything in this header except the warehouse functions at the end is a
 * pure function over caller-owned memory: no allocation, no I/O, no context.
 * Parsed structures hold copies of the text (fixed-size buffers), so they stay
 * valid after the input is gone.  Strings returned from the static tables
 * (aliases, demonyms) are owned by the library and live forever.
 */
#ifndef ENT_MEETINGS_H
#define ENT_MEETINGS_H

#include "../core/core.h"

#include <stddef.h>
#include <stdint.h>

/* ----------------------------------------------------------- text folding */

/* ent_meet_fold writes a case- and accent-blind key of s into out (cap bytes,
 * always NUL-terminated): ASCII letters lowercased, Latin-1 and Latin
 * Extended-A letters mapped to their base letter ("Ó" -> "o", "ş" -> "s"),
 * hyphens, periods, apostrophes and commas dropped or made spaces, runs of
 * blanks collapsed to one space, no leading or trailing space.
 * "Vladímir  PUTIN" -> "vladimir putin"; "Lee Myung-bak" -> "lee myung bak".
 * Returns the length written. */
size_t ent_meet_fold(const char *s, char *out, size_t cap);

/* ------------------------------------------------------------ free text */

/* What a China Vitae row reports. */
typedef enum ent_meet_kind {
    ENT_MK_NONE = 0, /* no contact with a foreign person (travel, a headline) */
    ENT_MK_MET,      /* in-person: "... and met with the following: ..." */
    ENT_MK_CALL,     /* phone or video call */
    ENT_MK_MESSAGE   /* written message, letter, congratulations, condolences */
} ent_meet_kind;

/* Meeting formats stored in meetings.format. */
typedef enum ent_meet_format {
    ENT_MF_VISIT = 0,      /* bilateral visit: one counterpart, in one side's country */
    ENT_MF_SUMMIT_BILAT,   /* bilateral meeting at a summit or third country */
    ENT_MF_MULTILATERAL,   /* a row naming several counterparts (group encounter) */
    ENT_MF_CALL,           /* phone or video call */
    ENT_MF_MESSAGE,        /* written message */
    ENT_MF_CONSULT,        /* a consultation whose channel is not stated (ICEWS 040, 045, 046):
                              evidence of contact, counted neither as a meeting nor as a call */
    ENT_MF_COUNT
} ent_meet_format;

/* ent_meet_format_name: "visit", "summit_bilateral", "multilateral", "call",
 * "message", "consult"; ent_meet_format_parse is the inverse (-1 when unknown). */
const char *ent_meet_format_name(int f);
int ent_meet_format_parse(const char *s);
/* ent_meet_format_inperson is 1 for visit, summit_bilateral, multilateral. */
int ent_meet_format_inperson(int f);

#define ENT_MEET_MAXCP 16
#define ENT_MEET_NAMEMAX 128
#define ENT_MEET_TITLEMAX 256
#define ENT_MEET_PLACEMAX 160

/* One counterpart as written: `Name (Title)`; title "" when absent. */
typedef struct ent_meet_cp {
    char name[ENT_MEET_NAMEMAX];
    char title[ENT_MEET_TITLEMAX];
} ent_meet_cp;

typedef struct ent_meet_text {
    int kind;                      /* ent_meet_kind */
    int travelled;                 /* 1 abroad, 0 at home (China), -1 not stated */
    char place[ENT_MEET_PLACEMAX]; /* "Russia, Moscow", "Beijing Municipality", or "" */
    size_t ncp;                    /* counterparts in cp[] */
    ent_meet_cp cp[ENT_MEET_MAXCP];
} ent_meet_text;

/* ent_meet_parse_cv parses one China Vitae activity text written about the
 * official `subject` ("Xi Jinping").  In-person rows give their counterparts
 * from the `Name (Title)` list ("Others Attending:" -- the Chinese delegation
 * -- is not a counterpart).  Call and message rows (a headline) give the
 * known people (ent_meet_alias) named in the text other than Chinese
 * officials, with an empty title.  Returns ENT_OK, or ENT_EPARSE with *why set
 * to a static reason ("empty text", "unbalanced parentheses", "more than 16
 * counterparts", "name too long"). */
ent_status ent_meet_parse_cv(const char *text, ent_meet_text *out, const char **why);

/* ent_meet_parse_sd parses US State Department remarks ("Met with Prime
 * Minister Drnovsek and Russian President Putin.") into counterparts named
 * by a leader title: each cp has the name as written ("Putin") and the title
 * with its qualifier ("Russian President", "Prime Minister").  Titles without
 * a name ("the President of Mexico") are skipped.  Returns the count. */
size_t ent_meet_parse_sd(const char *remarks, ent_meet_cp *cp, size_t max);

/* ---------------------------------------------------------- name matching */

/* One entry of the alias table: a spelling found in the data and the person
 * it denotes.  ccode is the person's COW state (0 when the entry is only a
 * respelling, e.g. a misspelt name whose title gives the state). */
typedef struct ent_meet_alias {
    const char *variant;   /* as written in a source (folded before comparing) */
    const char *canonical; /* the person's canonical name */
    int ccode;             /* COW code of the person's state; 0 = from the title */
    int scan;              /* 1: may be found inside a headline (distinctive) */
} ent_meet_alias;

/* ent_meet_aliases returns the table and its length. */
const ent_meet_alias *ent_meet_aliases(size_t *n);

/* ent_meet_canon looks name up in the alias table, case- and accent-blind;
 * the entry, or NULL when the name is not in the table (then the name as
 * written, trimmed, is its own canonical form). */
const ent_meet_alias *ent_meet_canon(const char *name);

/* Roles.  A head is a head of state or of government (the leader level). */
typedef enum ent_meet_role {
    ENT_ROLE_UNKNOWN = 0,
    ENT_ROLE_HEAD,     /* president, prime minister, premier, chancellor, monarch ... */
    ENT_ROLE_OFFICIAL  /* any other office: foreign minister, envoy, speaker ... */
} ent_meet_role;

const char *ent_meet_role_name(int role); /* "unknown", "head", "official" */

/* ent_meet_title_role classifies a title: "Russian President" -> HEAD,
 * "Vice President of ..." / "Foreign Minister" -> OFFICIAL, "" -> UNKNOWN. */
int ent_meet_title_role(const char *title);

/* ent_meet_title_state finds the state a title names, by demonym or country
 * name ("Russian President" -> 365, "President of the United States" -> 2,
 * "Foreign Minister of the Democratic People's Republic of Korea (DPRK)" ->
 * 731); the longest match wins.  0 when none. */
int ent_meet_title_state(const char *title);

/* ent_meet_country_state maps a country as written in a source's country
 * column or place ("Russia", "USA", "England", "Republic of Korea") to COW;
 * 0 when unknown, -1 for a known non-state (the EU, Hong Kong, Cook Islands). */
int ent_meet_country_state(const char *country);

/* ent_meet_home_place is 1 when a China Vitae place is inside China
 * ("Beijing Municipality", "Shandong Province, Qingdao City", "Hong Kong"). */
int ent_meet_home_place(const char *place);

/* ------------------------------------------------------------- episodes */

/* One day of contact with one counterpart, as the episode builder sees it. */
typedef struct ent_meet_day {
    int32_t day;       /* days since 1970-01-01 (ent_meet_days_from_civil) */
    int32_t end;       /* last day (>= day); multi-day records span day..end */
    const char *place; /* folded or exact place text; compared with strcmp */
    int group;         /* 1 when the record is a group encounter */
} ent_meet_day;

typedef struct ent_meet_count {
    int64_t episodes;  /* in-person episodes */
    int64_t bilateral; /* episodes with at least one one-on-one record */
    int64_t group;     /* episodes made only of group records */
    int64_t days;      /* distinct days met in person */
} ent_meet_count;

/* ent_meet_days_from_civil converts a proleptic Gregorian date. */
int32_t ent_meet_days_from_civil(int y, int m, int d);
/* ent_meet_civil_from_days is the inverse. */
void ent_meet_civil_from_days(int32_t z, int *y, int *m, int *d);
/* ent_meet_date_parse reads "YYYY-MM-DD" strictly (a real calendar date);
 * 1 ok, 0 empty, -1 malformed. */
int ent_meet_date_parse(const char *s, int32_t *day);

/* ent_meet_episodes counts in-person episodes of ONE counterpart.  Records
 * are sorted in place (by place, then day).  Consecutive or overlapping days
 * at the same place form one episode; a gap of a day or a change of place
 * starts a new one.  An episode is bilateral when any of its records is
 * one-on-one, else group.  Days are distinct calendar days over all places. */
ent_meet_count ent_meet_episodes(ent_meet_day *recs, size_t n);

/* ------------------------------------------------------------ warehouse */

/* The schema of the tables the meeting sources write (docs/internals/meetings.md). */
extern const char ent_meet_schema[];

#endif
