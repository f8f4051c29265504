/*
 * test_dynbuf.c -- the growable buffer with a size cap (src/core/dynbuf.c):
 * growth keeps the elements, the cap fails clearly and leaves the buffer as
 * it was, reset keeps the memory, free and take empty it, an allocation
 * failure is reported, and ent_grow on typed and parallel arrays.
 */
#include "testutil.h"
#include "core/dynbuf.h"

#include <stdlib.h>
#include <string.h>

static void test_growth(void **s)
{
    (void)s;
    ent_ctx *ctx = ent_ctx_new();
    ent_dynbuf b;
    ent_dynbuf_init(&b, ctx, sizeof(int), 1 << 20, "numbers");
    assert_null(b.p);
    for (int i = 0; i < 10000; i++) {
        int *p = ent_dynbuf_add(&b, &i, 1);
        assert_non_null(p);
        assert_int_equal(*p, i);
    }
    assert_int_equal(b.len, 10000);
    assert_true(b.cap >= 10000 && b.cap < 20000); /* doubled: at most twice what is used */
    for (int i = 0; i < 10000; i++)
        assert_int_equal(((int *)b.p)[i], i);
    /* several at once, and zeroed ones */
    {
        int three[3] = {7, 8, 9}, *z;
        assert_non_null(ent_dynbuf_add(&b, three, 3));
        z = ent_dynbuf_add(&b, NULL, 2);
        assert_non_null(z);
        assert_int_equal(z[0], 0);
        assert_int_equal(z[1], 0);
        assert_int_equal(*(int *)ent_dynbuf_at(&b, 10001), 8);
        assert_int_equal(b.len, 10005);
    }
    ent_dynbuf_free(&b);
    ent_ctx_free(ctx);
}

static void test_cap(void **s)
{
    (void)s;
    ent_ctx *ctx = ent_ctx_new();
    ent_dynbuf b;
    void *before;
    size_t cap;
    ent_dynbuf_init(&b, ctx, sizeof(double), 100, "roll calls");
    for (int i = 0; i < 100; i++) {
        double v = i;
        assert_non_null(ent_dynbuf_add(&b, &v, 1));
    }
    assert_int_equal(b.cap, 100); /* doubling stops at the cap */
    before = b.p;
    cap = b.cap;
    {
        double v = 100;
        assert_null(ent_dynbuf_add(&b, &v, 1));
    }
    assert_string_equal(ent_errmsg(ctx), "roll calls: more than 100 (the cap)");
    assert_int_equal(b.len, 100); /* left as it was */
    assert_ptr_equal(b.p, before);
    assert_int_equal(b.cap, cap);
    assert_true(((double *)b.p)[99] == 99);
    assert_int_equal(ent_dynbuf_reserve(&b, 101), ENT_ENOMEM);
    assert_int_equal(ent_dynbuf_reserve(&b, 100), ENT_OK);
    /* a huge count is refused, not wrapped around */
    assert_null(ent_dynbuf_add(&b, NULL, (size_t)-1));
    assert_int_equal(b.len, 100);
    ent_dynbuf_free(&b);
    ent_ctx_free(ctx);
}

static void test_reset_free_take(void **s)
{
    (void)s;
    ent_ctx *ctx = ent_ctx_new();
    ent_dynbuf b;
    char *t;
    void *p;
    size_t cap;
    ent_dynbuf_init(&b, ctx, 1, 1 << 16, "text");
    assert_non_null(ent_dynbuf_add(&b, "hello", 6));
    p = b.p;
    cap = b.cap;
    ent_dynbuf_reset(&b);
    assert_int_equal(b.len, 0);
    assert_ptr_equal(b.p, p); /* the memory is kept */
    assert_int_equal(b.cap, cap);
    assert_non_null(ent_dynbuf_add(&b, "bye", 4));
    assert_string_equal((char *)b.p, "bye");
    ent_dynbuf_free(&b);
    assert_null(b.p);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    assert_non_null(ent_dynbuf_add(&b, "again", 6)); /* usable after free */
    t = ent_dynbuf_take(&b);
    assert_string_equal(t, "again");
    assert_null(b.p);
    assert_int_equal(b.len, 0);
    assert_null(ent_dynbuf_take(&b));
    ent_free(ctx, t);
    ent_ctx_free(ctx);
}

/* an allocator that fails every allocation after the first `left` */
static int left;
static void *failing(void *ud, void *ptr, size_t size)
{
    (void)ud;
    if (size == 0) {
        free(ptr);
        return NULL;
    }
    if (left-- <= 0)
        return NULL;
    return realloc(ptr, size);
}

