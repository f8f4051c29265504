/*
 * test_reader.c -- the delimited-file reader: RFC 4180 quoting, TSV, CRLF,
 * gzip, line numbers, error messages, cell parsing, allocation failures.
 */
#include "testutil.h"
#include "core/reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static ent_reader *mem(const char *label, const char *text, const ent_reader_opts *o)
{
    ent_reader *r = NULL;
    ent_status st = ent_reader_open_mem(ctx, label, text, strlen(text), o, &r);
    if (st != ENT_OK)
        fail_msg("open: %s", ent_errmsg(ctx));
    return r;
}

static void test_plain_csv(void **s)
{
    (void)s;
    ent_reader *r = mem("a.csv", "x,y,z\n1,2,3\n4,,6\n", NULL);
    ent_cell *c;
    size_t n;
    assert_int_equal(ent_reader_ncols(r), 3);
    assert_int_equal(ent_reader_col(r, "y"), 1);
    assert_int_equal(ent_reader_col(r, "Z"), 2);
    assert_int_equal(ent_reader_col(r, "w"), -1);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_int_equal(n, 3);
    assert_string_equal(c[0].p, "1");
    assert_string_equal(c[2].p, "3");
    assert_int_equal(ent_reader_line(r), 2);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_int_equal(c[1].n, 0);
    assert_string_equal(c[1].p, "");
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_DONE);
    assert_int_equal(ent_reader_rows(r), 2);
    ent_reader_close(r);
}

static void test_quotes(void **s)
{
    (void)s;
    ent_reader *r = mem("q.csv",
                        "\"a\",\"b\"\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n"
                        "\"multi\nline\",plain\r\nlast,\"\"\n",
                        NULL);
    ent_cell *c;
    size_t n;
    assert_string_equal(ent_reader_colname(r, 1), "b");
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_string_equal(c[0].p, "x, y");
    assert_string_equal(c[1].p, "say \"hi\"");
    assert_int_equal(c[1].n, 8);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_string_equal(c[0].p, "multi\nline");
    assert_string_equal(c[1].p, "plain");
    assert_int_equal(ent_reader_line(r), 3);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_int_equal(ent_reader_line(r), 5); /* the embedded newline counted */
    assert_string_equal(c[0].p, "last");
    assert_string_equal(c[1].p, "");
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_DONE);
    ent_reader_close(r);
}

static void test_tsv_no_quotes_crlf_no_final_newline(void **s)
{
    (void)s;
    ent_reader_opts o = {.delim = '\t', .no_quotes = 1};
    ent_reader *r = mem("g.tsv", "a\tb\r\n5'6\"\tx\r\n\r\n7\t8", &o);
    ent_cell *c;
    size_t n;
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_string_equal(c[0].p, "5'6\"");
    assert_string_equal(c[1].p, "x");
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK); /* the blank line is skipped */
    assert_string_equal(c[0].p, "7");
    assert_string_equal(c[1].p, "8");
    assert_int_equal(ent_reader_line(r), 4);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_DONE);
    ent_reader_close(r);
}

static void test_delim_by_name(void **s)
{
    (void)s;
    ent_reader *r = mem("x.tab", "a\tb\n1\t2\n", NULL);
    assert_int_equal(ent_reader_ncols(r), 2);
    ent_reader_close(r);
}

static void test_bom_and_no_header(void **s)
{
    (void)s;
    ent_reader_opts o = {.no_header = 1};
    ent_reader *r = mem("b.csv", "\xEF\xBB\xBF" "1,2\n3,4\n", &o);
    ent_cell *c;
    size_t n;
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_string_equal(c[0].p, "1");
    assert_int_equal(ent_reader_line(r), 1);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_string_equal(c[1].p, "4");
    ent_reader_close(r);
}

static void expect_error(const char *text, const char *want)
{
    ent_reader *r = NULL;
    ent_cell *c;
    size_t n;
    ent_status st = ent_reader_open_mem(ctx, "bad.csv", text, strlen(text), NULL, &r);
    while (st == ENT_OK && (st = ent_reader_next(r, &c, &n)) == ENT_OK)
        ;
    ent_reader_close(r);
    assert_int_equal(st, ENT_EPARSE);
    assert_string_equal(ent_errmsg(ctx), want);
}

