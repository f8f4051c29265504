/*
 * test_events.c -- the event engine without the data folder: a hand-built
 * CAMEO table and a fake country mapper (ISO3 codes USA=2, RUS=365, CHN=710;
 * XYZ is a state only from 2010-07-01, to exercise per-day lookups).
 */
#include "testutil.h"
#include "events/events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int fake_iso3(void *ud, const char *c, int y, int m, int d)
{
    (void)ud;
    if (!strcmp(c, "USA")) return 2;
    if (!strcmp(c, "RUS")) return 365;
    if (!strcmp(c, "CHN")) return 710;
    if (!strcmp(c, "XYZ")) return y * 10000 + m * 100 + d >= 20100701 ? 999 : -1;
    return -1;
}
static int fake_name(void *ud, void *tls, const char *n, int y, int m, int d)
{
    (void)tls;
    if (!strcmp(n, "United States")) return fake_iso3(ud, "USA", y, m, d);
    if (!strcmp(n, "Russia")) return fake_iso3(ud, "RUS", y, m, d);
    return -1;
}
static const char *fake_abb(void *ud, int c)
{
    (void)ud;
    return c == 2 ? "USA" : c == 365 ? "RUS" : c == 710 ? "CHN" : "XYZ";
}
static const ent_ev_mapper fake = { fake_iso3, fake_name, NULL, NULL, fake_abb, NULL, NULL };

static ent_cameo *cameo_new(void)
{
    ent_cameo *c = calloc(1, sizeof *c);
    const char *codes[] = { "040", "042", "111", "190", "057" };
    const int quads[] = { 1, 1, 3, 4, 2 };
    for (int i = 0; i < 5; i++) {
        int k = ent_cameo_pack(codes[i], strlen(codes[i]));
        c->gdelt[k] = c->icews[k] = 1;
        c->quad[k] = (uint8_t)quads[i];
    }
    return c;
}

static void row(FILE *fp, const char *date, const char *a1, const char *a2, const char *code,
                const char *quad, const char *gs)
{
    for (int i = 0; i < 58; i++) {
        const char *v = i == 0 ? "1" : i == 1 ? date : i == 7 ? a1 : i == 17 ? a2 : i == 26 ? code
                       : i == 29 ? quad : i == 30 ? gs : i >= 31 && i <= 33 ? "2" : i == 57 ? "http://x" : "";
        fprintf(fp, "%s%s", i ? "\t" : "", v);
    }
    fputc('\n', fp);
}

static char *write_fixture(int nrows)
{
    char *path = strdup("/tmp/test_events_XXXXXX");
    int fd = mkstemp(path);
    FILE *fp = fdopen(fd, "w");
    for (int i = 0; i < nrows; i++) {
        row(fp, "20160101", "USA", "RUS", "040", "1", "1.9");
        row(fp, "20160315", "RUS", "USA", "111", "3", "-2.5");
        row(fp, "20100630", "XYZ", "USA", "042", "1", "1.0");  /* not yet a state */
        row(fp, "20100701", "XYZ", "USA", "042", "1", "1.0");  /* a state */
        row(fp, "20160315", "", "USA", "111", "3", "-2.5");
        row(fp, "20160315", "CHN", "RUS", "057", "2", "");     /* missing Goldstein */
    }
    fclose(fp);
    return path;
}

static ent_ev_result *run1(const char *path, ent_ev_opts *o, ent_status *st)
{
    ent_ctx *ctx = ent_ctx_new();
    ent_cameo *c = cameo_new();
    ent_ev_result *r = NULL;
    const char *files[] = { path };
    *st = ent_ev_run(ctx, c, &fake, files, 1, o, &r);
    free(c);
    ent_ctx_free(ctx);
    return r;
}

static void test_aggregate(void **state)
{
    (void)state;
    char *p = write_fixture(10);
    ent_ev_opts o = { .by = EV_BY_YEAR, .threads = 1, .nranks = 1 };
    ent_status st;
    ent_ev_result *r = run1(p, &o, &st);
    assert_int_equal(st, ENT_OK);
    assert_int_equal(r->read, 60);
    assert_int_equal(r->aggregated, 40);
    assert_int_equal(r->filtered, 10);
    assert_int_equal(r->rejected, 10);
    assert_int_equal(r->ngroups, 4);
    /* sorted by key: USA(2)->RUS first */
    assert_int_equal(EV_KEY_A1(r->groups[0].key), 2);
    assert_int_equal(r->groups[0].events, 10);
    assert_int_equal(r->groups[0].gold100, 1900);
    assert_int_equal(r->groups[0].mentions, 20);
    /* CHN->RUS: Goldstein missing everywhere, events still counted */
    for (size_t i = 0; i < r->ngroups; i++)
        if (EV_KEY_A1(r->groups[i].key) == 710) {
            assert_int_equal(r->groups[i].events, 10);
            assert_int_equal(r->groups[i].n_gold, 0);
        }
    /* the per-day lookup: XYZ counts from 2010-07-01 only */
    int xyz = 0;
    for (size_t i = 0; i < r->ngroups; i++)
        if (EV_KEY_A1(r->groups[i].key) == 999)
            xyz += (int)r->groups[i].events;
    assert_int_equal(xyz, 10);
    ent_ctx *ctx = ent_ctx_new();
    ent_ev_result_free(ctx, r);
    ent_ctx_free(ctx);
    unlink(p);
    free(p);
}

