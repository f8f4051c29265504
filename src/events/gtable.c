/*
 * gtable.c -- the slow paths of the u64-keyed hash table (gtable.h): slot
 * memory, insertion, growth.
 */
#include "gtable.h"

#include <sys/mman.h>
#include <unistd.h>

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

/* ------------------------------------------------------------- sorting */

#define EV_SLOT_MAX 128 /* the largest slot ev_tab_sorted handles (ent_ev_group: 80) */

static void swap_slots(unsigned char *a, unsigned char *b, size_t size)
{
    unsigned char tmp[EV_SLOT_MAX];
    memcpy(tmp, a, size);
    memcpy(a, b, size);
    memcpy(b, tmp, size);
}

static uint64_t key_at(const unsigned char *a, size_t i, size_t size)
{
    uint64_t k;
    memcpy(&k, a + i * size, sizeof k);
    return k;
}

static void insertion_sort(unsigned char *a, size_t n, size_t size)
{
    unsigned char tmp[EV_SLOT_MAX];
    for (size_t i = 1; i < n; i++) {
        uint64_t k = key_at(a, i, size);
        size_t j = i;
        if (key_at(a, j - 1, size) <= k)
            continue;
        memcpy(tmp, a + i * size, size);
        while (j > 0 && key_at(a, j - 1, size) > k) {
            memcpy(a + j * size, a + (j - 1) * size, size);
            j--;
        }
        memcpy(a + j * size, tmp, size);
    }
}

/* American flag sort: the elements are permuted into 256 buckets of the
 * byte at shift in place, then each bucket on the next byte.  Keys are
 * distinct, so the recursion ends by the lowest byte. */
static void radix_sort(unsigned char *a, size_t n, size_t size, int shift)
{
    while (n >= 32) {
        size_t count[256] = { 0 };
        for (size_t i = 0; i < n; i++)
            count[(key_at(a, i, size) >> shift) & 255]++;
        size_t start[256], next[256], sum = 0;
        int one = -1;
        for (int b = 0; b < 256; b++) {
            start[b] = next[b] = sum;
            sum += count[b];
            if (count[b] == n)
                one = b;
        }
        if (one < 0) {
            for (int b = 0; b < 256; b++)
                while (next[b] < start[b] + count[b]) {
                    int d = (int)((key_at(a, next[b], size) >> shift) & 255);
                    if (d == b)
                        next[b]++;
                    else
                        swap_slots(a + next[b] * size, a + next[d]++ * size, size);
                }
            if (shift == 0)
                return;
            for (int b = 0; b < 256; b++)
                if (count[b] > 1)
                    radix_sort(a + start[b] * size, count[b], size, shift - 8);
            return;
        }
        if (shift == 0)
            return;
        shift -= 8; /* every key has the same byte here: the next one */
    }
    insertion_sort(a, n, size);
}

void ev_tab_sorted(ev_tab *t)
{
    size_t j = 0;
    if (t->sorted || !t->slot)
        return;
    for (size_t i = 0; i < t->cap; i++)
        if (ev_tab_key(t, i)) {
            if (i != j)
                memcpy(ev_tab_at(t, j), ev_tab_at(t, i), t->size);
            j++;
        }
    if (t->mapped) {
        size_t pg = (size_t)sysconf(_SC_PAGESIZE), used = (j * t->size + pg - 1) / pg * pg;
        if (used < t->cap * t->size)
            madvise(t->slot + used, t->cap * t->size - used, MADV_DONTNEED);
    }
    if (t->size <= EV_SLOT_MAX)
        radix_sort(t->slot, j, t->size, 56);
    t->sorted = 1;
}
