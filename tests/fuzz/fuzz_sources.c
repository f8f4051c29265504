/*
 * fuzz_sources.c -- libFuzzer harness for the loaders of issue 9
 * (sipri_trade_register, imf_dots, mme_exercises, us_troops): the first byte
 * picks the loader, the rest is its file.  Each input is written into a
 * scratch data folder beside a copy of the state fixtures and built with
 * `--only` into a fresh warehouse: any outcome but a crash, a leak or a
 * sanitizer report is fine (bad input must be an error, never a fault).
 * Run from the repository root (the state fixtures: tests/fixtures/states).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "entente.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct {
    const char *src, *file;
} T[] = {
    {"sipri_trade_register", "sipri_trade_register_deliveries_1995_2025_raw.csv"},
    {"imf_dots", "imf_dots_exports_imports_by_partner_1960_2020_long.csv.gz"},
    {"mme_exercises", "mme-v7-long.csv"},
    {"us_troops", "troopdata-rebuild-country-year.csv"},
};

static char dir[64];

static int copy(const char *from, const char *to)
{
    char buf[65536];
    size_t n;
    FILE *a = fopen(from, "rb"), *b = a ? fopen(to, "wb") : NULL;
    int ok = a && b;
    while (ok && (n = fread(buf, 1, sizeof buf, a)) > 0)
        ok = fwrite(buf, 1, n, b) == n;
    if (a)
        fclose(a);
    if (b)
        fclose(b);
    return ok;
}

static int setup(void)
{
    char p[256], q[256];
    strcpy(dir, "/tmp/fuzz_sources.XXXXXX");
    if (!mkdtemp(dir))
        return 0;
    snprintf(p, sizeof p, "%s/cow_states", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/country_codes", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/cow_states/cow_states.csv", dir);
    snprintf(q, sizeof q, "%s/country_codes/countrycode_codelist.csv", dir);
    if (!copy("tests/fixtures/states/cow_states/cow_states.csv", p) ||
        !copy("tests/fixtures/states/country_codes/countrycode_codelist.csv", q))
        return 0;
    for (size_t i = 0; i < sizeof T / sizeof T[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, T[i].src);
        mkdir(p, 0700);
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready = -1;
    char path[256], db[256];
    ent_ctx *ctx;
    ent_db *w = NULL;
    FILE *fp;
    size_t k;
    if (ready < 0)
        ready = setup();
    if (!ready) {
        fprintf(stderr, "fuzz_sources: run from the repository root\n");
        abort();
    }
    if (size < 1)
        return 0;
    k = data[0] % (sizeof T / sizeof T[0]);
    snprintf(path, sizeof path, "%s/%s/%s", dir, T[k].src, T[k].file);
    if (!(fp = fopen(path, "wb")))
        return 0;
    fwrite(data + 1, 1, size - 1, fp);
    fclose(fp);
    snprintf(db, sizeof db, "%s/w.db", dir);
    unlink(db);
    if (!(ctx = ent_ctx_new()))
        return 0;
    if (ent_db_open(ctx, db, 1, &w) == ENT_OK) {
        ent_build_opts o = {.datadir = dir, .only = T[k].src, .force = 1};
        (void)ent_build(w, &o);
        ent_db_close(w);
    }
    ent_ctx_free(ctx);
    unlink(path);
    return 0;
}