static void test_split_threads_identical(void **state)
{
    (void)state;
    char *p = write_fixture(300);
    ent_ev_opts a = { .by = EV_BY_MONTH, .key = EV_KEY_CODE, .threads = 1, .nranks = 1 };
    ent_ev_opts b = a;
    b.threads = 2;
    b.split_bytes = 977; /* ranges that cut rows anywhere */
    ent_status s1, s2;
    ent_ev_result *r1 = run1(p, &a, &s1), *r2 = run1(p, &b, &s2);
    assert_int_equal(s1, ENT_OK);
    assert_int_equal(s2, ENT_OK);
    assert_int_equal(r1->read, r2->read);
    assert_int_equal(r1->ngroups, r2->ngroups);
    assert_memory_equal(r1->groups, r2->groups, r1->ngroups * sizeof *r1->groups);
    /* ranks: 3 ranks' results merged equal the whole */
    ent_ctx *ctx = ent_ctx_new();
    ent_ev_result *sum = NULL;
    for (int k = 0; k < 3; k++) {
        ent_ev_opts c = b;
        c.rank = k;
        c.nranks = 3;
        ent_status s;
        ent_ev_result *rk = run1(p, &c, &s);
        assert_int_equal(s, ENT_OK);
        if (!sum) {
            sum = rk;
        } else {
            assert_int_equal(ent_ev_merge(ctx, sum, rk), ENT_OK);
            ent_ev_result_free(ctx, rk);
        }
    }
    assert_int_equal(sum->read, r1->read);
    assert_int_equal(sum->ngroups, r1->ngroups);
    assert_memory_equal(sum->groups, r1->groups, r1->ngroups * sizeof *r1->groups);
    ent_ev_result_free(ctx, sum);
    ent_ev_result_free(ctx, r1);
    ent_ev_result_free(ctx, r2);
    ent_ctx_free(ctx);
    unlink(p);
    free(p);
}

static void test_partial_roundtrip(void **state)
{
    (void)state;
    char *p = write_fixture(3);
    ent_ev_opts o = { .by = EV_BY_DAY, .threads = 1, .nranks = 1 };
    ent_status st;
    ent_ev_result *r = run1(p, &o, &st);
    ent_ctx *ctx = ent_ctx_new();
    char *buf;
    size_t len;
    assert_int_equal(ent_ev_partial_buf(ctx, r, &buf, &len), ENT_OK);
    ent_ev_result *back = NULL;
    assert_int_equal(ent_ev_partial_parse(ctx, "mem", buf, len, &back, NULL, NULL), ENT_OK);
    assert_int_equal(back->read, r->read);
    assert_int_equal(back->rejected, r->rejected);
    assert_int_equal(back->ngroups, r->ngroups);
    assert_memory_equal(back->groups, r->groups, r->ngroups * sizeof *r->groups);
    /* a truncated partial is an error, not a smaller result */
    ent_ev_result *cut = NULL;
    assert_int_equal(ent_ev_partial_parse(ctx, "mem", buf, len - 5, &cut, NULL, NULL), ENT_EPARSE);
    assert_non_null(strstr(ent_errmsg(ctx), "mem:"));
    free(buf);
    ent_ev_result_free(ctx, back);
    ent_ev_result_free(ctx, r);
    ent_ctx_free(ctx);
    unlink(p);
    free(p);
}

static void test_strict_error_line(void **state)
{
    (void)state;
    char *path = strdup("/tmp/test_events_XXXXXX");
    FILE *fp = fdopen(mkstemp(path), "w");
    row(fp, "20160101", "USA", "RUS", "040", "1", "1.9");
    row(fp, "20160101", "USA", "RUS", "040", "1", "1,9");
    fclose(fp);
    ent_ev_opts o = { .threads = 1, .nranks = 1 };
    ent_status st;
    ent_ev_result *r = run1(path, &o, &st);
    assert_int_equal(st, ENT_EPARSE);
    assert_non_null(strstr(r->err_msg, ":2: column 31 (GoldsteinScale): Goldstein value '1,9'"));
    ent_ctx *ctx = ent_ctx_new();
    ent_ev_result_free(ctx, r);
    o.lenient = 1;
    r = run1(path, &o, &st);
    assert_int_equal(st, ENT_OK);
    assert_int_equal(r->read, 2);
    assert_int_equal(r->rejected, 1);
    assert_int_equal(r->reasons[0].ex[0].line, 2);
    ent_ev_result_free(ctx, r);
    ent_ctx_free(ctx);
    unlink(path);
    free(path);
}

