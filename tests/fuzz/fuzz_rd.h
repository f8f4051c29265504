/*
 * fuzz_rd.h -- the check every reader-backend harness (fuzz_rd_*.c) makes of
 * what its backend rendered: a failure carries a message; a success is text
 * (with no NUL inside when nul_free, since a NUL would cut cells short) that
 * the CSV reader, with delimiter delim, walks to its end.  It frees text.
 */
#ifndef FUZZ_RD_H
#define FUZZ_RD_H

#include <stddef.h>
#include <string.h>

#include "core/rd.h"
#include "core/reader.h"

static void fuzz_rd_check(ent_ctx *ctx, ent_status st, char *text, size_t len, char delim,
                          int nul_free)
{
    ent_reader *r = NULL;
    ent_reader_opts o = {.delim = delim, .label = "fuzz.txt"};
    ent_cell *c;
    size_t n;

    if (st != ENT_OK) {
        if (!ent_errmsg(ctx)[0])
            __builtin_trap(); /* every error has a message */
        return;
    }
    if (nul_free && strlen(text) != len)
        __builtin_trap(); /* a NUL inside would cut cells short */
    st = ent_reader_open_mem(ctx, "fuzz.txt", text, len, &o, &r);
    while (st == ENT_OK && (st = ent_reader_next(r, &c, &n)) == ENT_OK)
        ;
    ent_reader_close(r);
    ent_free(ctx, text);
}

#endif
