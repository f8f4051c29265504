/*
 * core.h -- the context, allocation, error reporting and small helpers that
 * every module shares.  Internal: not part of the public API.
 */
#ifndef ENT_CORE_H
#define ENT_CORE_H

#include "entente.h"
#include <stdarg.h>
#include <stdint.h>
#include <stddef.h>

#define ENT_ERRMAX 1024

struct ent_ctx {
    ent_alloc_fn alloc;      /* allocation hook (realloc semantics) */
    void *alloc_ud;          /* its user data */
    FILE *log;               /* progress lines; NULL = silent */
    char errmsg[ENT_ERRMAX]; /* last error message */
};

#if defined(__GNUC__)
#define ENT_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define ENT_PRINTF(a, b)
#endif

/* ent_err sets ctx's message from fmt and returns st (for `return ent_err(...)`). */
ent_status ent_err(ent_ctx *ctx, ent_status st, const char *fmt, ...) ENT_PRINTF(3, 4);
/* ent_log writes one progress line to ctx->log when set. */
void ent_log(ent_ctx *ctx, const char *fmt, ...) ENT_PRINTF(2, 3);

/* Allocation through ctx's hook.  ent_malloc/ent_realloc return NULL on
 * failure without setting a message; callers report ENT_ENOMEM. */
void *ent_malloc(ent_ctx *ctx, size_t n);
void *ent_calloc(ent_ctx *ctx, size_t n, size_t size);
void *ent_realloc(ent_ctx *ctx, void *p, size_t n);
void ent_free(ent_ctx *ctx, void *p);
char *ent_strdup(ent_ctx *ctx, const char *s);

/* ent_path_join writes dir/name into a fresh ctx allocation; NULL on no memory. */
char *ent_path_join(ent_ctx *ctx, const char *dir, const char *name);

/* ent_sha256_file writes the lowercase hex digest (65 bytes with NUL) of the
 * file at path into hex. */
ent_status ent_sha256_file(ent_ctx *ctx, const char *path, char hex[65]);

/* fmtnum.c: ent_fmt_num writes the shortest decimal text (the first of %.15g,
 * %.16g, %.17g) that reads back (strtod) as exactly v: 37962901829.11, not
 * 3.79629018e+10; exponents -7..-1 in plain decimals (0.000001234).  n >= 32
 * (a shorter buffer is cut as snprintf cuts).  Returns the length (of the
 * whole text, as snprintf). */
int ent_fmt_num(char *b, size_t n, double v);

/* ent_utf8_valid is 1 when the n bytes at s are valid UTF-8 (no overlongs,
 * no surrogates, nothing past U+10FFFF) and hold no NUL byte. */
int ent_utf8_valid(const char *s, size_t n);

/* ent_now returns a monotonic clock in seconds. */
double ent_now(void);

#endif
