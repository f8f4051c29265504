/*
 * atomic.c -- the one output-file writer (see atomic.h): standard output,
 * devices and FIFOs written in place, symlinks followed, regular files
 * replaced atomically through a temporary renamed over them.
 */
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct ent_afile {
    ent_ctx *ctx;
    FILE *fp;
    int fd;       /* the file written (not stdout); -1 for stdout */
    int werr;     /* the first write error's errno */
    char *name;   /* the path as given */
    char *target; /* the file replaced at commit (symlinks resolved); NULL: in place */
    char *tmp;    /* the temporary beside target */
};

/* The stream writes through cookie_write, which loops over short writes and
 * EINTR and keeps the first error's errno for the message: stdio alone would
 * lose it, and would call write() where a test's LD_PRELOAD shim cannot see
 * it. */
static ssize_t cookie_write(void *c, const char *buf, size_t n)
{
    ent_afile *f = c;
    size_t done = 0;
    while (done < n) {
        ssize_t k = write(f->fd, buf + done, n - done);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            if (!f->werr)
                f->werr = k < 0 ? errno : EIO;
            return done ? (ssize_t)done : -1;
        }
        done += (size_t)k;
    }
    return (ssize_t)done;
}

static int cookie_close(void *c)
{
    ent_afile *f = c;
    int rc = close(f->fd);
    if (rc != 0 && !f->werr)
        f->werr = errno;
    f->fd = -1;
    return rc;
}

static int open_stream(ent_afile *f, int fd)
{
    cookie_io_functions_t io = {NULL, cookie_write, NULL, cookie_close};
    f->fd = fd;
    f->fp = fopencookie(f, "w", io);
    return f->fp != NULL;
}

static ent_status fail(ent_ctx *ctx, const char *path, const char *what, int e)
{
    return ent_err(ctx, ENT_EIO, "%s: %s: %s", path, what, e ? strerror(e) : "write error");
}

static void afree(ent_afile *f)
{
    ent_ctx *ctx = f->ctx;
    ent_free(ctx, f->name);
    ent_free(ctx, f->target);
    ent_free(ctx, f->tmp);
    ent_free(ctx, f);
}

ent_status ent_afile_open(ent_ctx *ctx, const char *path, ent_afile **out)
{
    ent_afile *f = ent_calloc(ctx, 1, sizeof *f);
    struct stat sb;
    ent_status st;
    int fd;
    if (!f)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    f->ctx = ctx;
    if (!(f->name = ent_strdup(ctx, path ? path : "-"))) {
        afree(f);
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    }
    f->fd = -1;
    if (!path || !strcmp(path, "-")) {
        f->fp = stdout;
        *out = f;
        return ENT_OK;
    }
    if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)) {
        char *real = realpath(path, NULL); /* follow the link; refuse a dangling one */
        if (!real) {
            st = fail(ctx, path, "a symlink to a file that cannot be reached", errno);
            afree(f);
            return st;
        }
        f->target = ent_strdup(ctx, real);
        free(real);
    } else {
        f->target = ent_strdup(ctx, path);
    }
    if (!f->target) {
        afree(f);
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    }
    /* /dev/stdout and its kin resolve into /proc: the caller's open stream */
    if ((stat(f->target, &sb) == 0 && !S_ISREG(sb.st_mode)) || !strncmp(f->target, "/proc/", 6)) {
        if (S_ISDIR(sb.st_mode)) {
            st = fail(ctx, path, "cannot write", EISDIR);
            afree(f);
            return st;
        }
        /* a device, FIFO or socket: write through it, never replace it */
        ent_free(ctx, f->target);
        f->target = NULL;
        fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (fd < 0 || !open_stream(f, fd)) {
            st = fail(ctx, path, "cannot write", errno);
            if (fd >= 0)
                close(fd);
            afree(f);
            return st;
        }
        *out = f;
        return ENT_OK;
    }
    {
        size_t n = strlen(f->target) + 16;
        mode_t um;
        if (!(f->tmp = ent_malloc(ctx, n))) {
            afree(f);
            return ent_err(ctx, ENT_ENOMEM, "out of memory");
        }
        snprintf(f->tmp, n, "%s.tmp.XXXXXX", f->target);
        if ((fd = mkostemp(f->tmp, O_CLOEXEC)) < 0) {
            st = fail(ctx, path, "cannot write", errno);
            ent_free(ctx, f->tmp);
            f->tmp = NULL;
            afree(f);
            return st;
        }
        um = umask(0);
        umask(um);
        if (fchmod(fd, 0666 & ~um) != 0 || !open_stream(f, fd)) {
            st = fail(ctx, path, "cannot write", errno);
            close(fd);
            unlink(f->tmp);
            afree(f);
            return st;
        }
    }
    *out = f;
    return ENT_OK;
}

FILE *ent_afile_fp(ent_afile *f)
{
    return f->fp;
}

const char *ent_afile_name(const ent_afile *f)
{
    return f->name;
}

ent_status ent_afile_close(ent_afile *f, int commit)
{
    ent_status st = ENT_OK;
    ent_ctx *ctx;
    int e;
    if (!f)
        return ENT_OK;
    ctx = f->ctx;
    errno = 0;
    if (fflush(f->fp) != 0 || ferror(f->fp)) {
        e = f->werr ? f->werr : errno;
        if (commit)
            st = fail(ctx, f->name, "write failed", e);
    }
    if (f->tmp && st == ENT_OK && commit && fsync(f->fd) != 0)
        st = fail(ctx, f->name, "write failed", errno);
    if (f->fp != stdout) {
        errno = 0;
        if (fclose(f->fp) != 0 && st == ENT_OK && commit)
            st = fail(ctx, f->name, "write failed", f->werr ? f->werr : errno);
    } else {
        clearerr(stdout);
    }
    if (f->tmp) {
        if (commit && st == ENT_OK && rename(f->tmp, f->target) != 0)
            st = fail(ctx, f->name, "cannot replace", errno);
        if (!commit || st != ENT_OK)
            unlink(f->tmp);
    }
    afree(f);
    return st;
}
