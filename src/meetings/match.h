/*
 * match.h -- matching a counterpart as written (name, title, date) to a
 * person with a role and a state, using the alias table, the title and the
 * Archigos leader spells.  The spell array is caller-owned; the functions
 * only read it.
 */
#ifndef ENT_MEET_MATCH_H
#define ENT_MEET_MATCH_H

#include "meetings.h"

/* One Archigos spell, with its state already in COW codes. */
typedef struct ent_meet_spell {
    int ccode;         /* COW code (from the gwcode on the start date) */
    int32_t start;     /* first day in office (days since 1970-01-01) */
    int32_t end;       /* last day; the 2015-12-31 censoring date when still in office */
    int still;         /* 1: "Still in Office" at the end of Archigos (right-censored) */
    const char *name;  /* Archigos name ("Putin", "Xi Jinping", "Abe, M.") */
} ent_meet_spell;

/* What the matcher decided about one counterpart. */
typedef struct ent_meet_person {
    char name[ENT_MEET_NAMEMAX]; /* canonical name */
    int ccode;                   /* COW state; 0 when unknown (then: unmatched) */
    int role;                    /* ent_meet_role */
    const char *basis;           /* "archigos", "title", "archigos+title", "alias", "" */
} ent_meet_person;

/* ent_meet_archigos_name_match is 1 when an Archigos name denotes the person
 * called `name`: equal ignoring case, accents and word order, or the
 * Archigos name is one word (a surname, "Putin"; "Abe, M." -> "Abe") that is
 * one of the words of `name`. */
int ent_meet_archigos_name_match(const char *archigos, const char *name);

/* ent_meet_archigos_head returns the spell of the person called `name` who
 * led state ccode (any state when ccode is 0) on `day`, or NULL.  A spell
 * still in office when Archigos ends (2015-12-31) is extended past its end
 * only when extend is 1 (the caller has a title that says head of the same
 * state). */
const ent_meet_spell *ent_meet_archigos_head(const ent_meet_spell *sp, size_t n, int ccode,
                                             const char *name, int32_t day, int extend);

/* ent_meet_resolve matches one counterpart: alias table -> canonical name and
 * state; title -> role and state; Archigos -> head on that date, and the
 * state when nothing else gives it.  Never guesses: out->ccode is 0 when no
 * source of evidence places the person in a state. */
void ent_meet_resolve(const ent_meet_spell *sp, size_t nsp, const char *name, const char *title,
                      int32_t day, int default_ccode, ent_meet_person *out);

#endif
