/*
 * test_svg.c -- the report's SVG writer and page: escaping, number
 * formatting, scales, nice ticks, paths with gaps at missing values, the
 * band, quartiles, and a page rendered from hand-made data (every section
 * and chart, no external reference, no missing value drawn as a number).
 */
#include "testutil.h"

#include "report/charts.h"
#include "report/html.h"
#include "report/rpdata.h"
#include "report/svg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static ent_ctx *ctx;

static int setup(void **state)
{
    (void)state;
    ctx = ent_ctx_new();
    return ctx ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    ent_ctx_free(ctx);
    return 0;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static void test_xml_escape(void **state)
{
    ent_sb b;
    (void)state;
    ent_sb_init(&b, ctx);
    ent_sb_xml(&b, "a<b & \"c\" 'd'> \xC3\xA9t\x01" "e\tf");
    assert_string_equal(b.p, "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt; \xC3\xA9t\xEF\xBF\xBD"
                             "e\tf");
    ent_sb_xml(&b, NULL);
    ent_sb_xml(&b, "");
    assert_int_equal(b.len, strlen(b.p));
    ent_sb_free(&b);
}

static void test_num(void **state)
{
    ent_sb b;
    (void)state;
    ent_sb_init(&b, ctx);
    ent_sb_num(&b, 12.0);
    ent_sb_puts(&b, " ");
    ent_sb_num(&b, 12.5);
    ent_sb_puts(&b, " ");
    ent_sb_num(&b, -0.004);
    ent_sb_puts(&b, " ");
    ent_sb_num(&b, 1.0 / 3);
    ent_sb_puts(&b, " ");
    ent_sb_num(&b, -250.255);
    assert_string_equal(b.p, "12 12.5 0 0.33 -250.26");
    {
        char *t = ent_sb_take(&b);
        assert_non_null(t);
        assert_string_equal(t, "12 12.5 0 0.33 -250.26");
        assert_int_equal(b.len, 0);
        ent_free(ctx, t);
    }
    ent_sb_free(&b);
}

static void test_scale(void **state)
{
    ent_scale x = {2000, 2020, 40, 640}, y = {0, 100, 300, 60}, flat = {5, 5, 10, 20};
    (void)state;
    assert_near(ent_scale_map(&x, 2000), 40, 1e-12);
    assert_near(ent_scale_map(&x, 2010), 340, 1e-12);
    assert_near(ent_scale_map(&x, 2020), 640, 1e-12);
    assert_near(ent_scale_map(&y, 0), 300, 1e-12); /* y points up */
    assert_near(ent_scale_map(&y, 75), 120, 1e-12);
    assert_near(ent_scale_map(&flat, 5), 15, 1e-12);
    assert_nan(ent_scale_map(&y, NAN));
}

static void test_ticks(void **state)
{
    double t[32], step;
    int n;
    (void)state;
    n = ent_ticks(0, 100, 4, t, 32, &step); /* raw step 25 -> 20 */
    assert_int_equal(n, 6);
    assert_near(step, 20, 1e-12);
    assert_near(t[0], 0, 0);
    assert_near(t[5], 100, 1e-9);
    n = ent_ticks(0, 100, 2, t, 32, &step); /* raw 50 -> 50 */
    assert_int_equal(n, 3);
    assert_near(t[1], 50, 1e-9);
    n = ent_ticks(2000, 2023, 4, t, 32, &step); /* raw 5.75 -> 5 */
    assert_int_equal(n, 5);
    assert_near(t[0], 2000, 1e-9);
    assert_near(t[4], 2020, 1e-9);
    n = ent_ticks(0.5, 67.5, 10, t, 32, &step); /* raw 6.7 -> 5, first multiple >= 0.5 */
    assert_near(step, 5, 1e-12);
    assert_int_equal(n, 13);
    assert_near(t[0], 5, 1e-9);
    assert_near(t[12], 65, 1e-9);
    n = ent_ticks(-1.3, 2.7, 4, t, 32, &step);
    assert_int_equal(n, 4);
    assert_near(t[0], -1, 1e-9);
    assert_near(t[1], 0, 0); /* exactly 0, never -0 or 1e-17 */
    n = ent_ticks(0, 0.07, 3, t, 32, &step);
    assert_near(step, 0.02, 1e-12);
    assert_int_equal(n, 4);
    assert_near(t[3], 0.06, 1e-12);
    assert_int_equal(ent_ticks(3, 3, 5, t, 32, NULL), 1);
    assert_int_equal(ent_ticks(5, 1, 5, t, 32, NULL), 0);
    assert_int_equal(ent_ticks(0, INFINITY, 5, t, 32, NULL), 0);
    assert_int_equal(ent_ticks(0, 1000, 1000, t, 4, NULL), 4); /* capped at max */
}

static void test_line_gaps(void **state)
{
    double x[] = {1, 2, 3, 4, 5, 6};
    double y[] = {10, NAN, 30, 40, NAN, 60};
    double none[] = {NAN, NAN, NAN, NAN, NAN, NAN};
    ent_scale id = {0, 100, 0, 100};
    ent_sb b;
    (void)state;
    ent_sb_init(&b, ctx);
    assert_int_equal(ent_svg_line_d(&b, x, y, 6, &id, &id), 3);
    assert_string_equal(b.p, "M1 10 M3 30L4 40 M6 60"); /* no line through a missing year */
    ent_sb_free(&b);
    ent_sb_init(&b, ctx);
    assert_int_equal(ent_svg_line_d(&b, x, none, 6, &id, &id), 0);
    assert_int_equal(b.len, 0);
    ent_sb_free(&b);
}

static void test_band_gaps(void **state)
{
    double x[] = {1, 2, 3, 4, 5};
    double lo[] = {10, 20, NAN, 40, 41};
    double hi[] = {30, 40, 50, 60, NAN};
    ent_scale id = {0, 100, 0, 100};
    ent_sb b;
    (void)state;
    ent_sb_init(&b, ctx);
    /* runs: years 1-2 (both bounds), year 4 alone (a bar); 3 and 5 lack a bound */
    assert_int_equal(ent_svg_band_d(&b, x, lo, hi, 5, &id, &id, 0.5), 2);
    assert_string_equal(b.p, "M1 30L2 40L2 20L1 10Z M3.5 60L4.5 60L4.5 40L3.5 40Z");
    ent_sb_free(&b);
}

static void test_quartiles(void **state)
{
    double v[] = {4, NAN, 1, 3, 2}, q[3];
    double one[] = {7}, none[] = {NAN, NAN};
    (void)state;
    ent_rp_quartiles(v, 5, q); /* type 7 on 1 2 3 4 */
    assert_near(q[0], 1.75, 1e-12);
    assert_near(q[1], 2.5, 1e-12);
    assert_near(q[2], 3.25, 1e-12);
    ent_rp_quartiles(one, 1, q);
    assert_near(q[0], 7, 0);
    assert_near(q[2], 7, 0);
    ent_rp_quartiles(none, 2, q);
    assert_nan(q[1]);
}

/* a small hand-made report: 2010-2014, a group of four, the subject's
 * economic score missing in 2012 and everything missing in 2014 */
static void make_rp(ent_rp *rp)
{
    int ny;
    assert_int_equal(ent_rp_alloc(ctx, rp, 2010, 2014, 4, 4), ENT_OK);
    ny = rp->nyears;
    snprintf(rp->subject, sizeof rp->subject, "AAA-BBB");
    snprintf(rp->group, sizeof rp->group, "x<&>y");
    snprintf(rp->command, sizeof rp->command, "entente report AAA-BBB --with 'x<&>y' -o r.html");
    snprintf(rp->norm, sizeof rp->norm, "percentile");
    for (int m = 0; m < ENT_RP_NM; m++)
        for (int t = 0; t < 4; t++) {
            rp->subj[m * ny + t] = 60 + m + t;
            rp->q1[m * ny + t] = 20;
            rp->med[m * ny + t] = 40;
            rp->q3[m * ny + t] = 55;
        }
    rp->subj[1 * ny + 2] = NAN;
    for (int t = 0; t < 4; t++)
        rp->complete[t] = t != 2;
    rp->year_note[4] = ent_strdup(ctx, "no dyads in the panel for 2014");
    rp->nans = 1;
    rp->ans[0].year = 2013;
    rp->ans[0].complete = 1;
    snprintf(rp->ans[0].verdict, sizeof rp->ans[0].verdict,
             "AAA-BBB ranks above 3 of 3 (100%%) on the composite.");
    snprintf(rp->ans[0].robust, sizeof rp->ans[0].robust, "robustness (10 draws, seed 1): ...");
    rp->year = 2013;
    rp->draws = 10;
    rp->seed = 1;
    rp->rank_count[1] = 7;
    rp->rank_count[2] = 3;
    rp->default_rank = 1;
    for (int i = 0; i < 4; i++) {
        snprintf(rp->dyads[i].name, sizeof rp->dyads[i].name, i ? "CCC-D%02d" : "AAA-BBB", i);
        rp->dyads[i].is_subject = i == 0;
        rp->dyads[i].complete = 1;
        for (int m = 0; m < ENT_RP_NM; m++)
            rp->dyads[i].score[m] = i == 3 && m == 0 ? NAN : 80 - 10 * i;
    }
    for (int d = 0; d < ENT_NDIM; d++) {
        rp->dimw[d] = 1;
        rp->terms[d].dim = d;
        rp->terms[d].weight = 1;
        snprintf(rp->terms[d].expr, sizeof rp->terms[d].expr, "col_%d", d);
        snprintf(rp->terms[d].source, sizeof rp->terms[d].source, "SRC%d", d);
        rp->terms[d].first = 2010;
        rp->terms[d].last = d == 2 ? 2011 : 2013;
        for (int t = 0; t < ny; t++)
            rp->cov[d * ny + t] = t == 4 ? ENT_RP_NODYAD
                                 : d == 2 && t >= 2 ? ENT_RP_MISSING
                                 : d == 0 ? ENT_RP_ZERO : ENT_RP_PRESENT;
    }
}

static void test_trend_chart(void **state)
{
    ent_rp rp;
    ent_sb b;
    (void)state;
    make_rp(&rp);
    ent_sb_init(&b, ctx);
    ent_chart_trend(&b, &rp, 1, 1, "t-econ");
    /* the subject's line breaks at 2012 and stops before 2014: two subpaths */
    {
        const char *p = strstr(b.p, "stroke=\"" ENT_C_SUBJECT "\" stroke-width=\"2.5\" "
                                    "stroke-linejoin=\"round\" d=\"");
        const char *e;
        char d[256];
        assert_non_null(p);
        p = strchr(p, 'd');
        p = strstr(p, "d=\"") + 3;
        e = strchr(p, '"');
        snprintf(d, sizeof d, "%.*s", (int)(e - p), p);
        assert_int_equal(count(d, "M"), 2);
        assert_int_equal(count(d, "L"), 1);
    }
    assert_non_null(strstr(b.p, "<title id=\"t-econ-t\">AAA-BBB: economic score</title>"));
    assert_non_null(strstr(b.p, "AAA-BBB missing in: 2012, 2014."));
    assert_non_null(strstr(b.p, "x&lt;&amp;&gt;y")); /* the group's name, escaped */
    assert_null(strstr(b.p, "x<&>y"));
    assert_int_equal(count(b.p, "<path d=\"M"), 4); /* the legend's and 2010, 2011, 2013 */
    ent_sb_free(&b);
    /* the military chart marks where SRC2 ends */
    ent_sb_init(&b, ctx);
    ent_chart_trend(&b, &rp, 2, 1, "t-mil");
    assert_non_null(strstr(b.p, ">SRC2 end 2011</text>"));
    assert_non_null(strstr(b.p, "Sources that end in the span: after 2011: SRC2 (col_2)."));
    assert_null(strstr(b.p, "Earlier for"));
    ent_sb_free(&b);
    /* the world has col_3 to 2013, the subject only to 2012: said apart */
    rp.cov[3 * rp.nyears + 3] = ENT_RP_MISSING;
    ent_sb_init(&b, ctx);
    ent_chart_trend(&b, &rp, 3, 1, "t-dip");
    assert_non_null(strstr(b.p, "Earlier for AAA-BBB: after 2012: SRC3 (col_3)."));
    assert_int_equal(ent_rp_subject_stops(&b, &rp, 0), 0);
    assert_int_equal(ent_rp_subject_stops(&b, &rp, ENT_RP_COMPOSITE), 1);
    ent_sb_free(&b);
    ent_rp_free(&rp);
}

static void test_dots_and_coverage(void **state)
{
    ent_rp rp;
    ent_sb b;
    (void)state;
    make_rp(&rp);
    ent_sb_init(&b, ctx);
    ent_chart_dots(&b, &rp, 0, 0, "g-pers");
    /* sorted: the subject first at 80, then 70, 60, and the missing one last */
    {
        const char *s = strstr(b.p, ">AAA-BBB</text>"), *c1 = strstr(b.p, ">CCC-D01<"),
                   *c3 = strstr(b.p, ">CCC-D03<");
        assert_non_null(s);
        assert_non_null(c1);
        assert_non_null(c3);
        assert_true(s < c1 && c1 < c3);
        assert_non_null(strstr(c3, ">no score</text>"));
    }
    assert_non_null(strstr(b.p, "median 65.0")); /* 70 and 60; the missing one is left out */
    assert_non_null(strstr(b.p, "AAA-BBB is at position 1 with 80.0."));
    ent_sb_free(&b);
    ent_sb_init(&b, ctx);
    ent_chart_coverage(&b, &rp, "cov");
    assert_non_null(strstr(b.p, "10 cells present, 4 zero, 2 missing"));
    ent_sb_free(&b);
    ent_sb_init(&b, ctx);
    ent_chart_ranks(&b, &rp, 0, "rk");
    assert_non_null(strstr(b.p, "Rank 1: 7. Rank 2: 3."));
    ent_sb_free(&b);
    ent_rp_free(&rp);
}

static void test_page(void **state)
{
    ent_rp rp;
    ent_rp_page pg;
    const char *sections[] = {"id=\"answer\"", "id=\"over-time\"", "id=\"comparison\"",
                              "id=\"robustness\"", "id=\"coverage\"", "id=\"method\""};
    const char *prev;
    (void)state;
    make_rp(&rp);
    assert_int_equal(ent_rp_render(ctx, &rp, &pg), ENT_OK);
    assert_int_equal(pg.ncharts, 12);
    /* 12 charts, three of them also in a narrow variant for phones */
    assert_int_equal(count(pg.html, "<svg "), 15);
    assert_int_equal(count(pg.html, "</svg>"), 15);
    assert_int_equal(count(pg.html, "class=\"for-narrow\""), 3);
    prev = pg.html; /* the sections in the order */
    for (size_t i = 0; i < sizeof sections / sizeof *sections; i++) {
        const char *p = strstr(pg.html, sections[i]);
        assert_non_null(p);
        assert_true(p > prev);
        prev = p;
    }
    assert_non_null(strstr(pg.html, "AAA-BBB ranks above 3 of 3 (100%) on the composite."));
    assert_non_null(strstr(pg.html, "2014: no dyads in the panel for 2014"));
    assert_non_null(strstr(pg.html, "entente report AAA-BBB --with &#39;x&lt;&amp;&gt;y&#39;"));
    /* self-contained: nothing to fetch, nothing to run */
    assert_null(strstr(pg.html, "<script"));
    assert_null(strstr(pg.html, "src="));
    assert_null(strstr(pg.html, "href="));
    assert_null(strstr(pg.html, "@import"));
    assert_null(strstr(pg.html, "url("));
    assert_int_equal(count(pg.html, "http"), count(pg.html, "xmlns=\"http://www.w3.org/2000/svg\""));
    /* a missing value never prints as a number */
    assert_null(strstr(pg.html, "nan"));
    assert_null(strstr(pg.html, "NaN"));
    assert_null(strstr(pg.html, "inf"));
    for (int i = 0; i < pg.ncharts; i++) {
        assert_true(strncmp(pg.svg[i], "<svg xmlns=", 11) == 0);
        assert_non_null(strstr(pg.html, pg.svg[i])); /* the file is the inline chart */
        assert_non_null(strstr(pg.svg[i], "<title id="));
        assert_non_null(strstr(pg.svg[i], "<desc id="));
    }
    assert_string_equal(pg.name[0], "trend-composite.svg");
    assert_string_equal(pg.name[11], "coverage.svg");
    ent_rp_page_free(&pg);
    ent_rp_free(&rp);
}

static void test_write(void **state)
{
    ent_rp rp;
    ent_rp_page pg;
    char dir[] = "/tmp/test_svg.XXXXXX", path[256], svgdir[256], f[300];
    struct stat st;
    (void)state;
    make_rp(&rp);
    assert_int_equal(ent_rp_render(ctx, &rp, &pg), ENT_OK);
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/r.html", dir);
    snprintf(svgdir, sizeof svgdir, "%s/charts", dir);
    assert_int_equal(ent_rp_write(ctx, &pg, path, svgdir), ENT_OK);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal((size_t)st.st_size, strlen(pg.html));
    snprintf(f, sizeof f, "%s/ranks.svg", svgdir);
    assert_int_equal(stat(f, &st), 0);
    /* a folder that cannot be made: nothing is written, the old page stays */
    snprintf(f, sizeof f, "%s/r.html/sub", dir);
    assert_int_equal(ent_rp_write(ctx, &pg, path, f), ENT_EIO);
    assert_non_null(strstr(ent_errmsg(ctx), "cannot make the folder"));
    snprintf(f, sizeof f, "%s/nope/r.html", dir);
    assert_int_equal(ent_rp_write(ctx, &pg, f, NULL), ENT_EIO);
    assert_int_equal(stat(f, &st), -1);
    for (int i = 0; i < pg.ncharts; i++) {
        snprintf(f, sizeof f, "%s/%s", svgdir, pg.name[i]);
        unlink(f);
    }
    rmdir(svgdir);
    unlink(path);
    assert_int_equal(rmdir(dir), 0); /* no temporaries left behind */
    ent_rp_page_free(&pg);
    ent_rp_free(&rp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xml_escape),   cmocka_unit_test(test_num),
        cmocka_unit_test(test_scale),        cmocka_unit_test(test_ticks),
        cmocka_unit_test(test_line_gaps),    cmocka_unit_test(test_band_gaps),
        cmocka_unit_test(test_quartiles),    cmocka_unit_test(test_trend_chart),
        cmocka_unit_test(test_dots_and_coverage), cmocka_unit_test(test_page),
        cmocka_unit_test(test_write),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
