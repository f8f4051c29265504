/*
 * test_rd_formats.c -- golden tests of the reader backends that read sets of
 * publishers' originals by a recipe (src/core/rd.c and rd_xml.c, rd_rds.c,
 * rd_xlsx.c, rd_json.c) on the small files in tests/fixtures/rd: each
 * renders exactly the expected file (made from the same fixtures by the
 * recipe's reference tool: python xml.etree and csv, R's write.csv,
 * convert_dots.py with openpyxl), the core reader reads a set by column
 * name, and bad input gets a message naming file, element/cell/byte and
 * field.  Also the manifest's mapping of prepared files to sets of
 * originals, and the set digests `entente sources` maps back to upstream.
 */
#include "testutil.h"
#include "core/rd.h"
#include "core/reader.h"
#include "fetch/fetch.h"

#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FX "tests/fixtures/rd/"

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

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    char *p;
    long k;
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    k = ftell(f);
    fseek(f, 0, SEEK_SET);
    p = malloc((size_t)k + 1);
    assert_int_equal(fread(p, 1, (size_t)k, f), (size_t)k);
    p[k] = '\0';
    fclose(f);
    if (n)
        *n = (size_t)k;
    return p;
}

/* render_set renders "recipe=NAME\nF1\nF2..." and compares with expected */
static void expect_set(const char *recipe, const char *const *files, size_t nf, char delim,
                       const char *expected)
{
    char set[4096], *out = NULL;
    size_t k = (size_t)snprintf(set, sizeof set, "recipe=%s", recipe), len, elen;
    for (size_t i = 0; i < nf; i++)
        k += (size_t)snprintf(set + k, sizeof set - k, "\n" FX "%s", files[i]);
    assert_int_equal(ent_rd_kind_of(set), ENT_RD_SET);
    assert_int_equal(ent_rd_render(ctx, set, ENT_RD_SET, delim, &out, &len), ENT_OK);
    char *want = slurp(expected, &elen);
    assert_int_equal(len, elen);
    assert_memory_equal(out, want, elen);
    free(want);
    ent_free(ctx, out);
}

static void expect_error(ent_status got, const char *fragment)
{
    assert_int_equal(got, ENT_EPARSE);
    if (!strstr(ent_errmsg(ctx), fragment))
        fail_msg("message '%s' lacks '%s'", ent_errmsg(ctx), fragment);
}

/* ------------------------------------------------------------ XML */

static void test_xml_golden(void **s)
{
    (void)s;
    /* two files given out of name order: read in name order, rows sorted by
     * start date, ties kept in file order; white space (a no-break space
     * too) collapsed; a quote makes the field quoted */
    static const char *const visits[] = {"visits_1990.xml", "visits_1870.xml"};
    static const char *const trips[] = {"trips.xml"};
    expect_set("xml", visits, 2, '\t', FX "visits.tsv");
    expect_set("xml", trips, 1, '\t', FX "trips.tsv");
}

static void test_xml_reader(void **s)
{
    (void)s;
    ent_reader *r = NULL;
    ent_reader_opts o = {.delim = '\t', .label = "foreign_leader_visits_to_us.tsv"};
    static const char *const cols[] = {"visitor", "from_country_id", "description"};
    int idx[3];
    ent_cell *c;
    size_t n;
    assert_int_equal(ent_reader_open(ctx, "recipe=xml\n" FX "visits_1870.xml\n" FX "visits_1990.xml",
                                     &o, &r),
                     ENT_OK);
    assert_int_equal(ent_reader_cols(r, cols, idx, 3), ENT_OK);
    for (int i = 0; i < 4; i++)
        assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_string_equal(c[idx[0]].p, "Prime Minister Kaifu Toshiki");
    assert_string_equal(c[idx[1]].p, "japan");
    assert_string_equal(c[idx[2]].p,
                        "Said \"hello\"; a tab here and a no-break space.");
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_DONE);
    ent_reader_close(r);
}

