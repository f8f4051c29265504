/*
 * rd_rdata.c -- reader backend for R data files (.rda/.RData workspaces and
 * .rds single objects) through librdata.  Debian's librdata is built without
 * compression, so the file is decompressed first (gzip with zlib, bzip2 with
 * libbz2, xz with liblzma) and handed to librdata from memory through its I/O
 * hooks.  The first data frame is rendered as CSV text in R's write.csv style
 * (see rd.h); a file holding no data frame, or several, is an error.
 *
 * Ownership: one rdframe per call collects the columns (copies of librdata's
 * arrays, strings, factor levels) and is freed before returning.
 */
#define _POSIX_C_SOURCE 200809L
#include "rd.h"
#include "dynbuf.h"

#include <bzlib.h>
#include <errno.h>
#include <fcntl.h>
#include <lzma.h>
#include <math.h>
#include <rdata/rdata.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#define MAX_UNPACKED ((size_t)2 << 30) /* refuse a decompression bomb past 2 GiB */
#define MAXCOLS ((size_t)1 << 20)      /* columns of the data frame */
#define MAXLEVELS ((size_t)1 << 24)    /* levels of one factor */

/* LeakSanitizer's hook, consulted only in sanitizer builds: librdata
 * (0~20210223) leaks small buffers while parsing some files (e.g. an
 * attribute list in rivalries/td_rivalries.rda) and on error paths of damaged
 * ones.  Those leaks are inside librdata.so, not in entente: suppress them by
 * module, and nothing else. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:librdata.so\n";
}

/* ------------------------------------------------------------ decompression */

typedef struct growbuf {
    ent_ctx *ctx;
    unsigned char *p;
    size_t n, cap;
} growbuf;

/* gb_reserve makes room for more bytes: 0 when out of memory or past
 * MAX_UNPACKED (the caller's message says both) */
static int gb_reserve(growbuf *b, size_t more)
{
    size_t need = b->n + more;
    if (need <= b->cap)
        return 1;
    /* the first allocation is 64 KiB; more than the cap fails before growing */
    return ent_grow(b->ctx, &b->p, &b->cap, need < (1 << 16) ? (1 << 16) : need, 1,
                    MAX_UNPACKED + 1, "unpacked workspace") == ENT_OK;
}

static ent_status unpack_gz(ent_ctx *ctx, const char *label, const unsigned char *in, size_t n,
                            growbuf *b)
{
    z_stream z;
    int rc;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 32) != Z_OK)
        return ent_err(ctx, ENT_ENOMEM, "%s: cannot start gzip", label);
    z.next_in = (unsigned char *)in;
    z.avail_in = (uInt)n;
    do {
        if (!gb_reserve(b, 1 << 16)) {
            inflateEnd(&z);
            return ent_err(ctx, ENT_ENOMEM, "%s: out of memory (or over 2 GiB unpacked)", label);
        }
        z.next_out = b->p + b->n;
        z.avail_out = (uInt)(b->cap - b->n);
        rc = inflate(&z, Z_NO_FLUSH);
        b->n = b->cap - z.avail_out;
        if (rc == Z_STREAM_END && z.avail_in > 0) /* R may concatenate members: rare */
            rc = inflateReset(&z) == Z_OK ? Z_OK : Z_DATA_ERROR;
    } while (rc == Z_OK);
    inflateEnd(&z);
    if (rc != Z_STREAM_END)
        return ent_err(ctx, ENT_EPARSE, "%s: corrupt or truncated gzip data (%s)", label,
                       z.msg ? z.msg : "unexpected end");
    return ENT_OK;
}

static ent_status unpack_bz2(ent_ctx *ctx, const char *label, const unsigned char *in, size_t n,
                             growbuf *b)
{
    bz_stream z;
    int rc;
    memset(&z, 0, sizeof z);
    if (BZ2_bzDecompressInit(&z, 0, 0) != BZ_OK)
        return ent_err(ctx, ENT_ENOMEM, "%s: cannot start bzip2", label);
    z.next_in = (char *)in;
    z.avail_in = (unsigned)n;
    do {
        if (!gb_reserve(b, 1 << 16)) {
            BZ2_bzDecompressEnd(&z);
            return ent_err(ctx, ENT_ENOMEM, "%s: out of memory (or over 2 GiB unpacked)", label);
        }
        z.next_out = (char *)b->p + b->n;
        z.avail_out = (unsigned)(b->cap - b->n);
        rc = BZ2_bzDecompress(&z);
        b->n = b->cap - z.avail_out;
        if (rc == BZ_OK && z.avail_in == 0 && z.avail_out > 0)
            rc = BZ_UNEXPECTED_EOF;
    } while (rc == BZ_OK);
    BZ2_bzDecompressEnd(&z);
    if (rc != BZ_STREAM_END)
        return ent_err(ctx, ENT_EPARSE, "%s: corrupt or truncated bzip2 data", label);
    return ENT_OK;
}

