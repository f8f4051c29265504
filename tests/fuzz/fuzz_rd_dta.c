/*
 * fuzz_rd_dta.c -- libFuzzer harness for the Stata backend: the input is a
 * .dta file (written to one temporary file per process: libreadstat reads
 * paths).  A failure must carry a message; a success must be text the CSV
 * reader walks to the end.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/rd.h"
#include "core/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0]) {
        snprintf(path, sizeof path, "/tmp/fuzz_rd_dta_%ld.dta", (long)getpid());
    }
    FILE *fp = fopen(path, "wb");
    if (!fp)
        return 0;
    fwrite(data, 1, size, fp);
    fclose(fp);
    ent_ctx *ctx = ent_ctx_new();
    char *text = NULL;
    size_t len = 0;
    ent_status st = ent_rd_render(ctx, path, ENT_RD_DTA, ',', &text, &len);
    if (st != ENT_OK && !ent_errmsg(ctx)[0])
        __builtin_trap();
    if (st == ENT_OK) {
        ent_reader *r = NULL;
        ent_cell *c;
        size_t n;
        st = ent_reader_open_mem(ctx, "fuzz.csv", text, len, NULL, &r);
        while (st == ENT_OK && (st = ent_reader_next(r, &c, &n)) == ENT_OK)
            ;
        ent_reader_close(r);
        ent_free(ctx, text);
    }
    ent_ctx_free(ctx);
    unlink(path);
    return 0;
}
