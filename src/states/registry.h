/*
 * registry.h -- internals of the state registry (see include/entente.h for
 * the public queries).  The registry owns every string it holds.
 */
#ifndef ENT_REGISTRY_H
#define ENT_REGISTRY_H

#include "../core/core.h"

#define ENT_REG_MAXCODE 1000   /* COW codes are 2..990 */
#define ENT_REG_MAXSPELLS 4
#define ENT_REG_LATEST 2016    /* the last year of the COW list: "current" states */

typedef struct ent_reg_state {
    int ccode;
    char abb[4];                          /* COW abbreviation */
    char iso3[4], iso2[3];                /* "" when none */
    int gw;                               /* Gleditsch-Ward number, -1 when none */
    char *name;                           /* COW name */
    int nspells;
    int spell_start[ENT_REG_MAXSPELLS];   /* yyyymmdd */
    int spell_end[ENT_REG_MAXSPELLS];     /* yyyymmdd; 99991231 = ongoing */
} ent_reg_state;

typedef struct ent_reg_iso3 {
    uint32_t key; /* the three bytes of an ISO3 code, first byte highest */
    int ccode;    /* the first state in states[] with that code */
} ent_reg_iso3;

typedef struct ent_reg_name {
    char *key;   /* folded name (ent_reg_fold) */
    int ccode;
} ent_reg_name;

struct ent_registry {
    ent_ctx *ctx;
    ent_reg_state *states;
    size_t nstates, capstates;
    int by_code[ENT_REG_MAXCODE];          /* index into states */
    unsigned char by_code_set[ENT_REG_MAXCODE];
    ent_reg_name *names;
    size_t nnames, capnames;
    int *codes;                            /* sorted COW codes */
    ent_reg_iso3 *iso3;                    /* by key, one per code (ent_reg_finish) */
    size_t niso3;
    uint64_t codelist_rows;                /* data rows read from the codelist */
    uint64_t codelist_skipped;             /* of those, rows of no COW state */
};

ent_status ent_reg_new(ent_ctx *ctx, ent_registry **out);
/* ent_reg_state_get finds ccode's record, creating it when create=1. */
ent_reg_state *ent_reg_state_get(ent_registry *r, int ccode, int create);
const ent_reg_state *ent_reg_find(const ent_registry *r, int ccode);
ent_status ent_reg_add_spell(ent_registry *r, int ccode, int start, int end);
ent_status ent_reg_add_name(ent_registry *r, const char *name, int ccode);
/* ent_reg_finish adds the built-in aliases and indexes the codes and the ISO3
 * codes; call it again after changing states[]. */
ent_status ent_reg_finish(ent_registry *r);
/* ent_reg_dated applies the date-dependent successions (Germany, Yemen, the
 * China seat) to a code found by ISO or G-W and checks membership on the day;
 * y == 0 skips both.  Returns the code, or -1 (no such state, not a member). */
int ent_reg_dated(const ent_registry *r, int ccode, int y, int m, int d);
/* ent_reg_fold writes the case- and accent-blind match key of a name. */
void ent_reg_fold(const char *in, char *out, size_t cap);

#endif