static void test_format_helpers(void **state)
{
    (void)state;
    char b[32];
    ent_ev_gold_str(480, b);
    assert_string_equal(b, "4.8");
    ent_ev_gold_str(-1000, b);
    assert_string_equal(b, "-10.0");
    ent_ev_gold_str(-45, b);
    assert_string_equal(b, "-0.45");
    ent_ev_gold_str(0, b);
    assert_string_equal(b, "0.0");
    char k[8];
    ent_ev_key_str(ent_cameo_pack("0874", 4), EV_KEY_CODE, k);
    assert_string_equal(k, "0874");
    ent_ev_key_str(4, EV_KEY_ROOT, k);
    assert_string_equal(k, "04");
    char per[16];
    ent_ev_period_str(20160301, EV_BY_DAY, per);
    assert_string_equal(per, "2016-03-01");
    assert_int_equal(ent_cameo_pack("04", 2) == ent_cameo_pack("040", 3), 0);
    assert_int_equal(ent_cameo_pack("4a", 2), -1);
    /* quoted CSV with a doubled quote and an embedded comma */
    const char *csv = "1,\"a,b\",\"say \"\"hi\"\"\",NA\nnext";
    ent_ev_field f[8];
    char scratch[64];
    const char *next;
    int nf, nl;
    assert_int_equal(ent_ev_csv_row(csv, csv + strlen(csv), ',', &next, f, 8, scratch,
                                    sizeof scratch, &nf, &nl), 0);
    assert_int_equal(nf, 4);
    assert_int_equal(f[1].n, 3);
    assert_memory_equal(f[1].p, "a,b", 3);
    assert_memory_equal(f[2].p, "say \"hi\"", 8);
    assert_string_equal(next, "next");
    const char *open_q = "\"open";
    assert_int_equal(ent_ev_csv_row(open_q, open_q + 5, ',', &next, f, 8, scratch,
                                    sizeof scratch, &nf, &nl), -1);
}

/* rows of n distinct unmappable codes AAA, AAB, ... (in that order), each
 * repeated reps times, then USA->RUS rows over ny years */
static char *write_many(int ncodes, int reps, int ny)
{
    char *path = strdup("/tmp/test_events_XXXXXX");
    int fd = mkstemp(path);
    FILE *fp = fdopen(fd, "w");
    for (int r = 0; r < reps; r++)
        for (int i = 0; i < ncodes; i++) {
            char c[4] = { 'A', (char)('A' + i / 26), (char)('A' + i % 26), 0 };
            row(fp, "20160101", c, "USA", "040", "1", "1.0");
        }
    for (int y = 0; y < ny; y++) {
        char d[16];
        snprintf(d, sizeof d, "%04d0101", 1900 + y);
        row(fp, d, "USA", "RUS", "040", "1", "1.0");
        row(fp, d, "RUS", "USA", "111", "3", "-2.5");
    }
    fclose(fp);
    return path;
}

/* more reasons than the result's table holds: the table keeps the reasons
 * met first in the input, however threads and byte ranges cut it */
static void test_reasons_full_deterministic(void **state)
{
    (void)state;
    char *p = write_many(EV_MAXREASONS + 30, 40, 0);
    ent_ev_opts a = { .by = EV_BY_YEAR, .threads = 1, .nranks = 1 };
    ent_ev_opts b = a;
    b.threads = 2;
    b.split_bytes = 4096;
    ent_status s1, s2;
    ent_ev_result *r1 = run1(p, &a, &s1), *r2 = run1(p, &b, &s2);
    assert_int_equal(s1, ENT_OK);
    assert_int_equal(s2, ENT_OK);
    assert_int_equal(r1->nreasons, EV_MAXREASONS);
    assert_int_equal(r2->nreasons, EV_MAXREASONS);
    assert_int_equal(r1->other_reasons, 30 * 40);
    assert_int_equal(r2->other_reasons, 30 * 40);
    assert_string_equal(r1->reasons[0].text, "unmappable country code 'AAA'");
    for (size_t i = 0; i < r1->nreasons; i++) {
        assert_string_equal(r1->reasons[i].text, r2->reasons[i].text);
        assert_int_equal(r1->reasons[i].count, 40);
        assert_int_equal(r2->reasons[i].count, 40);
        assert_int_equal(r1->reasons[i].ex[0].off, r2->reasons[i].ex[0].off);
    }
    ent_ctx *ctx = ent_ctx_new();
    ent_ev_result_free(ctx, r1);
    ent_ev_result_free(ctx, r2);
    ent_ctx_free(ctx);
    unlink(p);
    free(p);
}

