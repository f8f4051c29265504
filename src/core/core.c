/*
 * core.c -- the context: allocation hook, error messages, progress log, and
 * the few helpers (path joining, file digests, clock) that every module uses.
 */
#define _POSIX_C_SOURCE 200809L
#include "core.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

static void *default_alloc(void *ud, void *ptr, size_t size)
{
    (void)ud;
    if (size == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, size);
}

/* ------------------------------------------------ allocation fault hook
 * ENTENTE_FAULT=alloc:N makes the Nth allocation (counted over every context
 * of the process, from 1) fail once; alloc:0 fails none and, at exit, prints
 * "fault: T allocations" to stderr so that a test knows how many N to try
 * (tests/faults/run.sh).  Either way the hook counts live blocks and at exit
 * reports any still allocated ("fault: L allocations leaked") with exit
 * status 70.  Without ENTENTE_FAULT nothing of this runs. */
static long long fault_target = -1; /* -1: hook off */
static _Atomic long long fault_count, fault_live;

static void fault_exit(void)
{
    long long live = fault_live;
    if (fault_target == 0)
        fprintf(stderr, "fault: %lld allocations\n", (long long)fault_count);
    if (live != 0) {
        fprintf(stderr, "fault: %lld allocations leaked\n", live);
        fflush(stderr);
        _exit(70);
    }
}

static void *fault_alloc(void *ud, void *ptr, size_t size)
{
    (void)ud;
    if (size == 0) {
        if (ptr)
            fault_live--;
        free(ptr);
        return NULL;
    }
    if (++fault_count == fault_target)
        return NULL;
    {
        void *q = realloc(ptr, size);
        if (q && !ptr)
            fault_live++;
        return q;
    }
}

static ent_alloc_fn initial_alloc(void)
{
    static int checked;
    if (!checked) {
        const char *f = getenv("ENTENTE_FAULT");
        checked = 1;
        if (f && !strncmp(f, "alloc:", 6)) {
            fault_target = atoll(f + 6);
            atexit(fault_exit);
        }
    }
    return fault_target >= 0 ? fault_alloc : default_alloc;
}

ent_ctx *ent_ctx_new(void)
{
    ent_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return NULL;
    ctx->alloc = initial_alloc();
    return ctx;
}

void ent_ctx_free(ent_ctx *ctx)
{
    free(ctx);
}

void ent_ctx_set_alloc(ent_ctx *ctx, ent_alloc_fn fn, void *ud)
{
    ctx->alloc = fn ? fn : default_alloc;
    ctx->alloc_ud = ud;
}

void ent_ctx_set_log(ent_ctx *ctx, FILE *fp)
{
    ctx->log = fp;
}

const char *ent_errmsg(const ent_ctx *ctx)
{
    return ctx ? ctx->errmsg : "no context";
}

const char *ent_strerror(ent_status st)
{
    static const char *const msg[] = {
        [ENT_OK] = "ok",
        [ENT_DONE] = "done",
        [ENT_ENOMEM] = "out of memory",
        [ENT_EIO] = "input/output error",
        [ENT_EPARSE] = "malformed input",
        [ENT_EINVAL] = "invalid argument",
        [ENT_ENOTFOUND] = "not found",
        [ENT_EAMBIG] = "ambiguous",
        [ENT_EDB] = "database error",
        [ENT_ENODATA] = "no data",
    };
    if ((unsigned)st < sizeof msg / sizeof msg[0] && msg[st])
        return msg[st];
    return "unknown status";
}

ent_status ent_err(ent_ctx *ctx, ent_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
    va_end(ap);
    return st;
}

void ent_log(ent_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    if (!ctx->log)
        return;
    va_start(ap, fmt);
    vfprintf(ctx->log, fmt, ap);
    va_end(ap);
    fputc('\n', ctx->log);
    fflush(ctx->log);
}

void *ent_malloc(ent_ctx *ctx, size_t n)
{
    return ctx->alloc(ctx->alloc_ud, NULL, n ? n : 1);
}

void *ent_calloc(ent_ctx *ctx, size_t n, size_t size)
{
    void *p;
    if (size && n > SIZE_MAX / size)
        return NULL;
    p = ent_malloc(ctx, n * size);
    if (p)
        memset(p, 0, n * size > 0 ? n * size : 1);
    return p;
}

void *ent_realloc(ent_ctx *ctx, void *p, size_t n)
{
    return ctx->alloc(ctx->alloc_ud, p, n ? n : 1);
}

void ent_free(ent_ctx *ctx, void *p)
{
    if (p)
        ctx->alloc(ctx->alloc_ud, p, 0);
}

char *ent_strdup(ent_ctx *ctx, const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = ent_malloc(ctx, n);
    if (d)
        memcpy(d, s, n);
    return d;
}

char *ent_path_join(ent_ctx *ctx, const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = ent_malloc(ctx, a + b + 2);
    if (!p)
        return NULL;
    memcpy(p, dir, a);
    p[a] = '/';
    memcpy(p + a + 1, name, b + 1);
    return p;
}

ent_status ent_sha256_file(ent_ctx *ctx, const char *path, char hex[65])
{
    unsigned char buf[1 << 16], md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    size_t n;
    ent_status st = ENT_OK;
    FILE *fp = fopen(path, "rb");
    EVP_MD_CTX *md_ctx = NULL;

    if (!fp)
        return ent_err(ctx, ENT_EIO, "%s: %s", path, strerror(errno));
    md_ctx = EVP_MD_CTX_new();
    if (!md_ctx || !EVP_DigestInit_ex(md_ctx, EVP_sha256(), NULL)) {
        st = ent_err(ctx, ENT_ENOMEM, "%s: cannot start sha256", path);
        goto out;
    }
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        EVP_DigestUpdate(md_ctx, buf, n);
    if (ferror(fp)) {
        st = ent_err(ctx, ENT_EIO, "%s: read error", path);
        goto out;
    }
    EVP_DigestFinal_ex(md_ctx, md, &mdlen);
    for (unsigned i = 0; i < mdlen && i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
    hex[64] = '\0';
out:
    EVP_MD_CTX_free(md_ctx);
    fclose(fp);
    return st;
}

double ent_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int ent_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (e - p >= 8) { /* the ASCII fast path: 8 bytes with no high bit and no NUL */
        uint64_t w;
        memcpy(&w, p, 8);
        if ((w & 0x8080808080808080ULL) || ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL))
            break;
        p += 8;
    }
    while (p < e) {
        unsigned c = *p;
        size_t k;
        unsigned cp;
        if (c == 0)
            return 0;
        if (c < 0x80) {
            p++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            k = 1, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            k = 2, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            k = 3, cp = c & 0x07;
        else
            return 0;
        if ((size_t)(e - p) <= k)
            return 0;
        for (size_t i = 1; i <= k; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        p += k + 1;
    }
    return 1;
}