static void test_xml_errors(void **s)
{
    (void)s;
    char *out = NULL;
    size_t len;
    static const char trunc[] = "<visits>\n<visit><id>1</id>\n</visits>";
    expect_error(ent_rd_xml_mem(ctx, "1990.xml", trunc, sizeof trunc - 1, '\t', &out, &len),
                 "1990.xml:3: malformed XML");
    static const char root[] = "<?xml version=\"1.0\"?>\n<meetings/>";
    expect_error(ent_rd_xml_mem(ctx, "x.xml", root, sizeof root - 1, '\t', &out, &len),
                 "x.xml:2: root element <meetings>: expected <visits> or <trips>");
    static const char elem[] = "<visits>\n  <visit/>\n  <trip/>\n</visits>";
    expect_error(ent_rd_xml_mem(ctx, "y.xml", elem, sizeof elem - 1, '\t', &out, &len),
                 "y.xml:3: element <trip> in <visits>: expected <visit>");
    const char *mixed[] = {FX "trips.xml", FX "visits_1990.xml"};
    expect_error(ent_rd_xml(ctx, mixed, 2, '\t', &out, &len),
                 "visits_1990.xml:2: <visits> in a set of <trips> files");
    const char *gone[] = {FX "no_such.xml"};
    assert_int_equal(ent_rd_xml(ctx, gone, 1, '\t', &out, &len), ENT_EIO);
    assert_non_null(strstr(ent_errmsg(ctx), "no_such.xml"));
    /* an external entity is not fetched (XML_PARSE_NONET, no entity expansion) */
    static const char xxe[] = "<?xml version=\"1.0\"?><!DOCTYPE v [<!ENTITY e SYSTEM "
                              "\"file:///etc/passwd\">]><visits><visit><id>&e;</id></visit></visits>";
    assert_int_equal(ent_rd_xml_mem(ctx, "e.xml", xxe, sizeof xxe - 1, ',', &out, &len), ENT_OK);
    assert_null(strstr(out, "root:"));
    ent_free(ctx, out);
}

/* ------------------------------------------------------------ R lists of matrices */

static void test_rds_golden(void **s)
{
    (void)s;
    /* R's own digits (77926.106526732, 146357110.448359), NA iso3, NA and 0
     * cells dropped, column-major order, the year from the file's name */
    static const char *const f[] = {"itpd_aggregated.rds", "country_list.RData"};
    expect_set("rds-matrices", f, 2, ',', FX "itpd_expected.csv");
    static const char *const t[] = {"frame.rds"};
    expect_set("rds-tsv", t, 1, '\t', FX "frame.tsv");
    /* list columns joined by ';' (an NA element as "NA"), as R flattens them */
    static const char *const b[] = {"ps_bib.rda"};
    expect_set("rda-listcols", b, 1, ',', FX "ps_bib_expected.csv");
}

static void test_rds_reader(void **s)
{
    (void)s;
    ent_reader *r = NULL;
    static const char *const cols[] = {"year", "to_iso3", "exports_const2010usd"};
    int idx[3], y;
    double v;
    ent_cell *c;
    size_t n;
    assert_int_equal(ent_reader_open(ctx, "recipe=rds-matrices\n" FX "itpd_aggregated.rds\n" FX
                                          "country_list.RData",
                                     NULL, &r),
                     ENT_OK);
    assert_int_equal(ent_reader_cols(r, cols, idx, 3), ENT_OK);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_int_equal(ent_cell_int(c[idx[0]], &y), 1);
    assert_int_equal(y, 2000);
    assert_int_equal(ent_cell_f64(c[idx[2]], &v), 1);
    assert_true(v == 77926.106526732);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_int_equal(ent_reader_next(r, &c, &n), ENT_OK);
    assert_true(ent_cell_is_na(c[idx[1]])); /* Côte d'Ivoire has no iso3: missing */
    ent_reader_close(r);
}

