/*
 * fuzz_rd_xlsx.c -- libFuzzer harness for
 * the IMF DOTS xlsx backend (rd_xlsx.c): the input is one
 * workbook (a zip of XML parts).
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
    ent_status st = ent_rd_xlsx_mem(ctx, "DOTS_1.xlsx", data, size, &text, &len);
    fuzz_rd_check(ctx, st, text, len, ',', 1);
    ent_ctx_free(ctx);
    return 0;
}
