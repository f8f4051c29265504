/*
 * build.c -- `entente build`: load every known source into the warehouse in
 * one transaction, skipping sources whose files (sha256) and loader version
 * are unchanged, and keeping exact row accounting per source.
 *
 * Atomicity: all work happens inside BEGIN IMMEDIATE ... COMMIT.  A failure
 * rolls back; a killed process leaves a hot journal that SQLite rolls back at
 * the next open.  Either way the previous warehouse is what readers see.
 */
#include "store.h"
#include "../core/dynbuf.h"
#include "../core/rd.h"
#include "../fetch/fetch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <time.h>

#define MAXREASONS 16

typedef struct reason {
    char text[160];
    uint64_t count;
    char example[200]; /* file:line of the first row rejected for it */
} reason;

typedef struct load_priv {
    reason reasons[MAXREASONS];
    size_t nreasons;
    uint64_t other;    /* rejections past MAXREASONS distinct reasons */
} load_priv;

static const char SOURCES_SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS sources("
    " name TEXT PRIMARY KEY,"
    " files TEXT,"          /* comma list, relative to the data folder */
    " sha256 TEXT,"         /* comma list, one digest per file */
    " version INTEGER,"     /* loader version */
    " rows_read INTEGER, rows_loaded INTEGER, rows_rejected INTEGER,"
    " rejects TEXT,"        /* reason: count (first example file:line); ... */
    " year_lo INTEGER, year_hi INTEGER,"     /* years observed in the data */
    " stated_lo INTEGER, stated_hi INTEGER," /* coverage stated by the codebook */
    " coverage TEXT,"       /* full, or partial: why */
    " cite TEXT,"
    " load_seconds REAL,"
    " loaded_at TEXT)";

/* ------------------------------------------------------------ load context */

char *ent_load_path(ent_load *ld, const char *file)
{
    char *dir, *p, *orig;
    int top = !ld->src->dir || !*ld->src->dir;
    /* the publisher's original, when a reader backend reads it, wins over a prepared copy */
    dir = top ? ent_strdup(ld->ctx, file) : ent_path_join(ld->ctx, ld->src->dir, file);
    if (!dir)
        return NULL;
    orig = ent_fetch_original(ld->ctx, ld->datadir, dir);
    ent_free(ld->ctx, dir);
    if (orig)
        return orig;
    if (top)
        return ent_path_join(ld->ctx, ld->datadir, file);
    dir = ent_path_join(ld->ctx, ld->datadir, ld->src->dir);
    if (!dir)
        return NULL;
    p = ent_path_join(ld->ctx, dir, file);
    ent_free(ld->ctx, dir);
    return p;
}

ent_status ent_load_open(ent_load *ld, const char *file, const ent_reader_opts *opts,
                         ent_reader **r)
{
    char *path = ent_load_path(ld, file);
    ent_status st;
    if (!path)
        return ent_err(ld->ctx, ENT_ENOMEM, "out of memory");
    if (ent_rd_kind_of(path) != ENT_RD_NONE) {
        char shown[512];
        ent_rd_shown(path, ld->datadir, shown, sizeof shown);
        ent_log(ld->ctx, "%-22s %s: reading the original %s", ld->src->name, file, shown);
    }
    st = ent_reader_open(ld->ctx, path, opts, r);
    ent_free(ld->ctx, path);
    return st;
}

void ent_load_close(ent_load *ld, ent_reader *r)
{
    if (!r)
        return;
    ld->read += ent_reader_rows(r);
    ent_reader_close(r);
}

void ent_load_ok(ent_load *ld)
{
    ld->loaded++;
}

void ent_load_reject(ent_load *ld, const ent_reader *r, const char *why)
{
    load_priv *p = ld->priv;
    ld->rejected++;
    for (size_t i = 0; i < p->nreasons; i++) {
        if (!strcmp(p->reasons[i].text, why)) {
            p->reasons[i].count++;
            return;
        }
    }
    if (p->nreasons == MAXREASONS) {
        p->other++;
        return;
    }
    snprintf(p->reasons[p->nreasons].text, sizeof p->reasons[0].text, "%s", why);
    p->reasons[p->nreasons].count = 1;
    if (r)
        snprintf(p->reasons[p->nreasons].example, sizeof p->reasons[0].example, "%s:%llu",
                 ent_reader_label(r), (unsigned long long)ent_reader_line(r));
    p->nreasons++;
}

void ent_load_year(ent_load *ld, int year)
{
    if (year <= 0)
        return;
    if (!ld->year_lo || year < ld->year_lo)
        ld->year_lo = year;
    if (year > ld->year_hi)
        ld->year_hi = year;
}

/* ------------------------------------------------------------ table */

const ent_source *ent_source_find(const char *name)
{
    for (size_t i = 0; i < ent_nsources; i++)
        if (!strcmp(ent_sources[i]->name, name))
            return ent_sources[i];
    return NULL;
}

static int in_list(const char *list, const char *name)
{
    size_t n = strlen(name);
    const char *p = list;
    while (p && *p) {
        const char *e = strchr(p, ',');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        if (k == n && !strncmp(p, name, n))
            return 1;
        p = e ? e + 1 : NULL;
    }
    return 0;
}

/* ------------------------------------------------------------ build */

/* fault_point lets tests kill the build mid-transaction, as a crash or an
 * impatient user would: ENTENTE_FAULT=kill-after:SOURCE. */
static void fault_point(const char *name)
{
    const char *f = getenv("ENTENTE_FAULT");
    if (f && !strncmp(f, "kill-after:", 11) && !strcmp(f + 11, name))
        raise(SIGKILL);
}

typedef struct strbuf {
    char *p;
    size_t n, cap;
} strbuf;

#define SB_MAX (16u << 20) /* a comma list of files, digests or reject reasons */

static int sb_add(ent_ctx *ctx, strbuf *b, const char *s)
{
    size_t k = strlen(s);
    if (ent_grow(ctx, &b->p, &b->cap, b->n + k + 1, 1, SB_MAX, "build: text list") != ENT_OK)
        return 0;
    memcpy(b->p + b->n, s, k + 1);
    b->n += k;
    return 1;
}

/* digest_files fills files/digests (comma lists) for src; ENT_ENOTFOUND
 * when the source's folder is absent from the data folder. */
static ent_status digest_files(ent_ctx *ctx, const char *datadir, const ent_source *src,
                               strbuf *files, strbuf *digests)
{
    ent_load tmp = {.ctx = ctx, .datadir = datadir, .src = src};
    struct stat sb;
    ent_status st = ENT_OK;
    if (src->dir && *src->dir) {
        char *dir = ent_path_join(ctx, datadir, src->dir);
        int ok = dir && stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode);
        ent_free(ctx, dir);
        if (!ok)
            return ENT_ENOTFOUND;
    }
    for (size_t i = 0; i < ENT_SRC_MAXFILES && src->files[i]; i++) {
        char hex[65];
        char *path = ent_load_path(&tmp, src->files[i]);
        if (!path)
            return ent_err(ctx, ENT_ENOMEM, "out of memory");
        if (!ent_rd_exists(path)) {
            /* a fetched folder: the originals are here, in a format not read yet */
            char fmt[32], *rel = *src->dir ? ent_path_join(ctx, src->dir, src->files[i])
                                           : ent_strdup(ctx, src->files[i]);
            int unread = rel && ent_fetch_unread(ctx, datadir, rel, fmt, sizeof fmt);
            ent_free(ctx, rel);
            if (unread) {
                ent_log(ctx, "%-22s skipped: %s absent; its originals (%s) are here, but no "
                        "reader backend reads %s yet: add the prepared file (docs/data.md)",
                        src->name, src->files[i], fmt, fmt);
                ent_free(ctx, path);
                return ENT_ENODATA;
            }
            st = ent_err(ctx, ENT_EIO, "%s: missing file of source '%s'", path, src->name);
            ent_free(ctx, path);
            return st;
        }
        st = ent_rd_sha256(ctx, path, hex);
        ent_free(ctx, path);
        if (st != ENT_OK)
            return st;
        if (!sb_add(ctx, files, i ? "," : "") || !sb_add(ctx, files, src->files[i]) ||
            !sb_add(ctx, digests, i ? "," : "") || !sb_add(ctx, digests, hex))
            return ent_err(ctx, ENT_ENOMEM, "out of memory");
    }
    if (!sb_add(ctx, files, "") || !sb_add(ctx, digests, ""))
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    return ENT_OK;
}

