/*
 * test_rd.c -- the reader backends (src/core/rd_*.c) on small files written
 * here with librdata's own writer: every R column type (string, integer,
 * double, logical, factor, date; NA in each), the three compressions R uses,
 * the rendering in R's write.csv style (15 significant digits, scientific
 * when shorter), the core reader opening an .rda by name, and clear errors
 * for damaged input; a Stata .dta written with libreadstat, rendered as
 * pandas writes it.  Also the fetch manifest parser's error messages.
 */
#include "testutil.h"
#include "core/rd.h"
#include "core/reader.h"
#include "fetch/fetch.h"

#include <bzlib.h>
#include <lzma.h>
#include <math.h>
#include <rdata/rdata.h>
#include <readstat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

static ent_ctx *ctx;

static int setup(void **s)
{
    (void)s;
    ctx = ent_ctx_new();
    return ctx ? 0 : -1;
}

static int teardown(void **s)
{
    (void)s;
    ent_ctx_free(ctx);
    return 0;
}

typedef struct wbuf {
    unsigned char *p;
    size_t n;
} wbuf;

static ssize_t wr(const void *data, size_t len, void *u)
{
    wbuf *b = u;
    b->p = realloc(b->p, b->n + len);
    memcpy(b->p + b->n, data, len);
    b->n += len;
    return (ssize_t)len;
}

/* a data frame of 4 rows with one column of each type, NA in row 3 */
static wbuf write_frame(rdata_file_format_t fmt)
{
    wbuf b = {0};
    rdata_writer_t *w = rdata_writer_init(wr, fmt);
    rdata_column_t *cs = rdata_add_column(w, "name", RDATA_TYPE_STRING);
    rdata_column_t *ci = rdata_add_column(w, "ccode", RDATA_TYPE_INT32);
    rdata_column_t *cr = rdata_add_column(w, "value", RDATA_TYPE_REAL);
    rdata_column_t *cl = rdata_add_column(w, "member", RDATA_TYPE_LOGICAL);
    rdata_column_t *cf = rdata_add_column(w, "vote", RDATA_TYPE_INT32);
    rdata_column_t *cd = rdata_add_column(w, "start", RDATA_TYPE_DATE);
    rdata_column_add_factor(cf, "yes");
    rdata_column_add_factor(cf, "no");
    rdata_begin_file(w, &b);
    rdata_begin_table(w, "df");
    static const char *const names[] = {"United States", "Say \"hi\", ok", NULL, ""};
    rdata_begin_column(w, cs, 4);
    for (int i = 0; i < 4; i++)
        rdata_append_string_value(w, names[i]);
    rdata_end_column(w, cs);
    static const int32_t cc[] = {2, 365, INT32_MIN, -9};
    rdata_begin_column(w, ci, 4);
    for (int i = 0; i < 4; i++)
        rdata_append_int32_value(w, cc[i]);
    rdata_end_column(w, ci);
    const double v[] = {0.039697491, 8.7e7, NAN, 932.508131769762};
    rdata_begin_column(w, cr, 4);
    for (int i = 0; i < 4; i++)
        rdata_append_real_value(w, v[i]);
    rdata_end_column(w, cr);
    static const int lg[] = {1, 0, INT32_MIN, 1};
    rdata_begin_column(w, cl, 4);
    for (int i = 0; i < 4; i++)
        rdata_append_logical_value(w, lg[i]);
    rdata_end_column(w, cl);
    static const int32_t fv[] = {1, 2, INT32_MIN, 1};
    rdata_begin_column(w, cf, 4);
    for (int i = 0; i < 4; i++)
        rdata_append_int32_value(w, fv[i]);
    rdata_end_column(w, cf);
    rdata_begin_column(w, cd, 4);
    for (int i = 0; i < 4; i++) {
        struct tm tm = {.tm_year = 2014 - 1900 + i, .tm_mon = 2, .tm_mday = 4};
        rdata_append_date_value(w, &tm);
    }
    rdata_end_column(w, cd);
    rdata_end_table(w, 4, "test frame");
    rdata_end_file(w);
    rdata_writer_free(w);
    return b;
}

