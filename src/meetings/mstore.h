/*
 * mstore.h -- what the meeting loaders (china_vitae, state_dept, icews) share
 * with the warehouse: the Archigos spells read back from table `leaders`, the
 * insert of one meeting record, the tally of unmatched names, and the
 * derived dyad-year table.  A ent_meet_sink is owned by one load and freed
 * with ent_meet_sink_free.
 */
#ifndef ENT_MEET_MSTORE_H
#define ENT_MEET_MSTORE_H

#include "../store/store.h"
#include "match.h"

typedef struct ent_meet_unm {
    char *name, *title, *reason;
    int64_t n;
    uint64_t first_line;
} ent_meet_unm;

typedef struct ent_meet_sink {
    ent_load *ld;
    const char *source;      /* "china_vitae", "state_dept", "icews" */
    sqlite3_stmt *ins;       /* INSERT INTO meetings */
    ent_meet_spell *spells;  /* Archigos, from table leaders */
    size_t nspells;
    char *names;             /* storage of spell names */
    ent_meet_unm *unm;       /* unmatched counterparts */
    size_t nunm, capunm;
} ent_meet_sink;

/* One meeting record, as inserted. */
typedef struct ent_meet_rec {
    int32_t day, end;        /* end <= day: a one-day record */
    const char *leader_a, *role_a;
    int state_a;
    const char *leader_b, *role_b; /* leader_b NULL: unnamed counterpart */
    int state_b;
    const char *place;
    int format;              /* ent_meet_format */
    int group_size;          /* counterparts named in the same row */
    const char *basis_b, *name_b_raw, *title_b;
    uint64_t source_row;     /* line in the source file */
} ent_meet_rec;

/* ent_meet_sink_open creates the tables, deletes this source's earlier rows,
 * and reads the Archigos spells (an empty set when archigos is not loaded). */
ent_status ent_meet_sink_open(ent_load *ld, const char *source, ent_meet_sink *s);
ent_status ent_meet_sink_add(ent_meet_sink *s, const ent_meet_rec *r);
/* ent_meet_sink_unmatched tallies a name that could not be placed in a state. */
ent_status ent_meet_sink_unmatched(ent_meet_sink *s, const char *name, const char *title,
                                   const char *reason, uint64_t line);
/* ent_meet_sink_close writes the unmatched tally and the coverage row
 * (state ccode, years lo..hi), propagates roles (below) and frees s. */
ent_status ent_meet_sink_close(ent_meet_sink *s, int ccode, int lo, int hi);
void ent_meet_sink_free(ent_meet_sink *s);

/* ent_meet_dyad_year rebuilds meet_dyad_year from meetings and meet_coverage. */
ent_status ent_meet_dyad_year(ent_load *ld);

/* A set of 64-bit hashes (FNV-1a) of records already seen, for loaders that
 * must read a repeated record once.  Zero-initialise; free s->v with ent_free. */
typedef struct ent_meet_hset {
    uint64_t *v;
    size_t cap, n;
} ent_meet_hset;
/* ent_meet_fnv continues an FNV-1a hash h over s[0..n). */
uint64_t ent_meet_fnv(uint64_t h, const char *s, size_t n);
/* ent_meet_hset_add returns 1 when h was new, 0 when present, -1 on no memory. */
int ent_meet_hset_add(ent_ctx *ctx, ent_meet_hset *s, uint64_t h);

#endif
