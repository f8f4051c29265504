/*
 * fuzz_fetch_manifest.c -- libFuzzer harness for the fetch manifest parser
 * (data/manifest.tsv): any input parses or fails with a message naming the
 * line, and every entry of a parsed manifest is a safe relative path.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fetch/fetch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ent_ctx *ctx = ent_ctx_new();
    ent_manifest *m = NULL;
    ent_status st = ent_manifest_parse(ctx, "fuzz.tsv", (const char *)data, size, &m);
    if (st != ENT_OK && !ent_errmsg(ctx)[0])
        __builtin_trap();
    if (st == ENT_OK) {
        unsigned char sel[64];
        for (size_t i = 0; i < m->n; i++) {
            const char *p = m->e[i].path;
            if (p[0] == '/' || !strncmp(p, "../", 3) || strstr(p, "/../") ||
                strlen(m->e[i].sha256) != 64)
                __builtin_trap();
            if (ent_manifest_find(m, p) != &m->e[i])
                __builtin_trap(); /* paths are unique */
        }
        if (m->n <= sizeof sel)
            (void)ent_manifest_select(m, m->n ? m->e[0].source : "x", NULL, sel);
        ent_manifest_free(m);
    }
    ent_ctx_free(ctx);
    return 0;
}
