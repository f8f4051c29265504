/*
 * ix_common.c -- shared by cmd_compare.c, cmd_rank.c and cmd_trend.c: where
 * the notes of an index result go (stderr or after the table).
 */
#include "ix_common.h"

#include <stdio.h>
#include <string.h>

int ix_format(const char *format)
{
    return !strcmp(format, "table") || !strcmp(format, "csv") || !strcmp(format, "json");
}

int ix_print(const char *verb, ent_ctx *ctx, const ent_result *res, const char *format,
             const char *outpath, int notes_aside)
{
    int table = !strcmp(format, "table");
    ent_status st;
    for (size_t k = 0; k < ent_result_nnotes(res); k++) {
        const char *kind = ent_result_note_kind(res, k), *text = ent_result_note_text(res, k);
        if (!strcmp(kind, "coverage"))
            fprintf(stderr, "entente: %s: %s\n", verb, text);
        else if (!table && notes_aside && strcmp(kind, "info"))
            fprintf(stderr, "%s\n", text);
    }
    if ((st = ent_result_write_except(ctx, res, format, outpath, "coverage")) != ENT_OK)
        return cli_status(verb, ctx, st);
    return 0;
}
