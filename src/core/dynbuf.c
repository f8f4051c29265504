/*
 * dynbuf.c -- the growable buffer with a size cap (see dynbuf.h).
 */
#include "dynbuf.h"

#include <stdint.h>
#include <string.h>

ent_status ent_grow(ent_ctx *ctx, void *pp, size_t *cap, size_t need, size_t size, size_t max,
                    const char *what)
{
    size_t nc;
    void *old, *np;
    if (need <= *cap)
        return ENT_OK;
    if (need > max || size == 0 || need > SIZE_MAX / size)
        return ent_err(ctx, ENT_ENOMEM, "%s: more than %zu (the cap)", what ? what : "buffer",
                       max);
    nc = *cap ? *cap : ENT_DYNBUF_FIRST;
    while (nc < need)
        nc = nc > SIZE_MAX / 2 ? need : nc * 2;
    if (nc > max)
        nc = max;
    if (nc > SIZE_MAX / size)
        nc = need;
    /* *pp is a typed pointer: read and written as bytes (object pointers
     * share one representation here), not through a void ** */
    memcpy(&old, pp, sizeof old);
    if (!(np = ent_realloc(ctx, old, nc * size)))
        return ent_err(ctx, ENT_ENOMEM, "%s: out of memory for %zu", what ? what : "buffer", nc);
    memcpy(pp, &np, sizeof np);
    *cap = nc;
    return ENT_OK;
}

ent_status ent_grow_for(ent_ctx *ctx, const char *label, void *pp, size_t *cap, size_t need,
                        size_t size, size_t max, const char *what)
{
    if (ent_grow(ctx, pp, cap, need, size, max, what) == ENT_OK)
        return ENT_OK;
    if (need > max)
        return ent_err(ctx, ENT_ENOMEM, "%s: %s: more than %zu (the cap)", label,
                       what ? what : "buffer", max);
    return ent_err(ctx, ENT_ENOMEM, "%s: out of memory", label);
}

void ent_dynbuf_init(ent_dynbuf *b, ent_ctx *ctx, size_t size, size_t max, const char *what)
{
    memset(b, 0, sizeof *b);
    b->ctx = ctx;
    b->size = size;
    b->max = max;
    b->what = what;
}

ent_status ent_dynbuf_reserve(ent_dynbuf *b, size_t n)
{
    return ent_grow(b->ctx, &b->p, &b->cap, n, b->size, b->max, b->what);
}

void *ent_dynbuf_add(ent_dynbuf *b, const void *elems, size_t n)
{
    char *at;
    if (n > b->max - (b->len < b->max ? b->len : b->max) || b->len > b->max) {
        ent_err(b->ctx, ENT_ENOMEM, "%s: more than %zu (the cap)", b->what ? b->what : "buffer",
                b->max);
        return NULL;
    }
    if (ent_dynbuf_reserve(b, b->len + n) != ENT_OK)
        return NULL;
    at = (char *)b->p + b->len * b->size;
    if (elems)
        memcpy(at, elems, n * b->size);
    else
        memset(at, 0, n * b->size);
    b->len += n;
    return at;
}

void ent_dynbuf_reset(ent_dynbuf *b)
{
    b->len = 0;
}

void ent_dynbuf_free(ent_dynbuf *b)
{
    ent_free(b->ctx, b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

void *ent_dynbuf_take(ent_dynbuf *b)
{
    void *p = b->p;
    b->p = NULL;
    b->len = b->cap = 0;
    return p;
}

void ent_shrink(ent_ctx *ctx, void *pp, size_t n, size_t size)
{
    void **p = pp, *q;
    if (*p && (q = ent_realloc(ctx, *p, (n ? n : 1) * size)) != NULL)
        *p = q;
}

ent_status ent_fread_all(ent_ctx *ctx, FILE *fp, const char *label, size_t max, char **buf,
                         size_t *len)
{
    char *b = NULL;
    size_t cap = 0, n = 0, k;
    *buf = NULL;
    *len = 0;
    do {
        if (n == cap && ent_grow_for(ctx, label, &b, &cap, n < 65536 ? 65536 : n + 1, 1, max,
                                     "bytes read") != ENT_OK) {
            ent_free(ctx, b);
            return ENT_ENOMEM;
        }
        k = fread(b + n, 1, cap - n, fp);
        n += k;
    } while (k);
    *buf = b;
    *len = n;
    return ENT_OK;
}