static void test_errors(void **s)
{
    (void)s;
    expect_error("", "bad.csv:1: empty file");
    expect_error("a,b\n1,2\n3\n", "bad.csv:3: expected 2 fields, found 1");
    expect_error("a,b\n1,2,3\n", "bad.csv:2: expected 2 fields, found 3");
    expect_error("a,b\n1,\"open\n2,3\n", "bad.csv:2: column 2: unclosed quote");
    expect_error("a,b\n\"x\"y,2\n", "bad.csv:2: column 1: unexpected 'y' after closing quote");
}

static void test_missing_column_and_fail(void **s)
{
    (void)s;
    static const char *const names[] = {"rcid", "vote"};
    int idx[2];
    ent_cell *c;
    size_t n;
    ent_reader *r = mem("un_votes.csv", "rcid,country,vote\n1,US,yess\n", NULL);
    assert_int_equal(ent_reader_cols(r, names, idx, 2), ENT_OK);
    assert_int_equal(idx[1], 2);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_int_equal(ent_reader_fail(r, ENT_EPARSE, idx[1], "'%s' is not one of yes, no, abstain",
                                     c[idx[1]].p),
                     ENT_EPARSE);
    assert_string_equal(ent_errmsg(ctx),
                        "un_votes.csv:2: column 3 (vote): 'yess' is not one of yes, no, abstain");
    ent_reader_close(r);
    r = mem("un_votes.csv", "rcid,country\n1,US\n", NULL);
    assert_int_equal(ent_reader_cols(r, names, idx, 2), ENT_EPARSE);
    assert_string_equal(ent_errmsg(ctx), "un_votes.csv:1: missing column 'vote'");
    ent_reader_close(r);
}

/* rows longer than the first buffer, and rows straddling refills */
static void test_big_rows(void **s)
{
    (void)s;
    size_t big = (3u << 20) + 17;
    char *text = malloc(big + 64);
    ent_reader *r;
    ent_cell *c;
    size_t n, k = 0;
    k += (size_t)sprintf(text, "a,b\n\"");
    memset(text + k, 'x', big);
    k += big;
    k += (size_t)sprintf(text + k, "\",2\nz,3\n");
    r = mem("big.csv", text, NULL);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_int_equal(c[0].n, big);
    assert_string_equal(c[1].p, "2");
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_string_equal(c[0].p, "z");
    ent_reader_close(r);
    free(text);
}

/* the caps: a row past max_row (a file read in refills, the buffer grown up
 * to max_row; and memory) and a row of more than 2^20 fields are errors
 * naming the file and line */
static void test_caps(void **s)
{
    (void)s;
    char path[] = "/tmp/ent_test_XXXXXX.csv";
    int fd = mkstemps(path, 4);
    size_t big = (size_t)3 << 19, nf = ((size_t)1 << 20) + 1;
    char *text = malloc(2 * nf + 64);
    ent_reader_opts o = {.max_row = 8192};
    ent_reader *r = NULL;
    ent_cell *c;
    size_t n, k = (size_t)sprintf(text, "a,b\n1,2\n");
    memset(text + k, 'x', big);
    k += big;
    k += (size_t)sprintf(text + k, ",3\n");
    assert_int_equal(write(fd, text, k), (ssize_t)k);
    close(fd);
    assert_int_equal(ent_reader_open(ctx, path, &o, &r), ENT_OK);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_EPARSE);
    assert_non_null(strstr(ent_errmsg(ctx), ":3: row longer than 8192 bytes"));
    ent_reader_close(r);
    o.max_row = ((size_t)1 << 20) + 1000; /* the buffer grows to max_row, not past */
    r = NULL;
    assert_int_equal(ent_reader_open(ctx, path, &o, &r), ENT_OK);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_EPARSE);
    assert_non_null(strstr(ent_errmsg(ctx), ":3: row longer than 1049576 bytes"));
    ent_reader_close(r);
    r = NULL; /* the default cap: the buffer grows and holds the row */
    assert_int_equal(ent_reader_open(ctx, path, NULL, &r), ENT_OK);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_int_equal(c[0].n, big);
    assert_string_equal(c[1].p, "3");
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_DONE);
    ent_reader_close(r);
    unlink(path);
    o.max_row = 8192;
    r = NULL;
    assert_int_equal(ent_reader_open_mem(ctx, "wide.csv", text, k, &o, &r), ENT_OK);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_EPARSE);
    assert_string_equal(ent_errmsg(ctx), "wide.csv:3: row longer than 8192 bytes");
    ent_reader_close(r);
    for (k = 0; k < nf; k++) { /* a header of 2^20 + 1 fields */
        text[2 * k] = 'a';
        text[2 * k + 1] = ',';
    }
    text[2 * nf - 1] = '\n';
    r = NULL;
    assert_int_equal(ent_reader_open_mem(ctx, "wide.csv", text, 2 * nf, NULL, &r), ENT_EPARSE);
    assert_string_equal(ent_errmsg(ctx), "wide.csv:1: more than 1048576 fields");
    text[2 * nf - 3] = '\n'; /* 2^20 fields are read */
    assert_int_equal(ent_reader_open_mem(ctx, "wide.csv", text, 2 * nf - 2, NULL, &r), ENT_OK);
    assert_int_equal(ent_reader_ncols(r), (size_t)1 << 20);
    ent_reader_close(r);
    free(text);
}