/* recorded reads what the sources table holds for src: its digests and
 * loader version (-1 when it was never loaded) and its rows loaded. */
static int recorded(sqlite3 *db, const ent_source *src, const char *digests, int *version,
                    int64_t *rows)
{
    sqlite3_stmt *q = NULL;
    int same = 0;
    *version = -1;
    *rows = 0;
    if (sqlite3_prepare_v2(db, "SELECT sha256, version, rows_loaded FROM sources WHERE name=?",
                           -1, &q, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(q, 1, src->name, -1, SQLITE_STATIC);
    if (sqlite3_step(q) == SQLITE_ROW) {
        const char *old = (const char *)sqlite3_column_text(q, 0);
        *version = sqlite3_column_int(q, 1);
        *rows = sqlite3_column_int64(q, 2);
        same = old && !strcmp(old, digests) && *version == src->version;
    }
    sqlite3_finalize(q);
    return same;
}

/* each_table runs sql_fmt (one %.*s for the name) on every table of the
 * comma list tables. */
static ent_status each_table(ent_ctx *ctx, sqlite3 *db, const char *tables, const char *sql_fmt)
{
    const char *p = tables;
    while (p && *p) {
        const char *e = strchr(p, ',');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        char sql[256];
        ent_status st;
        snprintf(sql, sizeof sql, sql_fmt, (int)k, p);
        if ((st = ent_sql_exec(ctx, db, sql)) != ENT_OK)
            return st;
        p = e ? e + 1 : NULL;
    }
    return ENT_OK;
}

/* drop_tables drops the tables of a source whose loader version changed, so
 * that its schema is created anew rather than kept from the older loader. */
static ent_status drop_tables(ent_ctx *ctx, sqlite3 *db, const char *tables)
{
    return each_table(ctx, db, tables, "DROP TABLE IF EXISTS \"%.*s\"");
}

static ent_status empty_tables(ent_ctx *ctx, sqlite3 *db, const char *tables)
{
    return each_table(ctx, db, tables, "DELETE FROM \"%.*s\"");
}

static ent_status record(ent_load *ld, const char *files, const char *digests, double secs)
{
    load_priv *p = ld->priv;
    sqlite3_stmt *q = NULL;
    strbuf rej = {0};
    char line[512];
    time_t now = time(NULL);
    char stamp[32];
    ent_status st;
    for (size_t i = 0; i < p->nreasons; i++) {
        snprintf(line, sizeof line, "%s%s: %llu (first at %s)", i ? "; " : "", p->reasons[i].text,
                 (unsigned long long)p->reasons[i].count,
                 p->reasons[i].example[0] ? p->reasons[i].example : "-");
        if (!sb_add(ld->ctx, &rej, line))
            return ent_err(ld->ctx, ENT_ENOMEM, "out of memory");
    }
    if (p->other) {
        snprintf(line, sizeof line, "; other reasons: %llu", (unsigned long long)p->other);
        sb_add(ld->ctx, &rej, line);
    }
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    st = ent_sql_prepare(ld->ctx, ld->db,
                         "INSERT OR REPLACE INTO sources VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         &q);
    if (st == ENT_OK) {
        const ent_source *s = ld->src;
        sqlite3_bind_text(q, 1, s->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, files, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 3, digests, -1, SQLITE_STATIC);
        sqlite3_bind_int(q, 4, s->version);
        sqlite3_bind_int64(q, 5, (sqlite3_int64)ld->read);
        sqlite3_bind_int64(q, 6, (sqlite3_int64)ld->loaded);
        sqlite3_bind_int64(q, 7, (sqlite3_int64)ld->rejected);
        sqlite3_bind_text(q, 8, rej.p ? rej.p : "", -1, SQLITE_STATIC);
        ent_sql_bind_i64(q, 9, ld->year_lo ? ld->year_lo : ENT_NA);
        ent_sql_bind_i64(q, 10, ld->year_hi ? ld->year_hi : ENT_NA);
        ent_sql_bind_i64(q, 11, s->year_lo ? s->year_lo : ENT_NA);
        ent_sql_bind_i64(q, 12, s->year_hi ? s->year_hi : ENT_NA);
        sqlite3_bind_text(q, 13, s->coverage ? s->coverage : "full", -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 14, s->cite ? s->cite : "", -1, SQLITE_STATIC);
        sqlite3_bind_double(q, 15, secs);
        sqlite3_bind_text(q, 16, stamp, -1, SQLITE_STATIC);
        st = ent_sql_step_reset(ld->ctx, ld->db, q);
    }
    sqlite3_finalize(q);
    if (st == ENT_OK) {
        ent_log(ld->ctx, "%-22s read %llu = loaded %llu + rejected %llu  (%.2f s)", ld->src->name,
                (unsigned long long)ld->read, (unsigned long long)ld->loaded,
                (unsigned long long)ld->rejected, secs);
        for (size_t i = 0; i < p->nreasons; i++)
            ent_log(ld->ctx, "%-22s   rejected %llu: %s (first at %s)", "",
                    (unsigned long long)p->reasons[i].count, p->reasons[i].text,
                    p->reasons[i].example[0] ? p->reasons[i].example : "-");
    }
    ent_free(ld->ctx, rej.p);
    return st;
}

/* note_shrink records in `sources` that a shrink was accepted. */
static ent_status note_shrink(ent_ctx *ctx, sqlite3 *db, const char *name, int64_t from,
                              uint64_t to)
{
    sqlite3_stmt *q = NULL;
    char cov[160];
    ent_status st;
    snprintf(cov, sizeof cov, "partial: accepted a shrink from %lld to %llu rows "
             "(build --accept-shrink)", (long long)from, (unsigned long long)to);
    if ((st = ent_sql_prepare(ctx, db, "UPDATE sources SET coverage = ? WHERE name = ?", &q)) ==
        ENT_OK) {
        sqlite3_bind_text(q, 1, cov, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 2, name, -1, SQLITE_STATIC);
        st = ent_sql_step_reset(ctx, db, q);
    }
    sqlite3_finalize(q);
    return st;
}

ent_status ent_build(ent_db *db, const ent_build_opts *opts)
{
    ent_ctx *ctx = db->ctx;
    sqlite3 *sq = db->db;
    ent_registry *reg = NULL;
    ent_status st;
    strbuf reloaded = {0};
    int in_tx = 0;
    size_t nloaded = 0;

    if (!opts || !opts->datadir)
        return ent_err(ctx, ENT_EINVAL, "build: no data folder given");
    if (opts->only) { /* every name must be known */
        const char *p = opts->only;
        while (*p) {
            const char *e = strchr(p, ',');
            size_t k = e ? (size_t)(e - p) : strlen(p);
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)k, p);
            if (!ent_source_find(name))
                return ent_err(ctx, ENT_EINVAL, "unknown source '%s' (see `entente build --list`)", name);
            p = e ? e + 1 : p + k;
        }
    }
    if ((st = ent_registry_load(ctx, opts->datadir, &reg)) != ENT_OK)
        return st;
    if (!sb_add(ctx, &reloaded, ",")) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    if ((st = ent_sql_exec(ctx, sq, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=NORMAL;")) !=
            ENT_OK ||
        (st = ent_sql_exec(ctx, sq, "BEGIN IMMEDIATE")) != ENT_OK)
        goto out;
    in_tx = 1;
    if ((st = ent_sql_exec(ctx, sq, SOURCES_SCHEMA)) != ENT_OK)
        goto out;

    for (size_t i = 0; i < ent_nsources; i++) {
        const ent_source *src = ent_sources[i];
        strbuf files = {0}, digests = {0};
        load_priv priv;
        ent_load ld;
        double t0;
        int need = opts->force, dep_reloaded = 0, oldver, shrunk;
        int64_t oldrows;

        if (opts->only && !in_list(opts->only, src->name))
            continue;
        st = digest_files(ctx, opts->datadir, src, &files, &digests);
        if (st == ENT_ENOTFOUND || st == ENT_ENODATA) {
            if (st == ENT_ENOTFOUND)
                ent_log(ctx, "%-22s skipped: %s/%s not found", src->name, opts->datadir, src->dir);
            st = ENT_OK;
            ent_free(ctx, files.p);
            ent_free(ctx, digests.p);
            continue;
        }
        if (st != ENT_OK) {
            ent_free(ctx, files.p);
            ent_free(ctx, digests.p);
            goto out;
        }
        for (const char *d = src->deps; d && *d;) {
            const char *e = strchr(d, ',');
            size_t k = e ? (size_t)(e - d) : strlen(d);
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)k, d);
            if (in_list(reloaded.p + 1, name))
                dep_reloaded = 1;
            d = e ? e + 1 : d + k;
        }
        if (!recorded(sq, src, digests.p, &oldver, &oldrows) || dep_reloaded)
            need = 1;
        if (!need) {
            ent_log(ctx, "%-22s unchanged", src->name);
            ent_free(ctx, files.p);
            ent_free(ctx, digests.p);
            continue;
        }
        memset(&priv, 0, sizeof priv);
        memset(&ld, 0, sizeof ld);
        ld.ctx = ctx;
        ld.db = sq;
        ld.reg = reg;
        ld.datadir = opts->datadir;
        ld.src = src;
        ld.priv = &priv;
        t0 = ent_now();
        if ((oldver >= 0 && oldver != src->version &&
             (st = drop_tables(ctx, sq, src->tables)) != ENT_OK) ||
            (src->schema && (st = ent_sql_exec(ctx, sq, src->schema)) != ENT_OK) ||
            (st = empty_tables(ctx, sq, src->tables)) != ENT_OK ||
            (st = src->load(&ld)) != ENT_OK) {
            ent_free(ctx, files.p);
            ent_free(ctx, digests.p);
            goto out;
        }
        if (ld.read != ld.loaded + ld.rejected) {
            st = ent_err(ctx, ENT_EPARSE,
                         "%s: row accounting does not balance: read %llu, loaded %llu, "
                         "rejected %llu",
                         src->name, (unsigned long long)ld.read, (unsigned long long)ld.loaded,
                         (unsigned long long)ld.rejected);
            ent_free(ctx, files.p);
            ent_free(ctx, digests.p);
            goto out;
        }
        /* a truncated but valid file must not wipe a source */
        shrunk = (ld.loaded == 0 && (src->dir || oldrows > 0)) ||
                 (oldrows > 0 && (int64_t)ld.loaded * 2 < oldrows);
        if (shrunk && !opts->accept_shrink) {
            char held[64] = "";
            if (oldrows > 0)
                snprintf(held, sizeof held, " where the warehouse holds %lld", (long long)oldrows);
            st = ent_err(ctx, ENT_ENODATA,
                         "%s: loaded %llu rows (read %llu)%s: is a file truncated (%s)?  "
                         "The warehouse is unchanged; pass --accept-shrink to load it anyway",
                         src->name, (unsigned long long)ld.loaded, (unsigned long long)ld.read,
                         held, files.p);
            ent_free(ctx, files.p);
            ent_free(ctx, digests.p);
            goto out;
        }
        st = record(&ld, files.p, digests.p, ent_now() - t0);
        ent_free(ctx, files.p);
        ent_free(ctx, digests.p);
        if (st == ENT_OK && shrunk) /* accepted: `sources` says so, not "full" */
            st = note_shrink(ctx, sq, src->name, oldrows, ld.loaded);
        if (st != ENT_OK)
            goto out;
        if (!sb_add(ctx, &reloaded, src->name) || !sb_add(ctx, &reloaded, ",")) {
            st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        nloaded++;
        fault_point(src->name);
    }
    {
        char sql[128];
        snprintf(sql, sizeof sql, "PRAGMA application_id=%d; PRAGMA user_version=%d;",
                 ENT_APPLICATION_ID, ENT_SCHEMA_VERSION);
        if ((st = ent_sql_exec(ctx, sq, sql)) != ENT_OK)
            goto out;
    }
    st = ent_sql_exec(ctx, sq, "COMMIT");
    if (st == ENT_OK) {
        in_tx = 0;
        ent_log(ctx, nloaded ? "build: %zu source(s) loaded, committed"
                             : "build: nothing changed (%zu sources loaded)", nloaded);
    }
out:
    if (in_tx)
        sqlite3_exec(sq, "ROLLBACK", NULL, NULL, NULL);
    ent_free(ctx, reloaded.p);
    ent_registry_free(reg);
    return ent_db_annotate(db, st);
}
