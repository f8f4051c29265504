/*
 * test_core.c -- the shared helpers of src/core: shortest round-trip number
 * text, UTF-8 validation, and the atomic output writer.
 */
#include "testutil.h"
#include "core/atomic.h"
#include "core/core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_fmt_num(void **state)
{
    (void)state;
    char b[40];
    static const struct { double v; const char *want; } cases[] = {
        {37962901829.11, "37962901829.11"}, /* was 3.79629018e+10 in the panel CSV */
        {237004937402.072998047, "237004937402.073"},
        {0.1 + 0.2, "0.30000000000000004"},
        {-0.25, "-0.25"},
        {0.000001234, "0.000001234"},       /* plain decimals down to 1e-7 */
        {1.5e-9, "1.5e-09"},
        {1e300, "1e+300"},
        {2.0 / 3.0, "0.6666666666666666"},
        {5e-324, "4.94065645841247e-324"}, /* 15 digits suffice */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ent_fmt_num(b, sizeof b, cases[i].v);
        assert_string_equal(b, cases[i].want);
        assert_true(strtod(b, NULL) == cases[i].v);
    }
    /* random doubles always read back exactly */
    uint64_t s = 88172645463325252ULL;
    for (int i = 0; i < 20000; i++) {
        double v;
        s ^= s << 13; s ^= s >> 7; s ^= s << 17;
        memcpy(&v, &s, sizeof v);
        if (v != v || v - v != 0)
            continue; /* NaN, inf */
        ent_fmt_num(b, sizeof b, v);
        if (strtod(b, NULL) != v)
            fail_msg("%s does not read back", b);
    }
}

static void test_utf8(void **state)
{
    (void)state;
    assert_true(ent_utf8_valid("plain ascii text, long enough", 29));
    assert_true(ent_utf8_valid("M\xc3\xa9xico", 7));
    assert_true(ent_utf8_valid("\xe4\xb8\xad\xe5\x9b\xbd \xf0\x9f\x8c\x8d", 11));
    assert_false(ent_utf8_valid("M\xe9xico", 6));           /* Latin-1 */
    assert_false(ent_utf8_valid("19\0" "14", 5));           /* NUL */
    assert_false(ent_utf8_valid("0123456789\0abc", 14));    /* NUL past the fast path */
    assert_false(ent_utf8_valid("\xc0\xaf", 2));            /* overlong */
    assert_false(ent_utf8_valid("\xed\xa0\x80", 3));        /* surrogate */
    assert_false(ent_utf8_valid("\xf4\x90\x80\x80", 4));    /* past U+10FFFF */
    assert_false(ent_utf8_valid("ab\xe4\xb8", 4));          /* cut short */
    assert_true(ent_utf8_valid("", 0));
}

static char *slurp(const char *path)
{
    static char buf[256];
    FILE *f = fopen(path, "r");
    size_t n;
    if (!f)
        return NULL;
    n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

static void test_atomic(void **state)
{
    (void)state;
    char dir[] = "/tmp/ent_atomic_XXXXXX", path[128], link[128];
    ent_ctx *ctx = ent_ctx_new();
    ent_afile *f;
    struct stat sb;
    mode_t um = umask(022);
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/out.csv", dir);
    snprintf(link, sizeof link, "%s/link.csv", dir);
    /* a new file: written, renamed, 0644 under umask 022 */
    assert_int_equal(ent_afile_open(ctx, path, &f), ENT_OK);
    fputs("one\n", ent_afile_fp(f));
    assert_int_equal(ent_afile_close(f, 1), ENT_OK);
    assert_string_equal(slurp(path), "one\n");
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0644);
    /* discarded: the old content stays */
    assert_int_equal(ent_afile_open(ctx, path, &f), ENT_OK);
    fputs("two\n", ent_afile_fp(f));
    assert_int_equal(ent_afile_close(f, 0), ENT_OK);
    assert_string_equal(slurp(path), "one\n");
    /* through a symlink: the target is replaced, the link stays */
    assert_int_equal(symlink("out.csv", link), 0);
    assert_int_equal(ent_afile_open(ctx, link, &f), ENT_OK);
    fputs("three\n", ent_afile_fp(f));
    assert_int_equal(ent_afile_close(f, 1), ENT_OK);
    assert_int_equal(lstat(link, &sb), 0);
    assert_true(S_ISLNK(sb.st_mode));
    assert_string_equal(slurp(path), "three\n");
    /* a directory is refused, naming it */
    assert_int_equal(ent_afile_open(ctx, dir, &f), ENT_EIO);
    assert_non_null(strstr(ent_errmsg(ctx), "Is a directory"));
    /* a device is written through and stays a device (/dev/zero: shared, so
     * only when it is one now) */
    if (stat("/dev/zero", &sb) == 0 && S_ISCHR(sb.st_mode)) {
        assert_int_equal(ent_afile_open(ctx, "/dev/zero", &f), ENT_OK);
        fputs("x\n", ent_afile_fp(f));
        assert_int_equal(ent_afile_close(f, 1), ENT_OK);
        assert_int_equal(stat("/dev/zero", &sb), 0);
        assert_true(S_ISCHR(sb.st_mode));
    }
    /* a full device is an error that says so */
    if (stat("/dev/full", &sb) == 0 && S_ISCHR(sb.st_mode)) {
        assert_int_equal(ent_afile_open(ctx, "/dev/full", &f), ENT_OK);
        fputs("x\n", ent_afile_fp(f));
        assert_int_equal(ent_afile_close(f, 1), ENT_EIO);
        assert_non_null(strstr(ent_errmsg(ctx), "No space left on device"));
    }
    unlink(link);
    unlink(path);
    rmdir(dir);
    umask(um);
    ent_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fmt_num),
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_atomic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