static void write_gz(const char *path, const char *text, size_t cut)
{
    gzFile g = gzopen(path, "wb");
    gzwrite(g, text, (unsigned)strlen(text));
    gzclose(g);
    if (cut) {
        FILE *f = fopen(path, "rb+");
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fclose(f);
        assert_int_equal(truncate(path, len - (long)cut), 0);
    }
}

static void test_gzip(void **s)
{
    (void)s;
    char path[] = "/tmp/ent_test_XXXXXX.csv.gz";
    int fd = mkstemps(path, 7);
    char *text = malloc(200000 * 12 + 16);
    size_t k = (size_t)sprintf(text, "i,sq\n");
    ent_reader *r = NULL;
    ent_cell *c;
    size_t n;
    ent_status st;
    long sum = 0;
    close(fd);
    for (int i = 0; i < 200000; i++)
        k += (size_t)sprintf(text + k, "%d,%d\n", i, i % 7);
    write_gz(path, text, 0);
    assert_int_equal(ent_reader_open(ctx, path, NULL, &r), ENT_OK);
    while ((st = ent_reader_next(r, &c, &n)) == ENT_OK)
        sum += atoi(c[1].p);
    assert_int_equal(st, ENT_DONE);
    assert_int_equal(ent_reader_rows(r), 200000);
    assert_true(sum > 0);
    ent_reader_close(r);
    /* a truncated gzip is an error naming the file, never a short read */
    write_gz(path, text, 40);
    assert_int_equal(ent_reader_open(ctx, path, NULL, &r), ENT_OK);
    while ((st = ent_reader_next(r, &c, &n)) == ENT_OK)
        ;
    assert_int_equal(st, ENT_EPARSE);
    assert_non_null(strstr(ent_errmsg(ctx), "truncated or corrupt gzip"));
    assert_non_null(strstr(ent_errmsg(ctx), ".csv.gz:"));
    ent_reader_close(r);
    unlink(path);
    free(text);
}

static void test_cells(void **s)
{
    (void)s;
    int64_t i;
    int v, y, m, d;
    double f;
    assert_int_equal(ent_cell_i64((ent_cell){"42", 2}, &i), 1);
    assert_int_equal(i, 42);
    assert_int_equal(ent_cell_i64((ent_cell){"12.0", 4}, &i), 1);
    assert_int_equal(ent_cell_i64((ent_cell){"12.5", 4}, &i), -1);
    assert_int_equal(ent_cell_int((ent_cell){"NA", 2}, &v), 0);
    assert_int_equal(ent_cell_int((ent_cell){"", 0}, &v), 0);
    assert_int_equal(ent_cell_int((ent_cell){"x1", 2}, &v), -1);
    assert_int_equal(ent_cell_f64((ent_cell){"-1.5e2", 6}, &f), 1);
    assert_near(f, -150.0, 1e-12);
    assert_int_equal(ent_cell_f64((ent_cell){"1.5x", 4}, &f), -1);
    assert_int_equal(ent_cell_date((ent_cell){"2014-05-20", 10}, &y, &m, &d), 1);
    assert_int_equal(y * 10000 + m * 100 + d, 20140520);
    assert_int_equal(ent_cell_date((ent_cell){"20140520", 8}, &y, &m, &d), 1);
    assert_int_equal(ent_cell_date((ent_cell){"2014-02-30", 10}, &y, &m, &d), -1);
    assert_int_equal(ent_cell_date((ent_cell){"2015-02-29", 10}, &y, &m, &d), -1);
    assert_int_equal(ent_cell_date((ent_cell){"2016-02-29", 10}, &y, &m, &d), 1);
    assert_int_equal(ent_cell_date((ent_cell){"May 2014", 8}, &y, &m, &d), -1);
}

