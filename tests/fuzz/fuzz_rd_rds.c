/*
 * fuzz_rd_rds.c -- libFuzzer harness for
 * the R serialization reader (rd_rds.c): the input is an
 * uncompressed .rds (a list of year matrices) followed by an uncompressed
 * .RData workspace (country_list), split where "RDX" begins; an input that
 * starts with "RDX" is one workspace whose data frame may have list columns.
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
    const uint8_t *cut = memmem(data, size, "RDX", 3);
    size_t an = cut ? (size_t)(cut - data) : size;
    ent_status st;
    if (cut == data) /* a workspace alone: its data frame, list columns and all */
        st = ent_rd_rda_frame_mem(ctx, "ps_bib.rda", data, size, &text, &len);
    else
        st = ent_rd_rds_mem(ctx, "itpd_aggregated.rds", data, an, cut ? cut : data,
                            cut ? size - an : 0, &text, &len);
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