static const char WANT[] =
    "\"name\",\"ccode\",\"value\",\"member\",\"vote\",\"start\"\n"
    "\"United States\",2,0.039697491,TRUE,\"yes\",\"2014-03-04\"\n"
    "\"Say \"\"hi\"\", ok\",365,8.7e+07,FALSE,\"no\",\"2015-03-04\"\n"
    ",,,,,\"2016-03-04\"\n"
    "\"\",-9,932.508131769762,TRUE,\"yes\",\"2017-03-04\"\n";

static void render_ok(const unsigned char *p, size_t n, const char *want)
{
    char *out = NULL;
    size_t len = 0;
    ent_status st = ent_rd_rdata_mem(ctx, "t.rda", p, n, ',', &out, &len);
    if (st != ENT_OK)
        fail_msg("render: %s", ent_errmsg(ctx));
    assert_int_equal(len, strlen(want));
    assert_string_equal(out, want);
    ent_free(ctx, out);
}

static void test_rdata_types(void **s)
{
    (void)s;
    wbuf b = write_frame(RDATA_WORKSPACE);
    render_ok(b.p, b.n, WANT);
    free(b.p);
}

static void test_rds_single_object(void **s)
{
    (void)s;
    wbuf b = write_frame(RDATA_SINGLE_OBJECT);
    render_ok(b.p, b.n, WANT);
    free(b.p);
}

static void test_compressions(void **s)
{
    (void)s;
    wbuf b = write_frame(RDATA_WORKSPACE);
    size_t cap = b.n * 2 + 1024;
    unsigned char *z = malloc(cap);
    /* gzip */
    z_stream zs = {0};
    assert_int_equal(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    zs.next_in = b.p, zs.avail_in = (uInt)b.n, zs.next_out = z, zs.avail_out = (uInt)cap;
    assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
    size_t zn = zs.total_out;
    deflateEnd(&zs);
    render_ok(z, zn, WANT);
    /* a gzip cut short is an error naming the file */
    char *out = NULL;
    size_t len;
    assert_int_equal(ent_rd_rdata_mem(ctx, "t.rda", z, zn / 2, ',', &out, &len), ENT_EPARSE);
    assert_non_null(strstr(ent_errmsg(ctx), "t.rda: corrupt or truncated gzip"));
    /* bzip2 */
    unsigned int bn = (unsigned)cap;
    assert_int_equal(BZ2_bzBuffToBuffCompress((char *)z, &bn, (char *)b.p, (unsigned)b.n, 9, 0, 0),
                     BZ_OK);
    render_ok(z, bn, WANT);
    /* xz */
    size_t xn = 0;
    assert_int_equal(lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, NULL, b.p, b.n, z, &xn, cap),
                     LZMA_OK);
    render_ok(z, xn, WANT);
    assert_int_equal(ent_rd_rdata_mem(ctx, "t.rda", z, xn - 8, ',', &out, &len), ENT_EPARSE);
    assert_non_null(strstr(ent_errmsg(ctx), "t.rda: corrupt or truncated xz"));
    free(z);
    free(b.p);
}

static void test_garbage(void **s)
{
    (void)s;
    char *out = NULL;
    size_t len;
    static const unsigned char junk[] = "RDX2\nX\n\0\0\0\2garbage that is not R";
    assert_int_equal(ent_rd_rdata_mem(ctx, "bad.rda", junk, sizeof junk, ',', &out, &len),
                     ENT_EPARSE);
    assert_non_null(strstr(ent_errmsg(ctx), "bad.rda: not a readable R data file"));
    assert_null(out);
    assert_int_equal(ent_rd_rdata_mem(ctx, "empty.rda", junk, 0, ',', &out, &len), ENT_EPARSE);
}

