/*
 * entente.h -- the one public header of libentente.
 *
 * entente measures how consequential the relationship between two states is.
 * The library loads the public data sets of international relations into a
 * SQLite warehouse, computes dyad-year measures and answers queries about them.
 *
 * Conventions (they hold for every function below):
 *  - Every fallible call returns an ent_status; ENT_OK is 0.  The detailed
 *    message (with file:line:column for bad input) is kept on the context and
 *    read with ent_errmsg().  The library never prints and never exits.
 *  - Objects are created with _new/_open and released with _free/_close; the
 *    caller owns what it created and nothing else.  Strings returned by the
 *    library are owned by the object that returned them and stay valid until
 *    that object is freed, unless the function says otherwise.
 *  - Missing values are NAN for doubles and ENT_NA for integers; never 0.
 */
#ifndef ENTENTE_H
#define ENTENTE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ENT_VERSION "0.1.0"
#define ENT_NA INT64_MIN /* missing integer */

typedef enum ent_status {
    ENT_OK = 0,
    ENT_DONE,     /* iteration finished: not an error */
    ENT_ENOMEM,   /* allocation failed or a size cap was reached */
    ENT_EIO,      /* a file could not be opened, read or written */
    ENT_EPARSE,   /* malformed input; the message names file:line and field */
    ENT_EINVAL,   /* invalid argument or option */
    ENT_ENOTFOUND,/* an unknown state, file or record */
    ENT_EAMBIG,   /* an ambiguous name; the message lists the candidates */
    ENT_EDB,      /* SQLite failed; the message has SQLite's text */
    ENT_ENODATA   /* the request is valid but no data covers it */
} ent_status;

/* ent_strerror returns a static description of a status. */
const char *ent_strerror(ent_status st);

/* ---------------------------------------------------------------- context */

/* An allocation hook: like realloc(ptr, size); size 0 frees and returns NULL. */
typedef void *(*ent_alloc_fn)(void *ud, void *ptr, size_t size);

typedef struct ent_ctx ent_ctx;

/* ent_ctx_new makes a context with the system allocator; NULL on no memory. */
ent_ctx *ent_ctx_new(void);
/* ent_ctx_free releases the context; NULL is allowed. */
void ent_ctx_free(ent_ctx *ctx);
/* ent_ctx_set_alloc replaces the allocator used by every object made with ctx
 * afterwards (tests use it to fail the Nth allocation). */
void ent_ctx_set_alloc(ent_ctx *ctx, ent_alloc_fn fn, void *ud);
/* ent_errmsg returns the last error message set on ctx ("" if none).  Owned by
 * ctx, valid until the next failing call. */
const char *ent_errmsg(const ent_ctx *ctx);
/* ent_ctx_set_log makes the library report progress lines (row accounting,
 * skipped sources) to fp; NULL (the default) silences them. */
void ent_ctx_set_log(ent_ctx *ctx, FILE *fp);

/* --------------------------------------------------------------- registry */

/* The state registry: COW state-system membership by date, and the crosswalk
 * between COW numbers and abbreviations, ISO 3166 alpha-3/alpha-2,
 * Gleditsch-Ward numbers and names.  Immutable once loaded. */
typedef struct ent_registry ent_registry;

/* ent_registry_load reads cow_states/cow_states.csv and
 * country_codes/countrycode_codelist.csv under datadir. */
ent_status ent_registry_load(ent_ctx *ctx, const char *datadir, ent_registry **out);
void ent_registry_free(ent_registry *reg);

/* ent_state_resolve turns user text (COW abbreviation, ISO3, ISO2, COW
 * number, or a name matched case- and accent-blind) into a COW code.  When
 * year > 0 a name that denotes different codes at different dates (Germany,
 * Yemen) resolves for that year.  ENT_ENOTFOUND / ENT_EAMBIG set a message
 * that lists the candidates. */
ent_status ent_state_resolve(ent_ctx *ctx, const ent_registry *reg, const char *text,
                             int year, int *ccode);
/* ent_state_abb returns the COW abbreviation of ccode ("USA"), or NULL. */
const char *ent_state_abb(const ent_registry *reg, int ccode);
/* ent_state_name returns the COW name of ccode, or NULL. */
const char *ent_state_name(const ent_registry *reg, int ccode);
/* ent_state_member is 1 when ccode is a COW system member on some day of year. */
int ent_state_member(const ent_registry *reg, int ccode, int year);
/* ent_state_member_on is 1 when ccode is a member on the date y-m-d. */
int ent_state_member_on(const ent_registry *reg, int ccode, int y, int m, int d);
/* ent_state_codes lists every COW code ever in the system, ascending; the
 * array is owned by reg.  *n receives its length. */
const int *ent_state_codes(const ent_registry *reg, size_t *n);
/* ent_state_from_iso2 / _iso3 / _gw map another scheme to COW on a date
 * (Germany DE -> 260 before 1990-10-03, 255 after; YE -> 678 / 679; TW -> the
 * ROC, 710 before 1949-12-08 and 713 after; RU and SU -> 365).  Return the
 * COW code, or -1 when the code is unknown or not a state on that date. */
int ent_state_from_iso2(const ent_registry *reg, const char *iso2, int y, int m, int d);
int ent_state_from_iso3(const ent_registry *reg, const char *iso3, int y, int m, int d);
int ent_state_from_gw(const ent_registry *reg, int gwcode, int y, int m, int d);

/* ---------------------------------------------------------------- warehouse */

typedef struct ent_db ent_db;

/* ent_db_open opens (and with create=1 makes) the warehouse at path. */
ent_status ent_db_open(ent_ctx *ctx, const char *path, int create, ent_db **out);
void ent_db_close(ent_db *db);
/* ent_db_registry loads the registry that `build` stored in the warehouse;
 * owned by db. */
ent_status ent_db_registry(ent_db *db, const ent_registry **out);

typedef struct ent_build_opts {
    const char *datadir;  /* folder holding one folder per data set */
    const char *only;     /* comma list of source names, or NULL for all */
    int force;            /* reload even unchanged files */
    int accept_shrink;    /* accept a source that loads no rows, or fewer than half
                             the rows the warehouse holds for it (else an error) */
} ent_build_opts;

/* ent_build loads every known source found under opts->datadir into db, in one
 * transaction: on failure or interruption the previous content stays.
 * Sources whose files are unchanged (sha256) are not reloaded. */
ent_status ent_build(ent_db *db, const ent_build_opts *opts);
/* The sources a build knows: ent_known_sources (include/entente/query.h). */

#ifdef __cplusplus
}
#endif
#endif
