/*
 * gtable.h -- one u64-keyed open-addressing hash table, generic over the
 * slot size, for the event engine: the two group tables of each thread
 * (64-byte-line "full" slots and ent_ev_group slots) and the --dedupe set of
 * event ids (8-byte slots, the key alone).  Internal to src/events/.
 *
 * A slot is `size` bytes (a multiple of 8) starting with its uint64_t key;
 * key 0 marks an empty slot, so callers never store key 0.  Linear probing
 * on a murmur3 finaliser; the table doubles when it would be more than
 * three quarters full, so it grows by need from a small start.  `max` caps
 * the number of keys: an insertion beyond it fails (ev_tab_get returns NULL
 * with t->over_cap set) instead of eating the machine's memory.  Tables of
 * EV_TAB_MAP_BYTES and more are anonymous mappings advised for transparent
 * huge pages: a probe is a random access into megabytes, and with 4 KiB
 * pages nearly every one also missed the TLB.
 */
#ifndef ENT_EV_GTABLE_H
#define ENT_EV_GTABLE_H

#include "../core/core.h"

#include <string.h>

#define EV_TAB_MAP_BYTES ((size_t)4 << 20)

typedef struct ev_tab {
    unsigned char *slot;  /* cap * size bytes */
    size_t size;          /* bytes per slot */
    size_t cap, n;        /* slots (a power of two), keys held */
    size_t max;           /* cap on n */
    int mapped;           /* slot is an anonymous mapping, not ent_calloc */
    int over_cap;         /* an insertion was refused: more than max keys */
    int sorted;           /* ev_tab_sorted made it an array */
} ev_tab;

/* ev_tab_init makes an empty table of cap slots (a power of two) of size
 * bytes, holding at most max keys; 0 on no memory. */
int ev_tab_init(ent_ctx *ctx, ev_tab *t, size_t size, size_t cap, size_t max);
void ev_tab_free(ent_ctx *ctx, ev_tab *t);
/* ev_tab_sorted turns the table into an array: its n slots moved to the
 * front of the slot memory and sorted by key (in place, an MSD radix sort),
 * the memory past them released to the system.  The table can then no
 * longer be probed; read the slots with ev_tab_at(t, 0 .. t->n - 1) and
 * free it with ev_tab_free. */
void ev_tab_sorted(ev_tab *t);
/* ev_tab_insert is ev_tab_get's slow path: key is absent. */
void *ev_tab_insert(ent_ctx *ctx, ev_tab *t, uint64_t key);

static inline size_t ev_hash(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ull;
    k ^= k >> 33;
    return (size_t)k;
}

static inline void *ev_tab_at(const ev_tab *t, size_t i) { return t->slot + i * t->size; }

static inline uint64_t ev_tab_key(const ev_tab *t, size_t i)
{
    uint64_t k;
    memcpy(&k, t->slot + i * t->size, sizeof k);
    return k;
}

/* ev_tab_prefetch asks for the cache lines of key's home slot.  Always
 * inlined: GCC counts a prefetch as no side effect, finds a function made of
 * one pure (no side effects) and deletes the calls of it -- the prefetch
 * vanished from the binary until the body was forced into its callers. */
__attribute__((always_inline)) static inline void ev_tab_prefetch(const ev_tab *t, uint64_t key)
{
    const unsigned char *p = t->slot + (ev_hash(key) & (t->cap - 1)) * t->size;
    __builtin_prefetch(p, 1);
    if (((uintptr_t)p & 63) + t->size > 64)
        __builtin_prefetch(p + t->size - 1, 1);
}

/* ev_tab_get returns key's slot, inserting a zeroed one (key set) when it
 * is absent; NULL on no memory or when the table holds max keys already
 * (t->over_cap). */
static inline void *ev_tab_get(ent_ctx *ctx, ev_tab *t, uint64_t key)
{
    size_t mask = t->cap - 1, h = ev_hash(key) & mask;
    for (;;) {
        uint64_t k = ev_tab_key(t, h);
        if (k == key)
            return ev_tab_at(t, h);
        if (!k)
            return ev_tab_insert(ctx, t, key);
        h = (h + 1) & mask;
    }
}

/* ev_tab_find returns key's slot or NULL. */
static inline void *ev_tab_find(const ev_tab *t, uint64_t key)
{
    size_t mask = t->cap - 1, h = ev_hash(key) & mask;
    for (;;) {
        uint64_t k = ev_tab_key(t, h);
        if (k == key)
            return ev_tab_at(t, h);
        if (!k)
            return NULL;
        h = (h + 1) & mask;
    }
}

#endif