/* the core reader opens an .rda by name; loaders ask for columns by name */
static void test_reader_dispatch(void **s)
{
    (void)s;
    char path[] = "/tmp/ent_test_rdXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    char rda[64];
    snprintf(rda, sizeof rda, "%s.rda", path);
    wbuf b = write_frame(RDATA_WORKSPACE);
    FILE *fp = fopen(rda, "wb");
    fwrite(b.p, 1, b.n, fp);
    fclose(fp);
    free(b.p);
    assert_int_equal(ent_rd_kind_of(rda), ENT_RD_RDATA);
    assert_int_equal(ent_rd_kind_of("x/y.csv"), ENT_RD_NONE);
    ent_reader *r = NULL;
    ent_reader_opts o = {.label = "frame.csv"};
    assert_int_equal(ent_reader_open(ctx, rda, &o, &r), ENT_OK);
    static const char *const cols[] = {"vote", "ccode"};
    int idx[2];
    assert_int_equal(ent_reader_cols(r, cols, idx, 2), ENT_OK);
    ent_cell *c;
    size_t n;
    int v;
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_string_equal(c[idx[0]].p, "yes");
    assert_int_equal(ent_cell_int(c[idx[1]], &v), 1);
    assert_int_equal(v, 2);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_string_equal(c[0].p, "Say \"hi\", ok");
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_int_equal(ent_cell_int(c[idx[1]], &v), 0); /* NA is missing, never 0 */
    ent_reader_close(r);
    unlink(rda);
    unlink(path);
}

static ssize_t wr_fd(const void *data, size_t len, void *u)
{
    return fwrite(data, 1, len, (FILE *)u) == len ? (ssize_t)len : -1;
}

