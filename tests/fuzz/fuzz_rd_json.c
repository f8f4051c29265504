/*
 * fuzz_rd_json.c -- libFuzzer harness for
 * the BigQuery schema JSON backend (rd_json.c): the input is one
 * JSON file.
 * The check of the result is fuzz_rd.h's.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_rd.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ent_ctx *ctx = ent_ctx_new();
    char *text = NULL;
    size_t len = 0;
    ent_status st = ent_rd_json_mem(ctx, "fuzz.json", (const char *)data, size, &text,
                                    &len);
    fuzz_rd_check(ctx, st, text, len, ',', 1);
    ent_ctx_free(ctx);
    return 0;
}
