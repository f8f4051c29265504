/*
 * test_events_api.c -- the public event-data API (entente/events.h), used
 * as a program outside the library would (no private header): options by
 * name and their messages, a run over the hand-checked fixture with its row
 * accounting and CSV (tests/cli/events_fixture gives the same by the CLI),
 * the partial round trip through a file and through memory, the strict
 * error travelling with the aggregate, and an output that cannot be written
 * leaving nothing behind.  Needs the CAMEO tables of the data folder ($DATA
 * or ../shared/data); skipped without them.
 */
#include "testutil.h"
#include "entente/events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *datadir(void)
{
    const char *d = getenv("DATA");
    return d && *d ? d : "../shared/data";
}

static int have_cameo(void)
{
    char p[1024];
    snprintf(p, sizeof p, "%s/cameo_codebook/GDELT_CAMEO.eventcodes.txt", datadir());
    return access(p, R_OK) == 0;
}

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = 0;
    return buf;
}

/* the context and the registry of the data folder; NULL without the data */
typedef struct fix {
    ent_ctx *ctx;
    ent_registry *reg;
} fix;

static int setup(void **state)
{
    static fix f;
    f.ctx = ent_ctx_new();
    f.reg = NULL;
    if (have_cameo() && ent_registry_load(f.ctx, datadir(), &f.reg) != ENT_OK)
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fix *f = *state;
    ent_registry_free(f->reg);
    ent_ctx_free(f->ctx);
    return 0;
}

static void test_options(void **state)
{
    (void)state;
    ent_ctx *ctx = ent_ctx_new();
    ent_events_opts *o = ent_events_opts_new();
    assert_non_null(o);
    assert_int_equal(ent_events_opts_set(ctx, o, "by", "week"), ENT_EINVAL);
    assert_string_equal(ent_errmsg(ctx), "'week' is not day, month or year");
    assert_int_equal(ent_events_opts_set(ctx, o, "key", "cameo"), ENT_EINVAL);
    assert_int_equal(ent_events_opts_set(ctx, o, "threads", "0"), ENT_EINVAL);
    assert_int_equal(ent_events_opts_set(ctx, o, "threads", "300"), ENT_EINVAL);
    assert_int_equal(ent_events_opts_set(ctx, o, "from", "2016-13"), ENT_EINVAL);
    assert_int_equal(ent_events_opts_set(ctx, o, "colour", "red"), ENT_EINVAL);
    assert_int_equal(ent_events_opts_set(ctx, o, "dedupe", "yes"), ENT_EINVAL);
    assert_int_equal(ent_events_opts_dedupe(o), 0);
    assert_int_equal(ent_events_opts_set(ctx, o, "dedupe", "1"), ENT_OK);
    assert_int_equal(ent_events_opts_dedupe(o), 1);
    assert_int_equal(ent_events_opts_set(ctx, o, "from", "2016-03"), ENT_OK);
    assert_int_equal(ent_events_opts_set(ctx, o, "to", "2016-02"), ENT_OK);
    assert_int_equal(ent_events_opts_check(ctx, o), ENT_EINVAL);
    assert_string_equal(ent_errmsg(ctx), "--from is after --to");
    assert_int_equal(ent_events_opts_set(ctx, o, "to", "2016"), ENT_OK);
    assert_int_equal(ent_events_opts_check(ctx, o), ENT_OK);
    assert_int_equal(ent_events_opts_share(ctx, o, 2, 2), ENT_EINVAL);
    assert_int_equal(ent_events_opts_share(ctx, o, 1, 2), ENT_OK);
    ent_events_opts_free(o);
    ent_ctx_free(ctx);
}

static const char want_month[] =
    "actor1,actor2,period,key,events,goldstein_sum,goldstein_mean,mentions,sources,articles\n"
    "USA,RUS,2016-01,1,3,4.8,1.6000,13,5,11\n"
    "USA,RUS,2016-03,4,1,-10.0,-10.0000,7,3,7\n"
    "RUS,USA,2016-03,3,1,-2.0,-2.0000,1,1,1\n"
    "CHN,RUS,2015-06,2,3,15.0,7.5000,10,4,10\n";