/* the cap on groups: a clear error, not the machine's memory */
static void test_group_cap(void **state)
{
    (void)state;
    char *p = write_many(0, 0, 200); /* 400 groups */
    ent_ev_opts o = { .by = EV_BY_YEAR, .threads = 1, .nranks = 1, .max_groups = 100 };
    ent_ctx *ctx = ent_ctx_new();
    ent_cameo *c = cameo_new();
    ent_ev_result *r = NULL;
    const char *files[] = { p };
    assert_int_equal(ent_ev_run(ctx, c, &fake, files, 1, &o, &r), ENT_ENOMEM);
    assert_null(r);
    assert_non_null(strstr(ent_errmsg(ctx), "too many groups: more than 100"));
    o.max_groups = 400; /* exactly enough, in one thread and merged from two */
    assert_int_equal(ent_ev_run(ctx, c, &fake, files, 1, &o, &r), ENT_OK);
    assert_int_equal(r->ngroups, 400);
    ent_ev_result_free(ctx, r);
    o.threads = 2;
    o.split_bytes = 4096;
    assert_int_equal(ent_ev_run(ctx, c, &fake, files, 1, &o, &r), ENT_OK);
    assert_int_equal(r->ngroups, 400);
    for (size_t i = 1; i < r->ngroups; i++)
        assert_true(r->groups[i - 1].key < r->groups[i].key);
    ent_ev_result_free(ctx, r);
    free(c);
    ent_ctx_free(ctx);
    unlink(p);
    free(p);
}

/* iso3_any: a code of no state is never asked about per year */
static int any_calls;
static int count_iso3(void *ud, const char *c, int y, int m, int d)
{
    if (!strcmp(c, "EUR"))
        any_calls++;
    return fake_iso3(ud, c, y, m, d);
}
static int fake_any(void *ud, const char *c)
{
    (void)ud;
    return strcmp(c, "EUR") != 0;
}

static void test_iso3_any(void **state)
{
    (void)state;
    char *path = strdup("/tmp/test_events_XXXXXX");
    FILE *fp = fdopen(mkstemp(path), "w");
    for (int y = 1990; y < 2010; y++) {
        char d[16]; /* room for any int: -Wformat-truncation under -O1 */
        snprintf(d, sizeof d, "%04d0601", y);
        row(fp, d, "EUR", "USA", "040", "1", "1.0");
        row(fp, d, "USA", "RUS", "040", "1", "1.0");
    }
    fclose(fp);
    ent_ev_mapper m = fake;
    m.iso3 = count_iso3;
    ent_ev_opts o = { .by = EV_BY_YEAR, .threads = 1, .nranks = 1 };
    ent_ctx *ctx = ent_ctx_new();
    ent_cameo *c = cameo_new();
    const char *files[] = { path };
    ent_ev_result *r1 = NULL, *r2 = NULL;
    assert_int_equal(ent_ev_run(ctx, c, &m, files, 1, &o, &r1), ENT_OK);
    assert_true(any_calls >= 20 * 25); /* each year's fill asks about 25 dates */
    any_calls = 0;
    m.iso3_any = fake_any;
    assert_int_equal(ent_ev_run(ctx, c, &m, files, 1, &o, &r2), ENT_OK);
    assert_int_equal(any_calls, 0);
    assert_int_equal(r1->rejected, 20);
    assert_int_equal(r2->rejected, 20);
    assert_int_equal(r1->ngroups, r2->ngroups);
    assert_memory_equal(r1->groups, r2->groups, r1->ngroups * sizeof *r1->groups);
    assert_string_equal(r2->reasons[0].text, "unmappable country code 'EUR'");
    ent_ev_result_free(ctx, r1);
    ent_ev_result_free(ctx, r2);
    free(c);
    ent_ctx_free(ctx);
    unlink(path);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_aggregate),
        cmocka_unit_test(test_split_threads_identical),
        cmocka_unit_test(test_partial_roundtrip),
        cmocka_unit_test(test_strict_error_line),
        cmocka_unit_test(test_format_helpers),
        cmocka_unit_test(test_reasons_full_deterministic),
        cmocka_unit_test(test_group_cap),
        cmocka_unit_test(test_iso3_any),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