static ent_status unpack_xz(ent_ctx *ctx, const char *label, const unsigned char *in, size_t n,
                            growbuf *b)
{
    lzma_stream z = LZMA_STREAM_INIT;
    lzma_ret rc;
    if (lzma_stream_decoder(&z, UINT64_MAX, 0) != LZMA_OK)
        return ent_err(ctx, ENT_ENOMEM, "%s: cannot start xz", label);
    z.next_in = in;
    z.avail_in = n;
    do {
        if (!gb_reserve(b, 1 << 16)) {
            lzma_end(&z);
            return ent_err(ctx, ENT_ENOMEM, "%s: out of memory (or over 2 GiB unpacked)", label);
        }
        z.next_out = b->p + b->n;
        z.avail_out = b->cap - b->n;
        rc = lzma_code(&z, z.avail_in ? LZMA_RUN : LZMA_FINISH);
        b->n = b->cap - z.avail_out;
    } while (rc == LZMA_OK);
    lzma_end(&z);
    if (rc != LZMA_STREAM_END)
        return ent_err(ctx, ENT_EPARSE, "%s: corrupt or truncated xz data", label);
    return ENT_OK;
}

/* ---------------------------------------------------------- memory I/O hooks */

typedef struct memio {
    const unsigned char *p;
    size_t n, pos;
} memio;

static int mio_open(const char *path, void *io)
{
    (void)path;
    ((memio *)io)->pos = 0;
    return 0;
}
static int mio_close(void *io)
{
    (void)io;
    return 0;
}
static rdata_off_t mio_seek(rdata_off_t off, rdata_io_flags_t whence, void *io)
{
    memio *m = io;
    rdata_off_t base = whence == RDATA_SEEK_SET ? 0
                       : whence == RDATA_SEEK_CUR ? (rdata_off_t)m->pos : (rdata_off_t)m->n;
    if (base + off < 0 || (size_t)(base + off) > m->n)
        return -1;
    m->pos = (size_t)(base + off);
    return (rdata_off_t)m->pos;
}
static ssize_t mio_read(void *buf, size_t nbyte, void *io)
{
    memio *m = io;
    size_t k = m->n - m->pos < nbyte ? m->n - m->pos : nbyte;
    memcpy(buf, m->p + m->pos, k);
    m->pos += k;
    return (ssize_t)k;
}
static rdata_error_t mio_update(long size, rdata_progress_handler h, void *u, void *io)
{
    (void)size, (void)h, (void)u, (void)io;
    return RDATA_OK;
}

/* --------------------------------------------------------------- the frame */

typedef struct rdcol {
    char *name;
    rdata_type_t type;
    void *data;       /* int32_t or double array of nrow; NULL for strings */
    char **str;       /* strings (NULL = NA) */
    char **levels;    /* factor levels */
    size_t nlevels;
} rdcol;

typedef struct rdframe {
    ent_ctx *ctx;
    int tables;       /* data frames seen */
    int skip;         /* 1 while a second table is being read: ignored */
    rdcol *c;
    size_t nc, cap;
    long nrow;
    int strcol;       /* column receiving text values, -1 none */
    char **pending;   /* factor levels: librdata sends them before their column */
    size_t npending, pendcap;
    const char *label; /* the file, for messages */
    int oom;           /* 1 out of memory, 2 the same with its message set */
    char err[256];
} rdframe;

static char *dup_s(ent_ctx *ctx, const char *s)
{
    return ent_strdup(ctx, s ? s : "");
}

static int on_table(const char *name, void *u)
{
    rdframe *f = u;
    (void)name;
    if (++f->tables > 1) {
        f->skip = 1; /* a workspace with several objects: the first data frame is the table */
        return 0;
    }
    return 0;
}