/* Allocation failure injection: fail the Nth allocation; the reader must
 * report ENT_ENOMEM (or succeed) and never crash or leak. */
static int fail_at, alloc_count;
static void *failing_alloc(void *ud, void *p, size_t n)
{
    (void)ud;
    if (n == 0) {
        free(p);
        return NULL;
    }
    if (++alloc_count == fail_at)
        return NULL;
    return realloc(p, n);
}

/* The fast paths for plain integers and decimals give exactly what strtoll
 * and strtod give, bit for bit, on random plain numbers of every length and
 * on the edge forms that must go to the library (and still parse). */
static void test_cell_numbers_exact(void **s)
{
    static const char *const edge[] = {
        "0", "-0", "0.0", "-0.0", ".5", "5.", "-.5", "007", "123456789012345",
        "1234567890123456", "0.1", "0.30000000000000004", "9007199254740993", "1e5", "+7",
        " 12", "12 ", "999999999999999999", "-999999999999999999", "9999999999999999999",
        "2.2250738585072014e-308", "1.7976931348623157e308", "0.000000000000001"};
    char buf[64];
    (void)s;
    srand(12345);
    for (int k = 0; k < 200000 + (int)(sizeof edge / sizeof edge[0]); k++) {
        double f, want;
        int64_t i;
        size_t n = 0;
        if (k < (int)(sizeof edge / sizeof edge[0])) {
            n = (size_t)snprintf(buf, sizeof buf, "%s", edge[k]);
        } else { /* [-]digits[.digits], 1..20 digits */
            int nd = 1 + rand() % 20, dot = rand() % (nd + 2);
            if (rand() % 4 == 0)
                buf[n++] = '-';
            for (int d = 0; d < nd; d++) {
                if (d == dot)
                    buf[n++] = '.';
                buf[n++] = (char)('0' + rand() % 10);
            }
            buf[n] = '\0';
        }
        want = strtod(buf, NULL);
        assert_int_equal(ent_cell_f64((ent_cell){buf, n}, &f), 1);
        assert_memory_equal(&f, &want, sizeof f); /* the same bits, -0 included */
        if (!strchr(buf, '.') && !strchr(buf, 'e') && strlen(buf) < 19) {
            assert_int_equal(ent_cell_i64((ent_cell){buf, n}, &i), 1);
            assert_true(i == strtoll(buf, NULL, 10));
        }
    }
}

static void test_alloc_failures(void **s)
{
    (void)s;
    const char *text = "a,b\n\"1\",2\n3,4\n";
    for (fail_at = 1; fail_at < 20; fail_at++) {
        ent_ctx *c2 = ent_ctx_new();
        ent_reader *r = NULL;
        ent_cell *c;
        size_t n;
        ent_status st;
        alloc_count = 0;
        ent_ctx_set_alloc(c2, failing_alloc, NULL);
        st = ent_reader_open_mem(c2, "f.csv", text, strlen(text), NULL, &r);
        while (st == ENT_OK && (st = ent_reader_next(r, &c, &n)) == ENT_OK)
            ;
        assert_true(st == ENT_DONE || st == ENT_ENOMEM);
        ent_reader_close(r);
        ent_ctx_free(c2);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_csv),
        cmocka_unit_test(test_quotes),
        cmocka_unit_test(test_tsv_no_quotes_crlf_no_final_newline),
        cmocka_unit_test(test_delim_by_name),
        cmocka_unit_test(test_bom_and_no_header),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_missing_column_and_fail),
        cmocka_unit_test(test_big_rows),
        cmocka_unit_test(test_caps),
        cmocka_unit_test(test_gzip),
        cmocka_unit_test(test_cells),
        cmocka_unit_test(test_cell_numbers_exact),
        cmocka_unit_test(test_alloc_failures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