static void test_rds_errors(void **s)
{
    (void)s;
    size_t an, cn;
    char *a = slurp(FX "itpd_aggregated.rds", &an), *cl = slurp(FX "country_list.RData", &cn);
    unsigned char *ua = NULL, *uc = NULL;
    size_t uan, ucn;
    char *out = NULL;
    size_t len;
    assert_int_equal(ent_rd_unpack(ctx, "a", (unsigned char *)a, an, &ua, &uan), ENT_OK);
    assert_int_equal(ent_rd_unpack(ctx, "c", (unsigned char *)cl, cn, &uc, &ucn), ENT_OK);
    assert_non_null(ua);
    assert_non_null(uc);
    assert_int_equal(ent_rd_rds_mem(ctx, "itpd_aggregated.rds", ua, uan, uc, ucn, &out, &len),
                     ENT_OK);
    ent_free(ctx, out);
    /* cut anywhere: an error naming the byte, never a crash */
    for (size_t k = 0; k < uan; k += 7) {
        ent_status st = ent_rd_rds_mem(ctx, "itpd_aggregated.rds", ua, k, uc, ucn, &out, &len);
        assert_int_equal(st, ENT_EPARSE);
        assert_non_null(strstr(ent_errmsg(ctx), "itpd_aggregated.rds: byte "));
    }
    expect_error(ent_rd_rds_mem(ctx, "itpd_aggregated.rds", ua, 30, uc, ucn, &out, &len),
                 "truncated");
    expect_error(ent_rd_rds_mem(ctx, "itpd_aggregated.rds", (const unsigned char *)"A\n", 2, uc,
                                ucn, &out, &len),
                 "not R's XDR serialization");
    expect_error(ent_rd_rds_mem(ctx, "itpd_aggregated.rds", ua, uan, ua, uan, &out, &len),
                 "country_list.RData: byte 0: not an R workspace");
    assert_int_equal(ent_rd_rds_mem(ctx, "other.rds", ua, uan, uc, ucn, &out, &len), ENT_EINVAL);
    assert_non_null(strstr(ent_errmsg(ctx), "other.rds: not a list of year matrices"));
    /* a dimname that is not country_list's: the file, element, year and row */
    unsigned char *bad = malloc(uan);
    memcpy(bad, ua, uan);
    unsigned char *hit = memmem(bad, uan, "Algeria", 7);
    assert_non_null(hit);
    hit[0] = 'X';
    expect_error(ent_rd_rds_mem(ctx, "itpd_aggregated.rds", bad, uan, uc, ucn, &out, &len),
                 "element 1 (year 2000): row 2 is 'Xlgeria', country_list row 2 is 'Algeria'");
    /* a length past the end of the file is refused before allocating */
    static const unsigned char huge[] = {'X', '\n', 0, 0, 0, 3, 0, 4, 2, 2, 0, 3, 5, 0,
                                         0, 0, 0, 5, 'U', 'T', 'F', '-', '8', 0, 0, 0, 14,
                                         0x7f, 0xff, 0xff, 0xff};
    expect_error(ent_rd_rds_mem(ctx, "itpd_aggregated.rds", huge, sizeof huge, uc, ucn, &out,
                                &len),
                 "vector longer than the rest of the file");
    /* a workspace with no data frame; a list column holding numbers */
    expect_error(ent_rd_rda_frame_mem(ctx, "ps_bib.rda", uc, 40, &out, &len), "ps_bib.rda: byte");
    free(bad);
    ent_free(ctx, ua);
    ent_free(ctx, uc);
    free(a);
    free(cl);
}

/* ------------------------------------------------------------ xlsx */

static void test_xlsx_golden(void **s)
{
    (void)s;
    /* given out of order: read as DOTS_1, DOTS_2 (same reporter, same data:
     * skipped), DOTS_10; estimates flagged, the duplicate partner row kept
     * once, the partnerless row and the yearless column skipped */
    static const char *const f[] = {"DOTS_10.xlsx", "DOTS_2.xlsx", "DOTS_1.xlsx"};
    expect_set("xlsx-dots", f, 3, ',', FX "dots_expected.csv");
}

