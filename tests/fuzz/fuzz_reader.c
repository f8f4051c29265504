/*
 * fuzz_reader.c -- libFuzzer harness for the delimited-file reader.  The
 * first byte picks the options (delimiter, quoting, header, ragged rows, a
 * small row cap); the rest is the file.  Every row and cell is touched so
 * that ASan sees any out-of-bounds view.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ent_ctx *ctx;
    ent_reader *r = NULL;
    ent_reader_opts o = {0};
    ent_cell *c;
    size_t n;
    ent_status st;
    volatile size_t sink = 0;
    if (size < 1)
        return 0;
    o.delim = (data[0] & 1) ? '\t' : ',';
    o.no_quotes = (data[0] >> 1) & 1;
    o.no_header = (data[0] >> 2) & 1;
    o.ragged_ok = (data[0] >> 3) & 1;
    o.max_row = (data[0] >> 4) & 1 ? 64 : 0;
    ctx = ent_ctx_new();
    st = ent_reader_open_mem(ctx, "fuzz.csv", (const char *)data + 1, size - 1, &o, &r);
    while (st == ENT_OK && (st = ent_reader_next(r, &c, &n)) == ENT_OK) {
        for (size_t i = 0; i < n; i++) {
            double d;
            sink += c[i].n + (c[i].n ? (unsigned char)c[i].p[c[i].n - 1] : 0);
            if (c[i].p[c[i].n] != '\0')
                __builtin_trap(); /* cells are NUL-terminated */
            (void)ent_cell_f64(c[i], &d);
        }
        (void)ent_reader_line(r);
    }
    if (st != ENT_OK && st != ENT_DONE && !ent_errmsg(ctx)[0])
        __builtin_trap(); /* every error has a message */
    ent_reader_close(r);
    ent_ctx_free(ctx);
    return 0;
}
