/*
 * bytesrc.h -- one byte source for the readers: a file read as it is on disk
 * (by read(2) or as a memory mapping), a gzip stream or the single member of
 * a zip archive, decompressed in memory.  The kind is detected from the
 * magic bytes.  The core reader (reader.c) and the event engine
 * (src/events/) read their input through it.
 *
 * A source is used by one thread at a time; distinct sources are independent,
 * so threads may each open their own.  Errors of the decompressors are kept
 * as the library's own words, without the path (ent_bytesrc_error): callers
 * know the line they were at and compose the message.
 */
#ifndef ENT_BYTESRC_H
#define ENT_BYTESRC_H

#include "core.h"

typedef enum ent_bs_kind { ENT_BS_PLAIN = 0, ENT_BS_GZ, ENT_BS_ZIP } ent_bs_kind;

/* flags for ent_bytesrc_open */
#define ENT_BS_ALLOW_ZIP 1u  /* open zip archives (else a zip is read as plain bytes) */
#define ENT_BS_REGULAR 2u    /* refuse anything but a regular file */

typedef struct ent_bytesrc ent_bytesrc;

/* ent_bytesrc_open opens path.  On failure the message (naming the path) is
 * written to why[whyn] when why is not NULL, and ctx is not touched, so
 * worker threads may open sources:
 *   ENT_EIO    "PATH: cannot open: <errno text>", "PATH: not a regular file"
 *   ENT_EPARSE "PATH: truncated or corrupt zip archive (<libzip text>)"
 *   ENT_ENOMEM "PATH: cannot start gzip" / "out of memory" */
ent_status ent_bytesrc_open(ent_ctx *ctx, const char *path, unsigned flags, ent_bytesrc **out,
                            char *why, size_t whyn);
void ent_bytesrc_close(ent_bytesrc *s);

ent_bs_kind ent_bytesrc_kind(const ent_bytesrc *s);
uint64_t ent_bytesrc_size(const ent_bytesrc *s);  /* bytes on disk */
/* ent_bytesrc_members is the number of file members of a zip archive (the
 * first is the one read); 1 for the other kinds. */
long ent_bytesrc_members(const ent_bytesrc *s);

/* ent_bytesrc_read reads up to cap bytes of (decompressed) data at the
 * current position into buf; *got = 0 at the end.  Plain files: one read(2)
 * (EINTR retried); gzip and zip: as many bytes as the stream gives, up to
 * cap.  Returns ENT_OK; ENT_EIO when reading failed; ENT_EPARSE when the
 * compressed data is truncated or corrupt (gzip: *got may still be > 0, the
 * bytes before the damage; the error stays set for the calls after it).
 * ent_bytesrc_error gives the library's text for the last error. */
ent_status ent_bytesrc_read(ent_bytesrc *s, void *buf, size_t cap, size_t *got);
const char *ent_bytesrc_error(const ent_bytesrc *s);

/* ent_bytesrc_map maps a plain file whole (read-only, advised sequential)
 * and returns its bytes; the mapping lives until close.  ENT_EINVAL for a
 * compressed source; ENT_EIO with why when mmap fails. */
ent_status ent_bytesrc_map(ent_bytesrc *s, const char **data, char *why, size_t whyn);
/* ent_bytesrc_drop lets the mapped pages from the one holding byte lo up to
 * (not including) the one holding byte hi leave the process (they stay in
 * the page cache), so that scanning a large file keeps a small resident set.
 * A page dropped while another thread still reads it is simply read again. */
void ent_bytesrc_drop(ent_bytesrc *s, uint64_t lo, uint64_t hi);

#endif