static void test_xlsx_errors(void **s)
{
    (void)s;
    char *out = NULL;
    size_t len, n;
    const char *conflict[] = {FX "DOTS_1.xlsx", FX "DOTS_5.xlsx"};
    expect_error(ent_rd_xlsx_dots(ctx, conflict, 2, &out, &len),
                 "DOTS_5.xlsx: reporter 'Afghanistan, Islamic Rep. of' also in DOTS_1.xlsx, "
                 "with other data");
    const char *nan[] = {FX "DOTS_6.xlsx"};
    expect_error(ent_rd_xlsx_dots(ctx, nan, 1, &out, &len),
                 "DOTS_6.xlsx: sheet 'Exports, FOB': cell D8 (partner 'France', 1961): value "
                 "'n/a' is not a number");
    expect_error(ent_rd_xlsx_mem(ctx, "w.xlsx", (const unsigned char *)"PK\3\4junk", 9, &out,
                                 &len),
                 "w.xlsx: not a readable xlsx (zip) file");
    /* every cut of a real workbook fails cleanly */
    char *wb = slurp(FX "DOTS_1.xlsx", &n);
    for (size_t k = 0; k < n; k += 97) {
        ent_status st = ent_rd_xlsx_mem(ctx, "DOTS_1.xlsx", (unsigned char *)wb, k, &out, &len);
        assert_int_not_equal(st, ENT_OK);
        assert_true(ent_errmsg(ctx)[0] != '\0');
    }
    assert_int_equal(ent_rd_xlsx_mem(ctx, "DOTS_1.xlsx", (unsigned char *)wb, n, &out, &len),
                     ENT_OK);
    ent_free(ctx, out);
    free(wb);
}

/* ------------------------------------------------------------ JSON */

static void test_json_golden(void **s)
{
    (void)s;
    static const char *const f[] = {"schema.json"};
    expect_set("json-schema", f, 1, ',', FX "schema.csv");
}

static void test_json_errors(void **s)
{
    (void)s;
    char *out = NULL;
    size_t len;
    static const char cut[] = "{\n  \"schema\": {\n    \"fields\": [1,\n";
    expect_error(ent_rd_json_mem(ctx, "e.json", cut, sizeof cut - 1, &out, &len),
                 "e.json:4: malformed JSON");
    static const char bad[] = "{\n  \"schema\": {\n    \"fields\": [1,}\n";
    expect_error(ent_rd_json_mem(ctx, "e.json", bad, sizeof bad - 1, &out, &len),
                 "e.json:3: malformed JSON");
    static const char nofields[] = "{\"schema\": {}}";
    expect_error(ent_rd_json_mem(ctx, "e.json", nofields, sizeof nofields - 1, &out, &len),
                 "e.json: schema.fields: missing or not an array");
    static const char num[] = "{\"schema\": {\"fields\": [{\"name\": \"a\"}, {\"name\": 7}]}}";
    expect_error(ent_rd_json_mem(ctx, "e.json", num, sizeof num - 1, &out, &len),
                 "e.json: schema.fields[1].name: not a string");
    static const char after[] = "{\"schema\": {\"fields\": []}} x";
    expect_error(ent_rd_json_mem(ctx, "e.json", after, sizeof after - 1, &out, &len),
                 "text after the value");
    static const char ok[] = "{\"schema\": {\"fields\": []}}\n\n";
    assert_int_equal(ent_rd_json_mem(ctx, "e.json", ok, sizeof ok - 1, &out, &len), ENT_OK);
    assert_string_equal(out, "name,type,description\n");
    ent_free(ctx, out);
}

/* ------------------------------------------------------------ sets */

