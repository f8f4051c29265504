/*
 * test_gtable.c -- the event engine's u64-keyed hash table (src/events/
 * gtable.h): growth from a small start, lookups across growth, the cap, the
 * in-place sort into an array, for the three slot sizes the engine uses.
 */
#include "testutil.h"
#include "events/gtable.h"

#include <stdlib.h>

static uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return (x ^ (x >> 31)) | 1; /* never 0: the empty mark */
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void check_size(size_t size, size_t n)
{
    ent_ctx *ctx = ent_ctx_new();
    ev_tab t;
    assert_true(ev_tab_init(ctx, &t, size, 16, n));
    uint64_t *keys = malloc(n * sizeof *keys);
    for (size_t i = 0; i < n; i++) {
        /* small keys too, so that the radix sort meets shared high bytes */
        keys[i] = i % 3 ? mix(i) : i + 1;
        uint64_t *s = ev_tab_get(ctx, &t, keys[i]);
        assert_non_null(s);
        assert_int_equal(s[0], keys[i]);
        if (size > 8)
            s[1] = keys[i] ^ 7; /* a payload that must travel with its key */
    }
    assert_int_equal(t.n, n);
    assert_true(t.n * 4 <= t.cap * 3); /* grown by need, load <= 3/4 */
    for (size_t i = 0; i < n; i++) {
        uint64_t *s = ev_tab_find(&t, keys[i]);
        assert_non_null(s);
        assert_ptr_equal(ev_tab_get(ctx, &t, keys[i]), s); /* found, not inserted */
    }
    assert_int_equal(t.n, n);
    assert_null(ev_tab_find(&t, 0x8000000000000000ull)); /* even, so never a key */
    /* the cap: one more key is refused, clearly */
    assert_null(ev_tab_get(ctx, &t, 0x8000000000000000ull));
    assert_true(t.over_cap);
    assert_int_equal(t.n, n);
    ev_tab_sorted(&t);
    qsort(keys, n, sizeof *keys, cmp_u64);
    for (size_t i = 0; i < n; i++) {
        const uint64_t *s = ev_tab_at(&t, i);
        assert_int_equal(s[0], keys[i]);
        if (size > 8)
            assert_int_equal(s[1], keys[i] ^ 7);
    }
    ev_tab_free(ctx, &t);
    free(keys);
    ent_ctx_free(ctx);
}

static void test_sizes(void **state)
{
    (void)state;
    check_size(8, 1000);
    check_size(48, 20000);
    check_size(80, 300000); /* large enough for a huge-page mapping */
    check_size(80, 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
