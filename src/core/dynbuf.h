/*
 * dynbuf.h -- one growable buffer with a size cap, as curl's dynbuf
 * (lib/dynbuf.c) is for bytes: an array of elements of one size that grows
 * by doubling and refuses to grow past its cap, with a message that names
 * what it holds.  Every hand-written doubling array of the library goes
 * through it: ent_dynbuf for an array the code holds as a buffer, ent_grow
 * for an array kept as a typed pointer and a capacity (and for parallel
 * arrays that share one count).
 *
 * Ownership: a dynbuf owns its array until ent_dynbuf_take hands it over
 * (free it then with ent_free) or ent_dynbuf_free frees it.  Failures return
 * ENT_ENOMEM with ctx's message set; the buffer is left as it was.
 */
#ifndef ENT_DYNBUF_H
#define ENT_DYNBUF_H

#include "core.h"

#include <stddef.h>
#include <stdio.h>

#define ENT_DYNBUF_FIRST 64 /* elements of the first allocation, at least */

typedef struct ent_dynbuf {
    void *p;          /* the elements; NULL before the first growth */
    size_t len;       /* elements in use */
    size_t cap;       /* elements allocated */
    size_t size;      /* bytes per element */
    size_t max;       /* the cap: the most elements it may hold */
    const char *what; /* what the elements are, for the message ("roll calls") */
    ent_ctx *ctx;
} ent_dynbuf;

/* ent_dynbuf_init makes b empty, for elements of size bytes, at most max of
 * them (what names them in messages). */
void ent_dynbuf_init(ent_dynbuf *b, ent_ctx *ctx, size_t size, size_t max, const char *what);
/* ent_dynbuf_reserve makes room for n elements in all (len unchanged). */
ent_status ent_dynbuf_reserve(ent_dynbuf *b, size_t n);
/* ent_dynbuf_add appends n elements copied from elems (zeroed when elems is
 * NULL) and returns a pointer to the first of them, or NULL on failure. */
void *ent_dynbuf_add(ent_dynbuf *b, const void *elems, size_t n);
/* ent_dynbuf_at returns element i (i < len). */
static inline void *ent_dynbuf_at(const ent_dynbuf *b, size_t i)
{
    return (char *)b->p + i * b->size;
}
/* ent_dynbuf_reset empties b and keeps its memory. */
void ent_dynbuf_reset(ent_dynbuf *b);
/* ent_dynbuf_free frees the array; b is empty and can be used again. */
void ent_dynbuf_free(ent_dynbuf *b);
/* ent_dynbuf_take returns the array (the caller's, ent_free it; NULL when
 * nothing was ever added) and leaves b empty. */
void *ent_dynbuf_take(ent_dynbuf *b);

/* ent_grow makes room for need elements of size bytes in the array *pp of
 * *cap elements (pp is the address of a typed pointer): unchanged when
 * need <= *cap, else doubled (at least ENT_DYNBUF_FIRST, at least need) up
 * to max.  More than max elements, or a size that overflows, is ENT_ENOMEM
 * with "WHAT: more than MAX (the cap)"; *pp and *cap are then unchanged. */
ent_status ent_grow(ent_ctx *ctx, void *pp, size_t *cap, size_t need, size_t size, size_t max,
                    const char *what);

/* ent_grow_for is ent_grow for an array that belongs to label (a file, a
 * table): its failure messages start with label, "LABEL: WHAT: more than
 * MAX (the cap)" or "LABEL: out of memory". */
ent_status ent_grow_for(ent_ctx *ctx, const char *label, void *pp, size_t *cap, size_t need,
                        size_t size, size_t max, const char *what);

/* ent_fread_all reads the rest of fp into *buf (a ctx allocation of *len
 * bytes, not NUL-terminated; 64 KiB first, doubled whenever full), at most
 * max bytes: ENT_ENOMEM beyond them or with no memory, the message naming
 * label ("LABEL: bytes read: ...").  A read error ends the text early: the
 * caller checks ferror(fp). */
ent_status ent_fread_all(ent_ctx *ctx, FILE *fp, const char *label, size_t max, char **buf,
                         size_t *len);

/* ent_shrink gives back the memory of the array *pp beyond its first n
 * elements of size bytes (at least one element is kept), once it is
 * complete.  It cannot fail: when the allocator refuses, *pp stays as it
 * was, which is as good. */
void ent_shrink(ent_ctx *ctx, void *pp, size_t n, size_t size);

#endif
