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

#include "fuzz_rd.h"

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
    fuzz_rd_check(ctx, st, text, len, ',', 0);
    ent_ctx_free(ctx);
    unlink(path);
    return 0;
}
