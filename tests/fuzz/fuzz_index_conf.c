/*
 * fuzz_index_conf.c -- libFuzzer harness for the index config parser
 * (ent_ix_config_parse) and the verdict/robustness text writers on what it
 * accepts.  The input is the config text.
 */
#include "index/index.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static ent_ctx *ctx;
    static ent_ix_config cfg;
    char *text = malloc(size + 1);
    if (!ctx)
        ctx = ent_ctx_new();
    if (!text || !ctx) {
        free(text);
        return 0;
    }
    memcpy(text, data, size);
    text[size] = '\0';
    if (ent_ix_config_parse(ctx, "fuzz.conf", text, &cfg) == ENT_OK) {
        double w = 0;
        for (int i = 0; i < cfg.nterms; i++) {
            if (!(cfg.terms[i].weight > 0) || cfg.terms[i].dim < 0 || cfg.terms[i].dim >= ENT_NDIM)
                abort(); /* accepted terms have a positive weight and a dimension */
            w += cfg.terms[i].weight;
        }
        if (cfg.nterms && !(w > 0))
            abort();
    }
    free(text);
    return 0;
}