static int on_column(const char *name, rdata_type_t type, void *data, long count, void *u)
{
    rdframe *f = u;
    if (f->skip)
        return 0;
    if (f->nc && count != f->nrow) {
        snprintf(f->err, sizeof f->err, "column %zu has %ld values, column 1 has %ld",
                 f->nc + 1, count, f->nrow);
        return 1;
    }
    if (f->nc == f->cap && ent_grow_for(f->ctx, f->label, &f->c, &f->cap, f->nc + 1,
                                        sizeof *f->c, MAXCOLS, "columns") != ENT_OK)
        return f->oom = 2;
    rdcol *c = &f->c[f->nc];
    memset(c, 0, sizeof *c);
    c->type = type;
    c->name = name ? dup_s(f->ctx, name) : NULL;
    f->nrow = count;
    f->nc++;
    f->strcol = -1;
    c->levels = f->pending; /* the levels just received belong to this column */
    c->nlevels = f->npending;
    f->pending = NULL;
    f->npending = f->pendcap = 0;
    if (type == RDATA_TYPE_STRING) {
        if (!(c->str = ent_calloc(f->ctx, count ? (size_t)count : 1, sizeof *c->str)))
            return f->oom = 1;
        f->strcol = (int)f->nc - 1;
        return 0;
    }
    size_t w = type == RDATA_TYPE_REAL || type == RDATA_TYPE_DATE || type == RDATA_TYPE_TIMESTAMP
                   ? sizeof(double) : sizeof(int32_t);
    if (!(c->data = ent_malloc(f->ctx, count ? (size_t)count * w : 1)))
        return f->oom = 1;
    if (count)
        memcpy(c->data, data, (size_t)count * w);
    return 0;
}

static int on_text(const char *value, int index, void *u)
{
    rdframe *f = u;
    if (f->skip || f->strcol < 0 || index < 0 || index >= f->nrow)
        return 0;
    if (value && !(f->c[f->strcol].str[index] = dup_s(f->ctx, value)))
        return f->oom = 1;
    return 0;
}

static int on_label(const char *value, int index, void *u)
{
    rdframe *f = u;
    if (f->skip || index < 0 || (size_t)index != f->npending)
        return 0;
    if (f->npending == f->pendcap &&
        ent_grow_for(f->ctx, f->label, &f->pending, &f->pendcap, f->npending + 1,
                     sizeof *f->pending, MAXLEVELS, "factor levels") != ENT_OK)
        return f->oom = 2;
    if (!(f->pending[f->npending] = dup_s(f->ctx, value)))
        return f->oom = 1;
    f->npending++;
    return 0;
}

static int on_colname(const char *value, int index, void *u)
{
    rdframe *f = u;
    if (f->skip || index < 0 || (size_t)index >= f->nc)
        return 0;
    ent_free(f->ctx, f->c[index].name);
    if (!(f->c[index].name = dup_s(f->ctx, value)))
        return f->oom = 1;
    return 0;
}

static void on_error(const char *msg, void *u)
{
    rdframe *f = u;
    if (!f->err[0])
        snprintf(f->err, sizeof f->err, "%s", msg);
}

static void frame_free(rdframe *f)
{
    for (size_t i = 0; i < f->nc; i++) {
        rdcol *c = &f->c[i];
        for (long r = 0; c->str && r < f->nrow; r++)
            ent_free(f->ctx, c->str[r]);
        for (size_t l = 0; l < c->nlevels; l++)
            ent_free(f->ctx, c->levels[l]);
        ent_free(f->ctx, c->str);
        ent_free(f->ctx, c->levels);
        ent_free(f->ctx, c->data);
        ent_free(f->ctx, c->name);
    }
    for (size_t l = 0; l < f->npending; l++)
        ent_free(f->ctx, f->pending[l]);
    ent_free(f->ctx, f->pending);
    ent_free(f->ctx, f->c);
}

/* ------------------------------------------------------------------ render */

typedef ent_rdbuf text;
#define put ent_rdbuf_put

static void put_quoted(text *t, const char *s)
{
    put(t, "\"", 1);
    for (const char *q; (q = strchr(s, '"')); s = q + 1) {
        put(t, s, (size_t)(q - s) + 1);
        put(t, "\"", 1);
    }
    put(t, s, strlen(s));
    put(t, "\"", 1);
}

#define put_real ent_rdbuf_real

