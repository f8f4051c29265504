/*
 * test_bytesrc.c -- the byte source (src/core/bytesrc.h): plain, gzip and
 * zip files give the same bytes; a truncated gzip stream gives its bytes
 * then the error; a zip counts its members and is plain bytes unless
 * allowed; mapping; the open errors name the path.
 */
#include "testutil.h"
#include "core/bytesrc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

static char dir[64];
static char data[300000];

static void path_of(char *buf, const char *name) { snprintf(buf, 128, "%s/%s", dir, name); }

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/test_bytesrc_XXXXXX");
    assert_non_null(mkdtemp(dir));
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (char)('a' + (i * 7 + i / 1000) % 26);
    char p[128];
    path_of(p, "plain.txt");
    FILE *fp = fopen(p, "wb");
    fwrite(data, 1, sizeof data, fp);
    fclose(fp);
    path_of(p, "data.gz");
    gzFile g = gzopen(p, "wb");
    gzwrite(g, data, sizeof data);
    gzclose(g);
    /* the same stream cut in half */
    struct stat sb;
    stat(p, &sb);
    char *buf = malloc((size_t)sb.st_size);
    fp = fopen(p, "rb");
    assert_int_equal(fread(buf, 1, (size_t)sb.st_size, fp), (size_t)sb.st_size);
    fclose(fp);
    path_of(p, "cut.gz");
    fp = fopen(p, "wb");
    fwrite(buf, 1, (size_t)sb.st_size / 2, fp);
    fclose(fp);
    free(buf);
    for (int members = 1; members <= 2; members++) {
        path_of(p, members == 1 ? "one.zip" : "two.zip");
        int err = 0;
        zip_t *z = zip_open(p, ZIP_CREATE | ZIP_TRUNCATE, &err);
        assert_non_null(z);
        for (int m = 0; m < members; m++) {
            zip_source_t *src = zip_source_buffer(z, data, sizeof data, 0);
            assert_true(zip_file_add(z, m ? "b.txt" : "a.txt", src, 0) >= 0);
        }
        assert_int_equal(zip_close(z), 0);
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    const char *names[] = { "plain.txt", "data.gz", "cut.gz", "one.zip", "two.zip" };
    char p[128];
    for (int i = 0; i < 5; i++) {
        path_of(p, names[i]);
        unlink(p);
    }
    rmdir(dir);
    return 0;
}

/* read_all reads the source to its end in chunks of 1000 bytes */
static ent_status read_all(ent_bytesrc *s, char *out, size_t cap, size_t *n)
{
    *n = 0;
    for (;;) {
        size_t got = 0;
        ent_status st = ent_bytesrc_read(s, out + *n, cap - *n < 1000 ? cap - *n : 1000, &got);
        *n += got;
        if (st != ENT_OK)
            return st;
        if (got == 0)
            return ENT_OK;
    }
}

static void test_kinds_same_bytes(void **state)
{
    (void)state;
    ent_ctx *ctx = ent_ctx_new();
    static char out[400000];
    const char *names[] = { "plain.txt", "data.gz", "one.zip" };
    const ent_bs_kind kinds[] = { ENT_BS_PLAIN, ENT_BS_GZ, ENT_BS_ZIP };
    for (int i = 0; i < 3; i++) {
        char p[128];
        ent_bytesrc *s = NULL;
        size_t n;
        path_of(p, names[i]);
        assert_int_equal(ent_bytesrc_open(ctx, p, ENT_BS_ALLOW_ZIP | ENT_BS_REGULAR, &s, NULL, 0),
                         ENT_OK);
        assert_int_equal(ent_bytesrc_kind(s), kinds[i]);
        assert_int_equal(ent_bytesrc_members(s), 1);
        assert_int_equal(read_all(s, out, sizeof out, &n), ENT_OK);
        assert_int_equal(n, sizeof data);
        assert_memory_equal(out, data, sizeof data);
        ent_bytesrc_close(s);
    }
    ent_ctx_free(ctx);
}