static void test_set_helpers(void **s)
{
    (void)s;
    char hex[65], a[65], b[65], want[65], cat[129], shown[256];
    unsigned char md[SHA256_DIGEST_LENGTH];
    const char *set = "recipe=xml\n" FX "visits_1870.xml\n" FX "visits_1990.xml";
    assert_true(ent_rd_exists(set));
    assert_false(ent_rd_exists("recipe=xml\n" FX "visits_1870.xml\n" FX "nope.xml"));
    assert_false(ent_rd_exists("recipe=xml"));
    assert_int_equal(ent_rd_sha256(ctx, set, hex), ENT_OK);
    assert_int_equal(ent_sha256_file(ctx, FX "visits_1870.xml", a), ENT_OK);
    assert_int_equal(ent_sha256_file(ctx, FX "visits_1990.xml", b), ENT_OK);
    snprintf(cat, sizeof cat, "%s%s", a, b);
    SHA256((const unsigned char *)cat, 128, md);
    for (int i = 0; i < 32; i++)
        snprintf(want + 2 * i, 3, "%02x", md[i]);
    assert_string_equal(hex, want);
    assert_int_equal(ent_rd_sha256(ctx, "recipe=xml\n" FX "visits_1870.xml", hex), ENT_OK);
    assert_string_equal(hex, a); /* a set of one is that file */
    ent_rd_shown(set, "tests/fixtures", shown, sizeof shown);
    assert_string_equal(shown, "rd/visits_1870.xml ... visits_1990.xml (2 originals, recipe xml)");
    ent_rd_shown("d/x/upstream/a.rda", "d", shown, sizeof shown);
    assert_string_equal(shown, "x/upstream/a.rda");
    char *out;
    size_t len;
    assert_int_equal(ent_rd_render(ctx, "recipe=pdf\n" FX "trips.xml", ENT_RD_SET, ',', &out,
                                   &len),
                     ENT_EINVAL);
    assert_non_null(strstr(ent_errmsg(ctx), "unknown reader recipe 'pdf'"));
}

/* a rendered table past its cap says so (the 16 GiB cap itself is too big
 * to reach here: the flag it sets stands for it) */
static void test_growth_caps(void **s)
{
    (void)s;
    char *out = NULL;
    size_t len;
    ent_rdbuf b = {.ctx = ctx};
    ent_rdbuf_put(&b, "abc", 3);
    assert_int_equal(b.oom, 0);
    assert_true(b.cap >= 1 << 16); /* the first allocation */
    b.oom = 2;
    assert_int_equal(ent_rdbuf_done(&b, "big.rds", &out, &len), ENT_ENOMEM);
    assert_null(b.p);
    assert_string_equal(ent_errmsg(ctx),
                        "big.rds: rendered table over 17179869184 bytes (the cap)");
    b = (ent_rdbuf){.ctx = ctx};
    ent_rdbuf_put(&b, "abc", 3);
    ent_rdbuf_put(&b, "d", ENT_RD_TEXT_MAX); /* past the cap: refused, nothing read */
    assert_int_equal(b.oom, 2);
    assert_int_equal(ent_rdbuf_done(&b, "big.rds", &out, &len), ENT_ENOMEM);
    assert_non_null(strstr(ent_errmsg(ctx), "(the cap)"));
}

/* the manifest maps a prepared file to the set of its originals, only when
 * all of them are in the folder; their set digest maps back to upstream */
