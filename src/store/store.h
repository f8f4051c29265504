/*
 * store.h -- the warehouse internals: the source table, the load context that
 * every loader in src/sources/ receives, and SQL helpers.
 *
 * Adding a data set is one entry in src/sources/sources.c plus one file in
 * src/sources/ that defines its `const ent_source ent_src_<name>`.
 *
 * A build runs every source in table order inside one transaction.  A source
 * is (re)loaded when the sha256 of one of its files, or its `version`,
 * differs from what the `sources` table recorded, or when a source it depends
 * on was reloaded in this build.  Row accounting is checked after each load:
 * rows read (counted by the readers opened with ent_load_open) must equal
 * rows loaded plus rows rejected, or the build fails.
 */
#ifndef ENT_STORE_H
#define ENT_STORE_H

#include "../core/core.h"
#include "../core/reader.h"
#include "../core/sql.h"
#include "../states/registry_db.h"
#include <sqlite3.h>

typedef struct ent_load ent_load;

#define ENT_SRC_MAXFILES 32

typedef struct ent_source {
    const char *name;      /* key in the sources table, and the --only name */
    const char *dir;       /* folder under the data dir; NULL for derived sources */
    const char *files[ENT_SRC_MAXFILES]; /* files read, relative to dir; NULL-ended */
    int version;           /* bump when the loader or schema changes: forces reload */
    const char *schema;    /* SQL run before loading: CREATE TABLE IF NOT EXISTS ... */
    const char *tables;    /* comma list of tables this source owns (emptied before reload) */
    const char *deps;      /* comma list of sources whose reload forces this one */
    int year_lo, year_hi;  /* coverage stated by the codebook; 0 when not yearly */
    const char *coverage;  /* "full", or "partial: why" */
    const char *cite;      /* one-line citation */
    ent_status (*load)(ent_load *ld);
} ent_source;

struct ent_load {
    ent_ctx *ctx;
    sqlite3 *db;
    const ent_registry *reg;
    const char *datadir;
    const ent_source *src;
    uint64_t read;       /* rows read by readers opened with ent_load_open */
    uint64_t loaded;     /* rows that produced data */
    uint64_t rejected;   /* rows rejected with a reason */
    int year_lo, year_hi;/* years observed (ent_load_year); 0 when none */
    void *priv;          /* internal: reasons, statements, open readers */
};

/* ent_load_open opens dir/file of the current source with the reader; the
 * label in messages is the file name.  Close with ent_load_close so that its
 * rows are counted. */
ent_status ent_load_open(ent_load *ld, const char *file, const ent_reader_opts *opts,
                         ent_reader **r);
void ent_load_close(ent_load *ld, ent_reader *r);
/* ent_load_path writes the full path of dir/file into a ctx allocation. */
char *ent_load_path(ent_load *ld, const char *file);

/* ent_load_ok counts one row as loaded; ent_load_reject counts one as
 * rejected, with a short reason ("domestic flow (exporter = importer)") that
 * is tallied and reported, and its file:line kept as an example. */
void ent_load_ok(ent_load *ld);
void ent_load_reject(ent_load *ld, const ent_reader *r, const char *reason);
/* ent_load_year widens the observed year coverage. */
void ent_load_year(ent_load *ld, int year);

/* The SQL helpers (ent_sql_exec, ent_sql_prepare ...) are src/core/sql.h. */

/* The table of sources, in build order (src/sources/sources.c). */
extern const ent_source *const ent_sources[];
extern const size_t ent_nsources;
const ent_source *ent_source_find(const char *name);

/* Registry <-> warehouse: the registry's own (src/states/registry_db.h). */

/* The warehouse's identity: PRAGMA application_id ("Ent\x01") and PRAGMA
 * user_version.  Bump ENT_SCHEMA_VERSION when the layout of the tables that
 * the build itself owns (sources, the registry) changes; a source's tables
 * are versioned by its loader `version`. */
#define ENT_APPLICATION_ID 0x456e7401
#define ENT_SCHEMA_VERSION 1

/* ent_db_busy_ms is how long a query waits on a locked warehouse
 * ($ENTENTE_BUSY_TIMEOUT_MS, default 5000). */
int ent_db_busy_ms(void);
/* ent_db_annotate makes an ENT_EDB message name the warehouse's path and
 * say what SQLite's error means (full disk, I/O error, locked, damaged);
 * returns st. */
ent_status ent_db_annotate(ent_db *db, ent_status st);
/* ent_db_path returns the path the warehouse was opened with. */
const char *ent_db_path(const ent_db *db);
/* ent_db_sqlite is the warehouse's handle, for the modules that read their
 * own tables (private: users who want SQL open the warehouse file and read
 * its documented schema, docs/internals/store.md). */
sqlite3 *ent_db_sqlite(ent_db *db);

/* One row of the build's table `sources`, as ent_store_sources hands it
 * out (strings valid during the callback only; a missing year is 0). */
typedef struct ent_srcrow {
    const char *name, *coverage, *rejects, *sha256;
    int64_t read, loaded, rejected;
    int year_lo, year_hi, stated_lo, stated_hi;
    double seconds;
} ent_srcrow;
typedef ent_status (*ent_srcrow_fn)(void *ud, const ent_srcrow *row);
/* ent_store_sources calls fn for each loaded source in build order
 * (src/store/srclist.c); stops at fn's first failure and returns it.
 * ENT_ENODATA ("not a warehouse; run `entente build`") without the table. */
ent_status ent_store_sources(ent_db *db, ent_srcrow_fn fn, void *ud);

struct ent_db {
    ent_ctx *ctx;
    sqlite3 *db;
    char *path;
    ent_registry *reg; /* loaded lazily by ent_db_registry */
};

#endif