static void test_nomem(void **s)
{
    (void)s;
    ent_ctx *ctx = ent_ctx_new();
    ent_dynbuf b;
    int v = 1;
    ent_ctx_set_alloc(ctx, failing, NULL);
    left = 1;
    ent_dynbuf_init(&b, ctx, sizeof v, 1000, "cells");
    assert_non_null(ent_dynbuf_add(&b, &v, 1)); /* the first allocation */
    for (int i = 1; i < ENT_DYNBUF_FIRST; i++)
        assert_non_null(ent_dynbuf_add(&b, &i, 1));
    assert_null(ent_dynbuf_add(&b, &v, 1)); /* the doubling fails */
    assert_non_null(strstr(ent_errmsg(ctx), "cells: out of memory"));
    assert_int_equal(b.len, ENT_DYNBUF_FIRST);
    assert_int_equal(((int *)b.p)[ENT_DYNBUF_FIRST - 1], ENT_DYNBUF_FIRST - 1);
    ent_dynbuf_free(&b);
    ent_ctx_free(ctx);
}

static void test_grow(void **s)
{
    (void)s;
    ent_ctx *ctx = ent_ctx_new();
    long *a = NULL;
    short *b = NULL;
    size_t ca = 0, cb = 0;
    assert_int_equal(ent_grow(ctx, &a, &ca, 1, sizeof *a, 1000, "rows"), ENT_OK);
    assert_int_equal(ca, ENT_DYNBUF_FIRST);
    assert_int_equal(ent_grow(ctx, &a, &ca, 10, sizeof *a, 1000, "rows"), ENT_OK);
    assert_int_equal(ca, ENT_DYNBUF_FIRST); /* room already */
    assert_int_equal(ent_grow(ctx, &a, &ca, 300, sizeof *a, 1000, "rows"), ENT_OK);
    assert_int_equal(ca, 512);
    a[299] = 42;
    assert_int_equal(ent_grow(ctx, &a, &ca, 1001, sizeof *a, 1000, "rows"), ENT_ENOMEM);
    assert_string_equal(ent_errmsg(ctx), "rows: more than 1000 (the cap)");
    assert_int_equal(ca, 512);
    assert_int_equal(a[299], 42);
    assert_int_equal(ent_grow(ctx, &a, &ca, 1000, sizeof *a, 1000, "rows"), ENT_OK);
    assert_int_equal(ca, 1000); /* clipped at the cap */
    /* parallel arrays: the same capacity from the same start */
    assert_int_equal(ent_grow(ctx, &b, &cb, 1000, sizeof *b, 1000, "rows"), ENT_OK);
    assert_int_equal(cb, ca);
    /* a size that overflows */
    assert_int_equal(ent_grow(ctx, &b, &cb, (size_t)-1 / 2, 4, (size_t)-1, "x"), ENT_ENOMEM);
    ent_free(ctx, a);
    ent_free(ctx, b);
    ent_ctx_free(ctx);
}

/* ent_grow_for: ent_grow whose messages name the array's owner */
static void test_grow_for(void **s)
{
    (void)s;
    ent_ctx *ctx = ent_ctx_new();
    int *a = NULL;
    size_t cap = 0;
    assert_int_equal(ent_grow_for(ctx, "x.rds", &a, &cap, 100, sizeof *a, 1000, "references"),
                     ENT_OK);
    assert_int_equal(cap, 128);
    a[99] = 7;
    assert_int_equal(ent_grow_for(ctx, "x.rds", &a, &cap, 1001, sizeof *a, 1000, "references"),
                     ENT_ENOMEM);
    assert_string_equal(ent_errmsg(ctx), "x.rds: references: more than 1000 (the cap)");
    assert_int_equal(cap, 128);
    assert_int_equal(a[99], 7);
    ent_ctx_set_alloc(ctx, failing, NULL);
    left = 0;
    assert_int_equal(ent_grow_for(ctx, "t", &a, &cap, 200, sizeof *a, 1000, "rows"), ENT_ENOMEM);
    assert_string_equal(ent_errmsg(ctx), "t: out of memory");
    assert_int_equal(a[99], 7);
    ent_free(ctx, a);
    ent_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_growth),
        cmocka_unit_test(test_cap),
        cmocka_unit_test(test_reset_free_take),
        cmocka_unit_test(test_nomem),
        cmocka_unit_test(test_grow),
        cmocka_unit_test(test_grow_for),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