static void test_manifest_sets(void **s)
{
    (void)s;
    char dir[] = "/tmp/ent_test_setsXXXXXX", path[512];
    ent_manifest *m = NULL;
    const ent_mf_entry *p;
    assert_non_null(mkdtemp(dir));
    assert_int_equal(ent_manifest_load(ctx, NULL, &m), ENT_OK);
    p = ent_manifest_find(m, "leader_visits_us_state_dept/foreign_leader_visits_to_us.tsv");
    assert_non_null(p);
    assert_null(ent_fetch_original(ctx, dir, p->path)); /* no original here */
    snprintf(path, sizeof path, "%s/leader_visits_us_state_dept", dir);
    mkdir(path, 0777);
    snprintf(path, sizeof path, "%s/leader_visits_us_state_dept/upstream", dir);
    mkdir(path, 0777);
    char cat[64 * 32 + 1] = "";
    size_t nf = 0, k = 0;
    const char *last = NULL;
    for (const char *f = p->from; *f; nf++) {
        const char *e = strchr(f, ';');
        size_t fk = e ? (size_t)(e - f) : strlen(f);
        char rel[256];
        snprintf(rel, sizeof rel, "%.*s", (int)fk, f);
        const ent_mf_entry *o = ent_manifest_find(m, rel);
        assert_non_null(o);
        memcpy(cat + k, o->sha256, 64);
        k += 64;
        snprintf(path, sizeof path, "%s/%s", dir, rel);
        if (e) { /* leave the last one out first */
            FILE *fp = fopen(path, "w");
            assert_non_null(fp);
            fclose(fp);
        } else
            last = f;
        f += fk + (e ? 1 : 0);
    }
    assert_int_equal(nf, 16);
    assert_null(ent_fetch_original(ctx, dir, p->path)); /* one original missing */
    snprintf(path, sizeof path, "%s/%s", dir, last);
    FILE *fp = fopen(path, "w");
    fclose(fp);
    char *set = ent_fetch_original(ctx, dir, p->path);
    assert_non_null(set);
    assert_true(!strncmp(set, "recipe=xml\n", 11));
    size_t lines = 0;
    for (const char *q = set; (q = strchr(q, '\n')); q++)
        lines++;
    assert_int_equal(lines, 16);
    assert_true(ent_rd_exists(set));
    ent_free(ctx, set);
    /* the set digest of the manifest's originals names their upstream */
    unsigned char md[SHA256_DIGEST_LENGTH];
    char hex[65], up[256];
    SHA256((const unsigned char *)cat, k, md);
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
    assert_int_equal(ent_fetch_upstream(ctx, hex, up, sizeof up), ENT_OK);
    assert_string_equal(up, "HistoryAtState/visits@869ca4f");
    /* the recipes the other prepared files get */
    static const struct {
        const char *prepared, *recipe;
    } r[] = {{"imf_dots/imf_dots_exports_imports_by_partner_1960_2020_long.csv.gz", "xlsx-dots"},
             {"itpd_bilateral_trade/itpd_e_exports_aggregated_2000_2016.csv", "rds-matrices"},
             {"gdelt_sample/GDELT1_event_fields_codebook.csv", "json-schema"},
             {"leader_engagements_china_vitae/china_leader_engagements_2003-2018.tsv", "rds-tsv"},
             {"cow_states/ps_bib.csv", "rda-listcols"}};
    for (size_t i = 0; i < sizeof r / sizeof r[0]; i++) {
        const ent_mf_entry *e = ent_manifest_find(m, r[i].prepared);
        assert_non_null(e);
        for (const char *f = e->from; *f;) {
            const char *x = strchr(f, ';');
            size_t fk = x ? (size_t)(x - f) : strlen(f);
            char rel[256], d2[512];
            snprintf(rel, sizeof rel, "%.*s", (int)fk, f);
            snprintf(path, sizeof path, "%s/%s", dir, rel);
            snprintf(d2, sizeof d2, "%s", path);
            *strrchr(d2, '/') = '\0';
            *strrchr(d2, '/') = '\0';
            mkdir(d2, 0777);
            strcat(d2, "/upstream");
            mkdir(d2, 0777);
            fp = fopen(path, "w");
            assert_non_null(fp);
            fclose(fp);
            f += fk + (x ? 1 : 0);
        }
        set = ent_fetch_original(ctx, dir, r[i].prepared);
        assert_non_null(set);
        char want[64];
        snprintf(want, sizeof want, "recipe=%s\n", r[i].recipe);
        assert_true(!strncmp(set, want, strlen(want)));
        ent_free(ctx, set);
    }
    ent_manifest_free(m);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xml_golden),    cmocka_unit_test(test_xml_reader),
        cmocka_unit_test(test_xml_errors),    cmocka_unit_test(test_rds_golden),
        cmocka_unit_test(test_rds_reader),    cmocka_unit_test(test_rds_errors),
        cmocka_unit_test(test_xlsx_golden),   cmocka_unit_test(test_xlsx_errors),
        cmocka_unit_test(test_json_golden),   cmocka_unit_test(test_json_errors),
        cmocka_unit_test(test_set_helpers),   cmocka_unit_test(test_manifest_sets),
        cmocka_unit_test(test_growth_caps),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
