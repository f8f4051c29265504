/*
 * fetch.h -- getting a data folder: the manifest of every file a data folder
 * may hold (data/manifest.tsv, compiled in), downloading the pinned upstream
 * files with libcurl, and checking a folder against the manifest offline.
 *
 * A download lands in DEST.part beside its destination, is checked against
 * the manifest's size and sha256, and only then renamed over DEST.  A failed,
 * cut or mismatched download never replaces a file; its .part is removed once
 * the retries are spent (a .part left by a killed run is resumed next time).
 */
#ifndef ENT_FETCH_H
#define ENT_FETCH_H

#include "../core/core.h"
#include "entente/fetch.h"

#include <stdio.h>

/* ---------------------------------------------------------------- manifest */

typedef enum ent_mf_kind {
    ENT_MF_VERBATIM, /* downloaded; the very file the build reads */
    ENT_MF_ORIGINAL, /* downloaded; a publisher's file (.rda, .xml, ...) */
    ENT_MF_ARCHIVE,  /* downloaded; a tarball whose members are prepared files */
    ENT_MF_PREPARED  /* not downloaded; converted from `from` by a recipe */
} ent_mf_kind;

typedef struct ent_mf_entry {
    const char *path;        /* relative to the data folder: "archigos_leaders/upstream/LEAD.rda" */
    const char *source;      /* the data set's folder: "archigos_leaders" */
    ent_mf_kind kind;
    const char *url;         /* upstream URL; NULL for prepared files */
    const char *mirror_path; /* path under a mirror's root; NULL for prepared files */
    int64_t size;
    const char *sha256;      /* 64 lowercase hex digits */
    const char *format;      /* "rda", "xml", "csv", ... */
    const char *from;        /* prepared: ';'-list of originals; "-": not obtainable */
    const char *licence, *citation, *recipe;
    int line;                /* line in the manifest */
} ent_mf_entry;

typedef struct ent_manifest {
    ent_ctx *ctx;
    char *text;              /* owned copy of the manifest; entries point into it */
    ent_mf_entry *e;
    size_t n;
} ent_manifest;

/* ent_manifest_load parses the manifest at path, or the compiled-in one when
 * path is NULL.  A malformed line is ENT_EPARSE naming manifest:line:column. */
ent_status ent_manifest_load(ent_ctx *ctx, const char *path, ent_manifest **out);
/* ent_manifest_parse parses a manifest held in memory (tests, fuzzing). */
ent_status ent_manifest_parse(ent_ctx *ctx, const char *label, const char *text, size_t len,
                              ent_manifest **out);
void ent_manifest_free(ent_manifest *m);
/* ent_manifest_find returns the entry for path, or NULL. */
const ent_mf_entry *ent_manifest_find(const ent_manifest *m, const char *path);
/* ent_mf_folder_fn maps a build source name ("archigos") to the data folder
 * it reads ("archigos_leaders"), or NULL (no such source, or a derived one).
 * The fetch layer does not know the build's source table: the build
 * (src/store) sits above fetch and calls it, so a caller that knows both
 * (src/api/fetch.c, the public ent_fetch and ent_fetch_check) passes the
 * store's lookup.  NULL: only folder names are known. */
typedef const char *(*ent_mf_folder_fn)(const char *name);

/* ent_manifest_select checks the comma list only (data folder names, or build
 * source names that folder_of maps to their folders); NULL selects all.  An
 * unknown name is ENT_EINVAL listing the known folders.  Sets sel[i] for
 * entries chosen. */
ent_status ent_manifest_select(const ent_manifest *m, const char *only,
                               ent_mf_folder_fn folder_of, unsigned char *sel);
/* ent_manifest_kind_name is "verbatim", "original", "archive" or "prepared". */
const char *ent_manifest_kind_name(ent_mf_kind k);
/* ent_manifest_builtin returns the compiled-in manifest text. */
const char *ent_manifest_builtin(size_t *len);

/* ent_fetch_original returns what the build reads instead of relpath (e.g.
 * "archigos_leaders/archigos.csv") when relpath is a prepared file whose
 * originals are all in datadir and a reader backend reads them: the path of
 * its one .rda/.dta original, or a set "recipe=NAME\nPATH\n..." of all its
 * originals in manifest order (rd.h: xml, xlsx-dots, json-schema,
 * rds-matrices, rds-tsv, rda-listcols).  NULL otherwise (then the prepared file is read).
 * The caller frees the string.  The build prefers it to the prepared file. */
char *ent_fetch_original(ent_ctx *ctx, const char *datadir, const char *relpath);

/* ent_fetch_unread is 1 when relpath is a prepared file (absent, the caller
 * found) some of whose originals are in datadir in a form no backend reads
 * (today: the npm tarball's members, which fetch unpacks itself); fmt gets
 * that format. */
int ent_fetch_unread(ent_ctx *ctx, const char *datadir, const char *relpath, char *fmt, size_t n);

/* ent_fetch_upstream (the upstream versions of a source's digests) is public. */

/* ------------------------------------------------------------------ fetch */

/* ent_fetch_run is ent_fetch (include/entente/fetch.h: its options, result and
 * contract) with the build-source-name lookup for o->only passed in; the
 * public ent_fetch (src/api/fetch.c) passes the store's. */
ent_status ent_fetch_run(ent_ctx *ctx, const ent_fetch_opts *o, ent_mf_folder_fn folder_of,
                         ent_fetch_result *res);

/* ----------------------------------------------------------------- verify */

typedef enum ent_vf_state {
    ENT_VF_OK, ENT_VF_MISSING, ENT_VF_COVERED, ENT_VF_CHANGED, ENT_VF_EXTRA,
    ENT_VF_UNAVAILABLE /* missing, and no upstream to fetch it from (copy it by hand) */
} ent_vf_state;

typedef struct ent_vf_item {
    char *path;               /* relative to the data folder */
    ent_vf_state state;       /* COVERED: missing, but what it yields or comes from is present */
    char *why;                /* for CHANGED, MISSING and COVERED: one line */
} ent_vf_item;

typedef struct ent_vf_report {
    ent_ctx *ctx;
    ent_vf_item *items;
    size_t n, cap;
    size_t count[6];          /* by state */
} ent_vf_report;

/* ent_fetch_verify checks datadir against the manifest (selected by only)
 * without the network: every file's size and sha256, which are missing, and
 * which files the folder holds that the manifest does not know.  A missing
 * original is COVERED when every prepared file it yields is present and
 * right; a missing prepared file is COVERED when all its originals are.
 * folder_of maps build source names in only (ent_manifest_select). */
ent_status ent_fetch_verify(ent_ctx *ctx, const char *datadir, const char *manifest,
                            const char *only, ent_mf_folder_fn folder_of, ent_vf_report **out);
void ent_vf_report_free(ent_vf_report *r);
const char *ent_vf_state_name(ent_vf_state s);

#endif
