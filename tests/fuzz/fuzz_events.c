/*
 * fuzz_events.c -- libFuzzer harness for the event scanners (GDELT 1.0/2.0
 * TSV, the CSV extracts, ICEWS) and the partial-aggregate parser.  The first
 * byte picks the format and the threading/splitting; the rest is the file.
 */
#include "events/events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int f_iso3(void *ud, const char *c, int y, int m, int d)
{
    (void)ud; (void)m; (void)d;
    return !strcmp(c, "USA") ? 2 : !strcmp(c, "RUS") ? 365 : !strcmp(c, "GEO") && y > 1991 ? 372 : -1;
}
static int f_name(void *ud, void *tls, const char *n, int y, int m, int d)
{
    (void)tls;
    return !strcmp(n, "Russia") ? f_iso3(ud, "RUS", y, m, d) : -1;
}
static const char *f_abb(void *ud, int c) { (void)ud; (void)c; return "X"; }
static const ent_ev_mapper fake = { f_iso3, f_name, NULL, NULL, f_abb, NULL, NULL };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static ent_cameo *cameo;
    if (!cameo) {
        cameo = calloc(1, sizeof *cameo);
        const char *codes[] = { "01", "010", "040", "042", "111", "190", "0874" };
        for (int i = 0; i < 7; i++) {
            int k = ent_cameo_pack(codes[i], strlen(codes[i]));
            cameo->gdelt[k] = cameo->icews[k] = 1;
            cameo->quad[k] = (uint8_t)(1 + i % 4);
        }
    }
    if (size < 1)
        return 0;
    uint8_t sel = data[0];
    ent_ctx *ctx = ent_ctx_new();
    if ((sel & 7) == 7) { /* the partial parser */
        ent_ev_result *r = NULL;
        ent_ev_partial_parse(ctx, "fuzz", (const char *)data + 1, size - 1, &r, NULL, NULL);
        ent_ev_result_free(ctx, r);
        ent_ctx_free(ctx);
        return 0;
    }
    int fd = memfd_create("fuzz_events", 0);
    if (fd < 0 || write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
        if (fd >= 0)
            close(fd);
        ent_ctx_free(ctx);
        return 0;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    const char *files[] = { path };
    static const ent_ev_format fmts[] = { EV_FMT_AUTO, EV_FMT_GDELT1, EV_FMT_GDELT2,
                                          EV_FMT_GDELT1_CSV, EV_FMT_ICEWS, EV_FMT_AUTO,
                                          EV_FMT_GDELT1 };
    ent_ev_opts o = { .format = fmts[sel & 7], .by = (ent_ev_by)((sel >> 3) % 3),
                      .key = (ent_ev_key)((sel >> 5) % 3), .threads = 1 + (sel >> 7),
                      .lenient = (sel >> 4) & 1, .split_bytes = 1 + (sel & 0x3f),
                      .nranks = 1 };
    ent_ev_result *r = NULL;
    ent_ev_run(ctx, cameo, &fake, files, 1, &o, &r);
    if (r && !r->has_error && r->read != r->aggregated + r->filtered + r->rejected)
        abort(); /* the accounting must always add up */
    ent_ev_result_free(ctx, r);
    close(fd);
    ent_ctx_free(ctx);
    return 0;
}