static void test_truncated_gzip(void **state)
{
    (void)state;
    ent_ctx *ctx = ent_ctx_new();
    static char out[400000];
    char p[128];
    ent_bytesrc *s = NULL;
    size_t n;
    path_of(p, "cut.gz");
    assert_int_equal(ent_bytesrc_open(ctx, p, 0, &s, NULL, 0), ENT_OK);
    assert_int_equal(read_all(s, out, sizeof out, &n), ENT_EPARSE);
    assert_true(n > 0 && n < sizeof data);
    assert_string_equal(ent_bytesrc_error(s), "unexpected end of file");
    /* the error stays set while zlib hands out what it had decoded, then
     * the stream gives no more bytes */
    for (;;) {
        size_t got = 0;
        assert_int_equal(ent_bytesrc_read(s, out + n, 1000, &got), ENT_EPARSE);
        if (!got)
            break;
        n += got;
    }
    assert_true(n < sizeof data);
    assert_memory_equal(out, data, n); /* the bytes before the damage */
    ent_bytesrc_close(s);
    ent_ctx_free(ctx);
}

static void test_zip_members_and_plain(void **state)
{
    (void)state;
    ent_ctx *ctx = ent_ctx_new();
    char p[128], buf[4];
    ent_bytesrc *s = NULL;
    size_t got;
    path_of(p, "two.zip");
    assert_int_equal(ent_bytesrc_open(ctx, p, ENT_BS_ALLOW_ZIP, &s, NULL, 0), ENT_OK);
    assert_int_equal(ent_bytesrc_members(s), 2);
    ent_bytesrc_close(s);
    /* without ENT_BS_ALLOW_ZIP a zip is the bytes on disk */
    assert_int_equal(ent_bytesrc_open(ctx, p, 0, &s, NULL, 0), ENT_OK);
    assert_int_equal(ent_bytesrc_kind(s), ENT_BS_PLAIN);
    assert_int_equal(ent_bytesrc_read(s, buf, 4, &got), ENT_OK);
    assert_int_equal(got, 4);
    assert_memory_equal(buf, "PK\3\4", 4);
    ent_bytesrc_close(s);
    ent_ctx_free(ctx);
}

static void test_map_and_errors(void **state)
{
    (void)state;
    ent_ctx *ctx = ent_ctx_new();
    char p[128], why[256];
    ent_bytesrc *s = NULL;
    const char *m = NULL;
    path_of(p, "plain.txt");
    assert_int_equal(ent_bytesrc_open(ctx, p, 0, &s, why, sizeof why), ENT_OK);
    assert_int_equal(ent_bytesrc_size(s), sizeof data);
    assert_int_equal(ent_bytesrc_map(s, &m, why, sizeof why), ENT_OK);
    assert_memory_equal(m, data, sizeof data);
    ent_bytesrc_drop(s, 0, sizeof data);
    assert_memory_equal(m, data, sizeof data); /* dropped pages are read again */
    ent_bytesrc_close(s);
    path_of(p, "data.gz");
    assert_int_equal(ent_bytesrc_open(ctx, p, 0, &s, why, sizeof why), ENT_OK);
    assert_int_equal(ent_bytesrc_map(s, &m, why, sizeof why), ENT_EINVAL);
    ent_bytesrc_close(s);
    path_of(p, "missing.txt");
    assert_int_equal(ent_bytesrc_open(ctx, p, 0, &s, why, sizeof why), ENT_EIO);
    assert_null(s);
    assert_non_null(strstr(why, "missing.txt: cannot open: No such file"));
    assert_int_equal(ent_bytesrc_open(ctx, dir, ENT_BS_REGULAR, &s, why, sizeof why), ENT_EIO);
    assert_non_null(strstr(why, ": not a regular file"));
    ent_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds_same_bytes),
        cmocka_unit_test(test_truncated_gzip),
        cmocka_unit_test(test_zip_members_and_plain),
        cmocka_unit_test(test_map_and_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