static void put_date(text *t, double days, int with_time, int plain)
{
    char b[40];
    if (isnan(days))
        return;
    time_t s = (time_t)floor(with_time ? days : days * 86400.0);
    struct tm tm;
    if (!gmtime_r(&s, &tm))
        return;
    strftime(b, sizeof b, with_time ? "\"%Y-%m-%d %H:%M:%S\"" : "\"%Y-%m-%d\"", &tm);
    if (plain)
        put(t, b + 1, strlen(b) - 2);
    else
        put(t, b, strlen(b));
}

/* put_plain writes s unquoted with every run of tabs, CRs and LFs made one
 * space (the rds-tsv recipe). */
static void put_plain(text *t, const char *s)
{
    while (*s) {
        size_t k = strcspn(s, "\t\r\n");
        put(t, s, k);
        s += k;
        if (*s) {
            put(t, " ", 1);
            s += strspn(s, "\t\r\n");
        }
    }
}

static ent_status render(ent_ctx *ctx, const char *label, rdframe *f, char delim, int plain,
                         char **out, size_t *len)
{
    text t = {.ctx = ctx};
    void (*put_str)(text *, const char *) = plain ? put_plain : put_quoted;
    char d[1] = {delim};
    for (size_t i = 0; i < f->nc; i++) {
        if (i)
            put(&t, d, 1);
        if (f->c[i].name)
            put_str(&t, f->c[i].name);
        else {
            char b[32];
            snprintf(b, sizeof b, "V%zu", i + 1);
            put_str(&t, b);
        }
    }
    put(&t, "\n", 1);
    for (long r = 0; r < f->nrow && !t.oom; r++) {
        for (size_t i = 0; i < f->nc; i++) {
            const rdcol *c = &f->c[i];
            char b[24];
            if (i)
                put(&t, d, 1);
            switch (c->type) {
            case RDATA_TYPE_STRING:
                if (c->str[r])
                    put_str(&t, c->str[r]);
                break;
            case RDATA_TYPE_INT32: {
                int32_t v = ((const int32_t *)c->data)[r];
                if (v == INT32_MIN)
                    break;
                if (c->nlevels) {
                    if (v >= 1 && (size_t)v <= c->nlevels)
                        put_str(&t, c->levels[v - 1]);
                    break;
                }
                put(&t, b, (size_t)snprintf(b, sizeof b, "%d", (int)v));
                break;
            }
            case RDATA_TYPE_LOGICAL: {
                int32_t v = ((const int32_t *)c->data)[r];
                if (v != INT32_MIN)
                    put(&t, v ? "TRUE" : "FALSE", v ? 4 : 5);
                break;
            }
            case RDATA_TYPE_REAL:
                put_real(&t, ((const double *)c->data)[r]);
                break;
            case RDATA_TYPE_DATE:
                put_date(&t, ((const double *)c->data)[r], 0, plain);
                break;
            case RDATA_TYPE_TIMESTAMP:
                put_date(&t, ((const double *)c->data)[r], 1, plain);
                break;
            }
        }
        put(&t, "\n", 1);
    }
    if (t.oom) {
        ent_free(ctx, t.p);
        return ent_rdbuf_oom(&t, label);
    }
    *out = t.p;
    *len = t.n;
    return ENT_OK;
}

