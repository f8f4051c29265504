/*
 * ix_common.c -- shared by cmd_compare.c, cmd_rank.c and cmd_trend.c: the
 * run of one index call, and where the notes of its result go (stderr or
 * after the table).
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

int ix_run(const ent_verb *verb, const char *dbpath, const ent_index_opts *o, ix_call call,
           const char *format, const char *outpath, int notes_aside)
{
    ent_ctx *ctx;
    ent_db *db = NULL;
    ent_result *res = NULL;
    ent_status st;
    int rc;

    if (!(ctx = ent_ctx_new()))
        return cli_fail(verb->name, "out of memory");
    if (ent_index_check(ctx, o) != ENT_OK) /* bad values, before any warehouse is read */
        rc = cli_bad(verb, "%s", ent_errmsg(ctx));
    else if ((rc = cli_open_db(verb->name, ctx, dbpath, &db)))
        ;
    else if ((st = call(db, o, &res)) != ENT_OK)
        rc = cli_status(verb->name, ctx, st);
    else
        rc = ix_print(verb->name, ctx, res, format, outpath, notes_aside);
    ent_result_free(res);
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}
