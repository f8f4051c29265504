/*
 * fuzz_rd_rds.c -- libFuzzer harness for
 * the R serialization reader (rd_rds.c): the input is an
 * uncompressed .rds (a list of year matrices) followed by an uncompressed
 * .RData workspace (country_list), split where "RDX" begins; an input that
 * starts with "RDX" is one workspace whose data frame may have list columns.
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
    const uint8_t *cut = memmem(data, size, "RDX", 3);
    size_t an = cut ? (size_t)(cut - data) : size;
    ent_status st;
    if (cut == data) /* a workspace alone: its data frame, list columns and all */
        st = ent_rd_rda_frame_mem(ctx, "ps_bib.rda", data, size, &text, &len);
    else
        st = ent_rd_rds_mem(ctx, "itpd_aggregated.rds", data, an, cut ? cut : data,
                            cut ? size - an : 0, &text, &len);
    fuzz_rd_check(ctx, st, text, len, ',', 1);
    ent_ctx_free(ctx);
    return 0;
}