static ent_status rdata_mem(ent_ctx *ctx, const char *label, const unsigned char *data,
                            size_t n, char delim, int plain, char **out, size_t *len)
{
    growbuf b = {.ctx = ctx};
    memio io;
    rdframe f = {.ctx = ctx, .label = label, .strcol = -1};
    rdata_parser_t *p = NULL;
    rdata_error_t rc;
    ent_status st = ENT_OK;

    *out = NULL;
    *len = 0;
    if (n >= 2 && data[0] == 0x1f && data[1] == 0x8b)
        st = unpack_gz(ctx, label, data, n, &b);
    else if (n >= 3 && !memcmp(data, "BZh", 3))
        st = unpack_bz2(ctx, label, data, n, &b);
    else if (n >= 6 && !memcmp(data, "\xFD" "7zXZ\0", 6))
        st = unpack_xz(ctx, label, data, n, &b);
    if (st != ENT_OK)
        goto out;
    io.p = b.p ? b.p : data;
    io.n = b.p ? b.n : n;
    io.pos = 0;
    if (!(p = rdata_parser_init())) {
        st = ent_err(ctx, ENT_ENOMEM, "%s: cannot start librdata", label);
        goto out;
    }
    /* rdata_parser_init allocates a file I/O context that rdata_parser_free
     * never frees (Debian's 0~20210223 build leaks it even unused); ours
     * replaces it, so free it here */
    if (p->io) {
        free(p->io->io_ctx);
        p->io->io_ctx = NULL;
    }
    rdata_set_open_handler(p, mio_open);
    rdata_set_close_handler(p, mio_close);
    rdata_set_seek_handler(p, mio_seek);
    rdata_set_read_handler(p, mio_read);
    rdata_set_update_handler(p, mio_update);
    rdata_set_io_ctx(p, &io);
    rdata_set_table_handler(p, on_table);
    rdata_set_column_handler(p, on_column);
    rdata_set_column_name_handler(p, on_colname);
    rdata_set_text_value_handler(p, on_text);
    rdata_set_value_label_handler(p, on_label);
    rdata_set_error_handler(p, on_error);
    rc = rdata_parse(p, label, &f);
    if (f.oom) {
        st = f.oom == 2 ? ENT_ENOMEM : ent_err(ctx, ENT_ENOMEM, "%s: out of memory", label);
    } else if (rc != RDATA_OK) {
        st = ent_err(ctx, ENT_EPARSE, "%s: not a readable R data file: %s%s%s", label,
                     rdata_error_message(rc), f.err[0] ? ": " : "", f.err);
    } else if (f.nc == 0) {
        st = ent_err(ctx, ENT_EPARSE, "%s: holds no data frame (or only list columns, which "
                     "the R backend does not read)", label);
    } else {
        st = render(ctx, label, &f, delim, plain, out, len);
    }
out:
    if (p)
        rdata_parser_free(p);
    frame_free(&f);
    ent_free(ctx, b.p);
    return st;
}

ent_status ent_rd_rdata_mem(ent_ctx *ctx, const char *label, const unsigned char *data,
                            size_t n, char delim, char **out, size_t *len)
{
    return rdata_mem(ctx, label, data, n, delim, 0, out, len);
}

ent_status ent_rd_rdata_tsv_mem(ent_ctx *ctx, const char *label, const unsigned char *data,
                                size_t n, char **out, size_t *len)
{
    return rdata_mem(ctx, label, data, n, '\t', 1, out, len);
}

ent_status ent_rd_unpack(ent_ctx *ctx, const char *label, const unsigned char *data, size_t n,
                         unsigned char **out, size_t *len)
{
    growbuf b = {.ctx = ctx};
    ent_status st = ENT_OK;
    *out = NULL;
    *len = 0;
    if (n >= 2 && data[0] == 0x1f && data[1] == 0x8b)
        st = unpack_gz(ctx, label, data, n, &b);
    else if (n >= 3 && !memcmp(data, "BZh", 3))
        st = unpack_bz2(ctx, label, data, n, &b);
    else if (n >= 6 && !memcmp(data, "\xFD" "7zXZ\0", 6))
        st = unpack_xz(ctx, label, data, n, &b);
    if (st != ENT_OK) {
        ent_free(ctx, b.p);
        return st;
    }
    *out = b.p;
    *len = b.n;
    return ENT_OK;
}

ent_status ent_rd_slurp(ent_ctx *ctx, const char *path, unsigned char **out, size_t *len)
{
    struct stat sb;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    unsigned char *p;
    size_t got = 0;
    *out = NULL;
    *len = 0;
    if (fd < 0)
        return ent_err(ctx, ENT_EIO, "%s: cannot open: %s", path, strerror(errno));
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        return ent_err(ctx, ENT_EIO, "%s: not a regular file", path);
    }
    if (!(p = ent_malloc(ctx, (size_t)sb.st_size + 1))) {
        close(fd);
        return ent_err(ctx, ENT_ENOMEM, "%s: out of memory", path);
    }
    while (got < (size_t)sb.st_size) {
        ssize_t k = read(fd, p + got, (size_t)sb.st_size - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            ent_status st = ent_err(ctx, ENT_EIO, "%s: read error: %s", path,
                                    k < 0 ? strerror(errno) : "file shrank");
            ent_free(ctx, p);
            close(fd);
            return st;
        }
        got += (size_t)k;
    }
    close(fd);
    *out = p;
    *len = got;
    return ENT_OK;
}
