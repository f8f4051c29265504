/*
 * bytesrc.c -- the byte source (bytesrc.h): plain files by read(2) or mmap,
 * gzip through zlib, the single member of a zip archive through libzip.
 */
#include "bytesrc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

struct ent_bytesrc {
    ent_ctx *ctx;
    ent_bs_kind kind;
    int fd;              /* plain files; -1 otherwise */
    uint64_t size;
    gzFile gz;
    zip_t *z;
    zip_file_t *zf;
    long members;
    const char *map;     /* plain files after ent_bytesrc_map */
    size_t maplen;
    char err[200];
};

static void say(char *why, size_t whyn, const char *fmt, const char *path, const char *detail)
{
    if (why && whyn)
        snprintf(why, whyn, fmt, path, detail);
}

static ent_status open_zip(ent_bytesrc *s, const char *path, char *why, size_t whyn)
{
    int zerr = 0;
    s->z = zip_open(path, ZIP_RDONLY, &zerr);
    if (!s->z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, zerr);
        say(why, whyn, "%s: truncated or corrupt zip archive (%s)", path, zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return ENT_EPARSE;
    }
    zip_int64_t ne = zip_get_num_entries(s->z, 0), first = -1;
    s->members = 0;
    for (zip_int64_t i = 0; i < ne; i++) {
        const char *nm = zip_get_name(s->z, (zip_uint64_t)i, 0);
        if (nm && *nm && nm[strlen(nm) - 1] != '/') {
            s->members++;
            if (first < 0)
                first = i;
        }
    }
    if (first >= 0) {
        s->zf = zip_fopen_index(s->z, (zip_uint64_t)first, 0);
        if (!s->zf)
            snprintf(s->err, sizeof s->err, "%s", zip_strerror(s->z));
    }
    return ENT_OK;
}

ent_status ent_bytesrc_open(ent_ctx *ctx, const char *path, unsigned flags, ent_bytesrc **out,
                            char *why, size_t whyn)
{
    *out = NULL;
    ent_bytesrc *s = ent_calloc(ctx, 1, sizeof *s);
    if (!s) {
        say(why, whyn, "%s%s", "out of memory", "");
        return ENT_ENOMEM;
    }
    s->ctx = ctx;
    s->members = 1;
    s->fd = open(path, O_RDONLY);
    if (s->fd < 0) {
        say(why, whyn, "%s: cannot open: %s", path, strerror(errno));
        ent_free(ctx, s);
        return ENT_EIO;
    }
    struct stat sb;
    if (fstat(s->fd, &sb) == 0)
        s->size = (uint64_t)sb.st_size;
    if ((flags & ENT_BS_REGULAR) && (fstat(s->fd, &sb) != 0 || !S_ISREG(sb.st_mode))) {
        say(why, whyn, "%s: not a regular file%s", path, "");
        ent_bytesrc_close(s);
        return ENT_EIO;
    }
    unsigned char magic[4] = { 0 };
    ssize_t m = pread(s->fd, magic, 4, 0);
    ent_status st = ENT_OK;
    if (m >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
        s->kind = ENT_BS_GZ;
        s->gz = gzdopen(s->fd, "rb");
        if (!s->gz) {
            say(why, whyn, "%s: cannot start gzip%s", path, "");
            ent_bytesrc_close(s);
            return ENT_ENOMEM;
        }
        s->fd = -1; /* owned by the gzip stream now */
        gzbuffer(s->gz, 1u << 18);
    } else if ((flags & ENT_BS_ALLOW_ZIP) && m >= 4 && magic[0] == 'P' && magic[1] == 'K' &&
               magic[2] == 3 && magic[3] == 4) {
        s->kind = ENT_BS_ZIP;
        close(s->fd);
        s->fd = -1;
        st = open_zip(s, path, why, whyn);
    } else {
#ifdef POSIX_FADV_SEQUENTIAL
        posix_fadvise(s->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    }
    if (st != ENT_OK) {
        ent_bytesrc_close(s);
        return st;
    }
    *out = s;
    return ENT_OK;
}

void ent_bytesrc_close(ent_bytesrc *s)
{
    if (!s)
        return;
    if (s->map)
        munmap((void *)(uintptr_t)s->map, s->maplen);
    if (s->gz)
        gzclose(s->gz);
    if (s->zf)
        zip_fclose(s->zf);
    if (s->z)
        zip_discard(s->z);
    if (s->fd >= 0)
        close(s->fd);
    ent_free(s->ctx, s);
}

ent_bs_kind ent_bytesrc_kind(const ent_bytesrc *s) { return s->kind; }
uint64_t ent_bytesrc_size(const ent_bytesrc *s) { return s->size; }
long ent_bytesrc_members(const ent_bytesrc *s) { return s->members; }
const char *ent_bytesrc_error(const ent_bytesrc *s) { return s->err; }

ent_status ent_bytesrc_read(ent_bytesrc *s, void *buf, size_t cap, size_t *got)
{
    *got = 0;
    if (s->kind == ENT_BS_GZ) {
        int k = gzread(s->gz, buf, cap > (1u << 30) ? (1u << 30) : (unsigned)cap);
        int errn = Z_OK;
        const char *em = gzerror(s->gz, &errn);
        if (k > 0)
            *got = (size_t)k;
        if (k < 0 || (errn != Z_OK && errn != Z_STREAM_END)) {
            /* zlib prefixes its message with "<fd:N>: ": drop it */
            const char *colon = em ? strstr(em, ": ") : NULL;
            if (colon && em[0] == '<')
                em = colon + 2;
            snprintf(s->err, sizeof s->err, "%s", em ? em : "?");
            return k < 0 ? ENT_EIO : ENT_EPARSE;
        }
        return ENT_OK;
    }
    if (s->kind == ENT_BS_ZIP) {
        if (!s->zf)
            return s->members ? ENT_EPARSE : ENT_OK; /* no member: no bytes */
        zip_int64_t k = zip_fread(s->zf, buf, cap);
        if (k < 0) {
            snprintf(s->err, sizeof s->err, "%s", zip_file_strerror(s->zf));
            return ENT_EPARSE;
        }
        *got = (size_t)k;
        return ENT_OK;
    }
    for (;;) {
        ssize_t n = read(s->fd, buf, cap);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            snprintf(s->err, sizeof s->err, "%s", strerror(errno));
            return ENT_EIO;
        }
        *got = (size_t)n;
        return ENT_OK;
    }
}

ent_status ent_bytesrc_map(ent_bytesrc *s, const char **data, char *why, size_t whyn)
{
    if (s->kind != ENT_BS_PLAIN)
        return ENT_EINVAL;
    if (!s->map) {
        size_t len = s->size ? (size_t)s->size : 1;
        void *mp = mmap(NULL, len, PROT_READ, MAP_PRIVATE, s->fd, 0);
        if (mp == MAP_FAILED) {
            if (why && whyn)
                snprintf(why, whyn, "cannot map: %s", strerror(errno));
            return ENT_EIO;
        }
        madvise(mp, len, MADV_SEQUENTIAL);
        s->map = mp;
        s->maplen = len;
    }
    *data = s->map;
    return ENT_OK;
}

void ent_bytesrc_drop(ent_bytesrc *s, uint64_t lo, uint64_t hi)
{
    if (!s->map)
        return;
    uint64_t pg = (uint64_t)sysconf(_SC_PAGESIZE);
    uint64_t a = lo / pg * pg, b = hi / pg * pg;
    if (b > a)
        madvise((void *)(uintptr_t)(s->map + a), b - a, MADV_DONTNEED);
}
