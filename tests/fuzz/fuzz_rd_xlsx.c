/*
 * fuzz_rd_xlsx.c -- libFuzzer harness for
 * the IMF DOTS xlsx backend (rd_xlsx.c): the input is one
 * workbook (a zip of XML parts).
 * Every failure must carry a message; a success must be text without NUL
 * that the CSV reader walks to its end.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/rd.h"
#include "core/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ent_ctx *ctx = ent_ctx_new();
    char *text = NULL;
    size_t len = 0;
    ent_status st = ent_rd_xlsx_mem(ctx, "DOTS_1.xlsx", data, size, &text, &len);
    if (st != ENT_OK && !ent_errmsg(ctx)[0])
        __builtin_trap(); /* every error has a message */
    if (st == ENT_OK) {
        ent_reader *r = NULL;
        ent_reader_opts o = {.delim = ',', .label = "fuzz.csv"};
        ent_cell *c;
        size_t n;
        if (strlen(text) != len)
            __builtin_trap(); /* a NUL inside would cut cells short */
        st = ent_reader_open_mem(ctx, "fuzz.csv", text, len, &o, &r);
        while (st == ENT_OK && (st = ent_reader_next(r, &c, &n)) == ENT_OK)
            ;
        ent_reader_close(r);
        ent_free(ctx, text);
    }
    ent_ctx_free(ctx);
    return 0;
}
