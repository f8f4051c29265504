/*
 * entente/fetch.h -- getting a data folder: download the pinned upstream
 * files (each with its size and sha256 in the manifest compiled into the
 * library, data/manifest.tsv), check a folder against that manifest without
 * the network, and name the upstream versions a warehouse was built from.
 *
 * Ownership: the caller owns the options and result structs it passes (the
 * library keeps no pointer into them after the call returns) and the
 * ent_result it receives from ent_fetch_check, freed with ent_result_free.
 */
#ifndef ENTENTE_FETCH_H
#define ENTENTE_FETCH_H

#include "result.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ent_fetch_opts {
    const char *datadir;      /* destination data folder (created if absent); required */
    const char *manifest;     /* manifest file (columns of data/manifest.tsv); NULL = built in */
    const char *only;         /* comma list of data folders or build source names; NULL = all */
    const char *mirror;       /* base URL of a mirror with the raw-URL layout
                                 (<owner>/<repo>/<commit>/<path>); NULL = the upstream URLs */
    int jobs;                 /* parallel transfers; 0 = 4 */
    int retries;              /* attempts after the first on a transient fault; < 0 = 4 */
    double backoff;           /* seconds before the first retry, doubled after each; 0 = 1 */
    long connect_timeout;     /* seconds; 0 = 30 */
    long stall_timeout;       /* seconds below 1 KiB/s before a transfer is cut; 0 = 60 */
    long max_redirs;          /* redirects followed per transfer; 0 = 10 */
    int progress_bar;         /* 1: a progress bar on progress (a terminal); 0: one line per file */
    FILE *progress;           /* where progress and failure lines go; NULL = silent */
} ent_fetch_opts;

typedef struct ent_fetch_result {
    size_t fetched;           /* files downloaded and put in place this run */
    size_t present;           /* files already in place with the right sha256 */
    size_t failed;            /* files that could not be had (each reported on progress) */
    int64_t bytes;            /* bytes downloaded this run */
    double seconds;           /* wall time of the run */
} ent_fetch_result;

/* ent_fetch downloads every selected file of the manifest (verbatim files,
 * publishers' originals and archives; prepared files are never downloaded)
 * that is missing from o->datadir or differs from the manifest, several at
 * a time, with retries and backoff on transient faults (5xx, a cut or stalled
 * connection) and resuming a cut download with an HTTP range.
 * Inputs: ctx; o (o->datadir required); res, filled in on every return.
 * Return: ENT_OK when every selected file is in place; ENT_EIO when any
 * failed (each failure is written to o->progress with its URL and what was
 * wrong; ctx's message names the first); ENT_EINVAL for a bad option or an
 * unknown name in o->only; ENT_EPARSE for a malformed manifest file.
 * Failure leaves the folder as it was: a download lands in FILE.part, is
 * checked against its size and sha256 and only then renamed over FILE, so a
 * failed, cut or mismatched download never replaces a file. */
ent_status ent_fetch(ent_ctx *ctx, const ent_fetch_opts *o, ent_fetch_result *res);

/* ent_fetch_check checks datadir against the manifest (NULL = the built-in
 * one), restricted to the comma list only (NULL = all), without the network:
 * every file's size and sha256, the files missing and the files the folder
 * holds that the manifest does not know.
 * Return: ENT_OK with *out, one row per file: path (relative to datadir),
 * state, why (missing when there is nothing to say).  state is one of
 *   ok       present with the manifest's size and sha256
 *   missing  absent, and nothing present covers it
 *   covered  absent, but its other form is present and right (an original
 *            whose prepared files are all there, or a prepared file whose
 *            originals all are)
 *   changed  present with another size or sha256 (why says which)
 *   extra    in the folder, unknown to the manifest
 *   absent   absent, and no upstream to fetch it from (copy it by hand)
 * Notes: "summary" ("N ok, N missing, N covered by their other form,
 * N changed, N extra, N not obtainable") and "verdict" ("complete" when no
 * file is missing or changed, else "incomplete").
 * Failure: *out NULL; ENT_ENOTFOUND when datadir is not a folder, ENT_EINVAL
 * for an unknown name in only, ENT_EPARSE for a malformed manifest,
 * ENT_ENOMEM.  Ownership: the caller frees *out with ent_result_free. */
ent_status ent_fetch_check(ent_ctx *ctx, const char *datadir, const char *manifest,
                           const char *only, ent_result **out);

/* ent_fetch_upstream names the upstream versions a source was built from.
 * Inputs: digests, the comma list of sha256 digests of the files the source
 * read (the warehouse's sources.sha256 column); buf of n bytes.
 * Return: ENT_OK with buf holding "owner/repo@commit7" per distinct
 * repository and commit, comma-separated (a prepared file counts as its
 * originals; an npm tarball as "npm:NAME.tgz"; a digest the manifest does
 * not know as "unlisted file"), truncated to fit n.  Failure: ENT_EINVAL for
 * a NULL digests or buf; the built-in manifest cannot fail to parse. */
ent_status ent_fetch_upstream(ent_ctx *ctx, const char *digests, char *buf, size_t n);

#ifdef __cplusplus
}
#endif

#endif