static void test_dta(void **s)
{
    (void)s;
    char path[] = "/tmp/ent_test_dtaXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    char dta[64];
    snprintf(dta, sizeof dta, "%s.dta", path);
    FILE *fp = fopen(dta, "wb");
    readstat_writer_t *w = readstat_writer_init();
    readstat_set_data_writer(w, wr_fd);
    readstat_variable_t *vc = readstat_add_variable(w, "ccode", READSTAT_TYPE_INT16, 0);
    readstat_variable_t *vn = readstat_add_variable(w, "name", READSTAT_TYPE_STRING, 20);
    readstat_variable_t *vy = readstat_add_variable(w, "year", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_t *vs = readstat_add_variable(w, "share", READSTAT_TYPE_FLOAT, 0);
    readstat_variable_t *vv = readstat_add_variable(w, "nvotes", READSTAT_TYPE_INT16, 0);
    readstat_variable_t *vd = readstat_add_variable(w, "day", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_set_format(vd, "%td");
    assert_int_equal(readstat_begin_writing_dta(w, fp, 2), READSTAT_OK);
    readstat_begin_row(w);
    readstat_insert_int16_value(w, vc, 2);
    readstat_insert_string_value(w, vn, "United States");
    readstat_insert_double_value(w, vy, 1950);
    readstat_insert_float_value(w, vs, 0.1f);
    readstat_insert_int16_value(w, vv, 25);
    readstat_insert_double_value(w, vd, 19786);
    readstat_end_row(w);
    readstat_begin_row(w);
    readstat_insert_int16_value(w, vc, 365);
    readstat_insert_string_value(w, vn, "Russia, \"USSR\"");
    readstat_insert_double_value(w, vy, 2.5e-7);
    readstat_insert_float_value(w, vs, 1.663375f);
    readstat_insert_missing_value(w, vv);
    readstat_insert_missing_value(w, vd);
    readstat_end_row(w);
    assert_int_equal(readstat_end_writing(w), READSTAT_OK);
    readstat_writer_free(w);
    fclose(fp);
    char *out = NULL;
    size_t len;
    if (ent_rd_render(ctx, dta, ENT_RD_DTA, ',', &out, &len) != ENT_OK)
        fail_msg("render: %s", ent_errmsg(ctx));
    /* pandas: an int16 column with a gap becomes float ("25.0"); float32 at its precision */
    assert_string_equal(out, "ccode,name,year,share,nvotes,day\n"
                             "2,United States,1950.0,0.1,25.0,2014-03-04\n"
                             "365,\"Russia, \"\"USSR\"\"\",2.5e-07,1.663375,,\n");
    ent_free(ctx, out);
    /* a damaged file is an error naming it */
    fp = fopen(dta, "wb");
    fputs("not stata", fp);
    fclose(fp);
    assert_int_equal(ent_rd_render(ctx, dta, ENT_RD_DTA, ',', &out, &len), ENT_EPARSE);
    assert_non_null(strstr(ent_errmsg(ctx), ".dta: not a readable Stata file"));
    unlink(dta);
    unlink(path);
}

/* a caller's build-source lookup: "b" reads the folder "a" */
static const char *b_reads_a(const char *name)
{
    return !strcmp(name, "b") ? "a" : NULL;
}

static void test_manifest_errors(void **s)
{
    (void)s;
    static const char hdr[] = "path\tsource\tkind\turl\tmirror_path\tsize\tsha256\tformat\tfrom\t"
                              "licence\tcitation\trecipe\n";
#define SHA "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    static const char sha[] = SHA;
    char text[2048];
    ent_manifest *m = NULL;
    snprintf(text, sizeof text, "# c\n%sa/x.csv\ta\tverbatim\thttps://h/x.csv\to/r/c/x.csv\t12\t%s"
             "\tcsv\t-\tCC0\tcite\tnone\n", hdr, sha);
    assert_int_equal(ent_manifest_parse(ctx, "m.tsv", text, strlen(text), &m), ENT_OK);
    assert_int_equal(m->n, 1);
    assert_int_equal(m->e[0].size, 12);
    assert_non_null(ent_manifest_find(m, "a/x.csv"));
    unsigned char sel[1];
    assert_int_equal(ent_manifest_select(m, "b", NULL, sel), ENT_EINVAL);
    assert_non_null(strstr(ent_errmsg(ctx), "no data set 'b' in the manifest; known: a"));
    /* the caller's lookup maps a source name to its folder; others stay names */
    sel[0] = 0;
    assert_int_equal(ent_manifest_select(m, "b", b_reads_a, sel), ENT_OK);
    assert_int_equal(sel[0], 1);
    assert_int_equal(ent_manifest_select(m, "c", b_reads_a, sel), ENT_EINVAL);
    ent_manifest_free(m);
    static const struct { const char *row, *msg; } bad[] = {
        {"../x.csv\ta\tverbatim\tu\tp\t1\t" SHA "\tcsv\t-\tl\tc\tr", "m.tsv:2: column 1 (path)"},
        {"a/x.csv\tb\tverbatim\tu\tp\t1\t" SHA "\tcsv\t-\tl\tc\tr", "m.tsv:2: column 2 (source)"},
        {"a/x.csv\ta\tcopied\tu\tp\t1\t" SHA "\tcsv\t-\tl\tc\tr", "m.tsv:2: column 3 (kind)"},
        {"a/x.csv\ta\tverbatim\t-\t-\t1\t" SHA "\tcsv\t-\tl\tc\tr", "m.tsv:2: column 4/5"},
        {"a/x.csv\ta\tverbatim\tu\tp\t1x\t" SHA "\tcsv\t-\tl\tc\tr", "m.tsv:2: column 6 (size)"},
        {"a/x.csv\ta\tverbatim\tu\tp\t1\tABC\tcsv\t-\tl\tc\tr", "m.tsv:2: column 7 (sha256)"},
        {"a/x.csv\ta\tverbatim\tu\tp\t1", "m.tsv:2: 6 fields, expected 12"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(text, sizeof text, "%s%s\n", hdr, bad[i].row);
        assert_int_equal(ent_manifest_parse(ctx, "m.tsv", text, strlen(text), &m), ENT_EPARSE);
        if (!strstr(ent_errmsg(ctx), bad[i].msg))
            fail_msg("case %zu: '%s' lacks '%s'", i, ent_errmsg(ctx), bad[i].msg);
    }
    /* the built-in manifest parses, and lists every downloadable file once */
    assert_int_equal(ent_manifest_load(ctx, NULL, &m), ENT_OK);
    assert_true(m->n > 400);
    ent_manifest_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rdata_types),     cmocka_unit_test(test_rds_single_object),
        cmocka_unit_test(test_compressions),    cmocka_unit_test(test_garbage),
        cmocka_unit_test(test_reader_dispatch), cmocka_unit_test(test_dta),
        cmocka_unit_test(test_manifest_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