static void test_run_write_merge(void **state)
{
    fix *f = *state;
    if (!f->reg)
        skip();
    ent_ctx *ctx = f->ctx;
    const ent_registry *reg = f->reg;
    ent_events_opts *o = ent_events_opts_new();
    assert_int_equal(ent_events_opts_set(ctx, o, "by", "month"), ENT_OK);
    assert_int_equal(ent_events_opts_set(ctx, o, "threads", "2"), ENT_OK);
    const char *files[] = { "tests/fixtures/events/good.tsv" };
    ent_events *ev = NULL;
    assert_int_equal(ent_events_run(ctx, reg, datadir(), files, 1, o, &ev), ENT_OK);
    assert_null(ent_events_error(ev));
    assert_int_equal(ent_events_read(ev), 12);
    assert_int_equal(ent_events_aggregated(ev), 8);
    assert_int_equal(ent_events_filtered(ev), 3);
    assert_int_equal(ent_events_rejected(ev), 1);
    assert_int_equal(ent_events_ngroups(ev), 4);

    char dir[] = "/tmp/ent-evapi-XXXXXX", csv[64], part[64], json[64], bad[96];
    assert_non_null(mkdtemp(dir));
    snprintf(csv, sizeof csv, "%s/a.csv", dir);
    snprintf(part, sizeof part, "%s/a.part", dir);
    snprintf(json, sizeof json, "%s/a.json", dir);
    snprintf(bad, sizeof bad, "%s/no/such/dir/a.csv", dir);
    assert_int_equal(ent_events_write(ctx, ev, reg, "csv", csv), ENT_OK);
    assert_string_equal(slurp(csv), want_month);
    /* the same groups as a result, in the same order, missing never 0 */
    ent_result *g = NULL;
    assert_int_equal(ent_events_groups(ctx, ev, reg, &g), ENT_OK);
    assert_int_equal(ent_result_nrows(g), 4);
    assert_int_equal(ent_result_ncols(g), 10);
    assert_string_equal(ent_result_colname(g, 6), "goldstein_mean");
    assert_string_equal(ent_result_text(g, 0, 0), "USA");
    assert_string_equal(ent_result_text(g, 0, 1), "RUS");
    assert_string_equal(ent_result_text(g, 0, 2), "2016-01");
    assert_string_equal(ent_result_text(g, 0, 3), "1");
    assert_int_equal(ent_result_int(g, 0, 4), 3);
    assert_near(ent_result_real(g, 0, 5), 4.8, 1e-12);
    assert_near(ent_result_real(g, 0, 6), 1.6, 1e-12);
    assert_int_equal(ent_result_int(g, 0, 7), 13);
    assert_string_equal(ent_result_text(g, 3, 0), "CHN");
    assert_near(ent_result_real(g, 3, 6), 7.5, 1e-12);
    assert_int_equal(ent_result_int(g, 3, 9), 10);
    ent_result_free(g);
    assert_int_equal(ent_events_groups(ctx, ev, NULL, &g), ENT_OK);
    assert_string_equal(ent_result_text(g, 0, 0), "2");
    assert_string_equal(ent_result_text(g, 0, 1), "365");
    ent_result_free(g);
    assert_int_equal(ent_events_write(ctx, ev, reg, "json", json), ENT_OK);
    assert_non_null(strstr(slurp(json), "\"goldstein_mean\": 1.6000"));
    assert_int_equal(ent_events_write(ctx, ev, reg, "xml", csv), ENT_EINVAL);
    assert_int_equal(ent_events_write(ctx, ev, reg, "csv", bad), ENT_EIO);
    assert_int_equal(access(bad, F_OK), -1);
    /* without a registry the actors are COW numbers */
    assert_int_equal(ent_events_write(ctx, ev, NULL, "csv", csv), ENT_OK);
    assert_non_null(strstr(slurp(csv), "\n2,365,2016-01,1,3,4.8,1.6000,13,5,11\n"));

    /* a partial through a file, merged, is the run */
    assert_int_equal(ent_events_write_partial(ctx, ev, part), ENT_OK);
    const char *parts[] = { part };
    ent_events *m = NULL;
    assert_int_equal(ent_events_merge_files(ctx, parts, 1, &m), ENT_OK);
    assert_int_equal(ent_events_write(ctx, m, reg, "csv", csv), ENT_OK);
    assert_string_equal(slurp(csv), want_month);
    /* and through memory, added in: every count doubles */
    char *buf = NULL;
    size_t len = 0;
    assert_int_equal(ent_events_partial_buf(ctx, ev, &buf, &len), ENT_OK);
    assert_int_equal(ent_events_merge_buf(ctx, m, "mem", buf, len), ENT_OK);
    assert_int_equal(ent_events_read(m), 24);
    assert_int_equal(ent_events_ngroups(m), 4);
    assert_int_equal(ent_events_merge_buf(ctx, m, "mem", buf, len / 2), ENT_EPARSE);
    assert_non_null(strstr(ent_errmsg(ctx), "mem"));
    free(buf);
    ent_events_free(m);
    assert_int_equal(ent_events_merge_files(ctx, files, 1, &m), ENT_EPARSE);
    assert_null(m);

    unlink(csv);
    unlink(part);
    unlink(json);
    rmdir(dir);
    ent_events_free(ev);
    ent_events_opts_free(o);
}

static void test_strict_error(void **state)
{
    fix *f = *state;
    if (!f->reg)
        skip();
    ent_ctx *ctx = f->ctx;
    const ent_registry *reg = f->reg;
    const char *files[] = { "tests/fixtures/events/short_row.tsv" };
    ent_events *ev = NULL;
    assert_int_equal(ent_events_run(ctx, reg, datadir(), files, 1, NULL, &ev), ENT_EPARSE);
    assert_non_null(ev);
    assert_non_null(ent_events_error(ev));
    assert_non_null(strstr(ent_events_error(ev), "short_row.tsv:4: short row"));
    ent_events_free(ev);
    /* lenient: the row is counted, not the error */
    ent_events_opts *o = ent_events_opts_new();
    assert_int_equal(ent_events_opts_set(ctx, o, "lenient", "1"), ENT_OK);
    assert_int_equal(ent_events_run(ctx, reg, datadir(), files, 1, o, &ev), ENT_OK);
    assert_null(ent_events_error(ev));
    assert_true(ent_events_rejected(ev) >= 1);
    ent_events_free(ev);
    /* an unknown state in countries fails the run before any reading */
    assert_int_equal(ent_events_opts_set(ctx, o, "countries", "USA,Atlantis"), ENT_OK);
    assert_int_not_equal(ent_events_run(ctx, reg, datadir(), files, 1, o, &ev), ENT_OK);
    assert_null(ev);
    ent_events_opts_free(o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_options),
        cmocka_unit_test_setup_teardown(test_run_write_merge, setup, teardown),
        cmocka_unit_test_setup_teardown(test_strict_error, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
