/*
 * atomic.h -- the one output-file writer of entente: every `-o FILE` goes
 * through it, so that a reader never sees half a file and nothing that is
 * not a regular file is ever replaced.
 *
 *  - NULL or "-" is standard output.
 *  - A path naming a device, a FIFO or a socket (/dev/full, /dev/stdout, a
 *    named pipe) is opened and written in place: never replaced.
 *  - A symlink is followed: the file it points to is replaced, the link
 *    stays.  A link to a missing file is refused.
 *  - Otherwise (a regular file, or no file yet) the output goes to a
 *    temporary "PATH.tmp.XXXXXX" beside the target, is flushed and fsync'd,
 *    and renamed over it by ent_afile_close(f, 1).  On failure or commit=0
 *    the temporary is removed and the target is untouched.
 *  - A new file's permissions follow the umask (0666 & ~umask), as fopen's.
 *
 * Every failure names the path and says what the system said (No space left
 * on device, File too large, Input/output error).
 */
#ifndef ENT_ATOMIC_H
#define ENT_ATOMIC_H

#include "core.h"
#include <stdio.h>

typedef struct ent_afile ent_afile;

/* ent_afile_open starts writing path (see above); *out owns the stream. */
ent_status ent_afile_open(ent_ctx *ctx, const char *path, ent_afile **out);
/* ent_afile_fp is the stream to write to; owned by f. */
FILE *ent_afile_fp(ent_afile *f);
/* ent_afile_name is the path as given ("-" for standard output). */
const char *ent_afile_name(const ent_afile *f);
/* ent_afile_close finishes: commit=1 flushes, checks every write, and (for a
 * regular file) renames the temporary into place; commit=0 discards.  Frees
 * f; NULL is allowed.  ENT_EIO with the path and the system's reason. */
ent_status ent_afile_close(ent_afile *f, int commit);

#endif
