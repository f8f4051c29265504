/*
 * gtable.c -- the slow paths of the u64-keyed hash table (gtable.h): slot
 * memory, insertion, growth.
 */
#include "gtable.h"

#include <sys/mman.h>

static void *slots_alloc(ent_ctx *ctx, size_t bytes, int *mapped)
{
    *mapped = 0;
    if (bytes >= EV_TAB_MAP_BYTES) {
        void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return NULL;
#ifdef MADV_HUGEPAGE
        madvise(p, bytes, MADV_HUGEPAGE);
#endif
        *mapped = 1;
        return p; /* zero-filled */
    }
    return ent_calloc(ctx, bytes, 1);
}

int ev_tab_init(ent_ctx *ctx, ev_tab *t, size_t size, size_t cap, size_t max)
{
    memset(t, 0, sizeof *t);
    t->slot = slots_alloc(ctx, cap * size, &t->mapped);
    t->size = size;
    t->cap = cap;
    t->max = max;
    return t->slot != NULL;
}

void ev_tab_free(ent_ctx *ctx, ev_tab *t)
{
    if (t->slot && t->mapped)
        munmap(t->slot, t->cap * t->size);
    else
        ent_free(ctx, t->slot);
    t->slot = NULL;
    t->cap = t->n = 0;
    t->mapped = 0;
}

static int grow(ent_ctx *ctx, ev_tab *t)
{
    ev_tab nt;
    if (!ev_tab_init(ctx, &nt, t->size, t->cap * 2, t->max))
        return 0;
    size_t mask = nt.cap - 1;
    for (size_t i = 0; i < t->cap; i++) {
        uint64_t k = ev_tab_key(t, i);
        if (!k)
            continue;
        size_t h = ev_hash(k) & mask;
        while (ev_tab_key(&nt, h))
            h = (h + 1) & mask;
        memcpy(ev_tab_at(&nt, h), ev_tab_at(t, i), t->size);
    }
    nt.n = t->n;
    ev_tab_free(ctx, t);
    *t = nt;
    return 1;
}

void *ev_tab_insert(ent_ctx *ctx, ev_tab *t, uint64_t key)
{
    if (t->n >= t->max) {
        t->over_cap = 1;
        return NULL;
    }
    if ((t->n + 1) * 4 > t->cap * 3 && !grow(ctx, t))
        return NULL;
    size_t mask = t->cap - 1, h = ev_hash(key) & mask;
    while (ev_tab_key(t, h))
        h = (h + 1) & mask;
    unsigned char *s = ev_tab_at(t, h);
    memset(s, 0, t->size);
    memcpy(s, &key, sizeof key);
    t->n++;
    return s;
}
