/*
 * report.c -- ent_report (entente/report.h): the report module's gatherer,
 * renderer and writer (src/report) behind one call, and the command line
 * that makes the page again.
 */
#include "entente/report.h"
#include "entente/index.h"
#include "result.h"
#include "index/index.h"
#include "report/html.h"
#include "report/svg.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

/* shell_word appends s to b as one shell word */
static void shell_word(ent_sb *b, const char *s)
{
    if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                        "-_./:@,=+%") == strlen(s)) {
        ent_sb_puts(b, s);
        return;
    }
    ent_sb_puts(b, "'");
    for (; *s; s++) {
        if (*s == '\'')
            ent_sb_puts(b, "'\\''");
        else
            ent_sb_put(b, s, 1);
    }
    ent_sb_puts(b, "'");
}

static void opt_word(ent_sb *b, const char *opt, const char *val)
{
    if (!val)
        return;
    ent_sb_printf(b, " %s ", opt);
    shell_word(b, val);
}

static void opt_int(ent_sb *b, const char *opt, long long v)
{
    char num[32];
    snprintf(num, sizeof num, "%lld", v);
    opt_word(b, opt, num);
}

/* command writes the `entente report` line that makes the page again */
static void command(ent_sb *b, const ent_report_opts *o, const ent_rp_opts *ro, const ent_rp *rp,
                    const char *path)
{
    ent_sb_puts(b, "entente report ");
    shell_word(b, o->subject);
    opt_word(b, "--with", o->group);
    opt_int(b, "--from", rp->from);
    opt_int(b, "--to", rp->to);
    if (o->year)
        opt_int(b, "--year", o->year);
    opt_int(b, "--draws", ro->draws);
    opt_int(b, "--seed", ro->seed);
    opt_word(b, "--config", o->config);
    opt_word(b, "--normalize", o->normalize);
    opt_word(b, "--db", o->dbname);
    opt_word(b, "--svg", o->svgdir);
    opt_word(b, "-o", path);
}

ent_status ent_report_check(ent_ctx *ctx, const ent_report_opts *o)
{
    if (!o->from != !o->to)
        return ent_err(ctx, ENT_EINVAL, "give from and to together");
    if (o->from > o->to)
        return ent_err(ctx, ENT_EINVAL, "from %d is after to %d", o->from, o->to);
    if (o->to - o->from > 250)
        return ent_err(ctx, ENT_EINVAL, "from %d to %d: at most 250 years", o->from, o->to);
    if (o->draws < 0 || o->draws > ENT_INDEX_MAX_DRAWS)
        return ent_err(ctx, ENT_EINVAL, "draws %d: give 1 to %d", o->draws, ENT_INDEX_MAX_DRAWS);
    if (o->normalize && ent_norm_parse(o->normalize) < 0)
        return ent_err(ctx, ENT_EINVAL, "normalize: '%s' is not percentile, zlog or minmax",
                       o->normalize);
    return ENT_OK;
}

ent_status ent_report(ent_db *db, const ent_report_opts *o, const char *path, ent_result **out)
{
    static const ent_result_coldef cols[] = {
        {"subject", ENT_COL_TEXT, 0}, {"group", ENT_COL_TEXT, 0}, {"from", ENT_COL_INT, 0},
        {"to", ENT_COL_INT, 0},       {"year", ENT_COL_INT, 0},   {"charts", ENT_COL_INT, 0},
        {"path", ENT_COL_TEXT, 0},    {"svgdir", ENT_COL_TEXT, 0}};
    ent_ctx *ctx = db->ctx;
    ent_rp_opts ro = {0};
    ent_rp rp = {0};
    ent_rp_page pg = {0};
    ent_result *r = NULL;
    ent_sb cmd;
    ent_status st;

    *out = NULL;
    if (!o->subject || !o->group || !path || !*path)
        return ent_err(ctx, ENT_EINVAL, "report: the subject, the group and the page's path "
                                        "are required");
    if ((st = ent_report_check(ctx, o)) != ENT_OK)
        return st;
    ro.norm = o->normalize ? (ent_norm)ent_norm_parse(o->normalize) : ENT_NORM_PCT;
    ro.pair = o->subject;
    ro.group = o->group;
    ro.config = o->config;
    ro.from = o->from;
    ro.to = o->to;
    ro.year = o->year;
    ro.draws = o->draws ? o->draws : 1000;
    ro.seed = (long long)o->seed;
    if ((st = ent_rp_gather(ctx, db, &ro, &rp)) != ENT_OK)
        return st;
    ent_sb_init(&cmd, ctx);
    command(&cmd, o, &ro, &rp, path);
    snprintf(rp.command, sizeof rp.command, "%s", cmd.p ? cmd.p : "");
    ent_sb_free(&cmd);
    if ((st = ent_rp_render(ctx, &rp, &pg)) != ENT_OK ||
        (st = ent_result_new(ctx, cols, sizeof cols / sizeof cols[0], &r)) != ENT_OK)
        goto out;
    ent_result_row(r);
    ent_result_set_text(r, 0, rp.subject);
    ent_result_set_text(r, 1, rp.group);
    ent_result_set_int(r, 2, rp.from);
    ent_result_set_int(r, 3, rp.to);
    ent_result_set_int(r, 4, rp.year);
    ent_result_set_int(r, 5, pg.ncharts);
    ent_result_set_text(r, 6, path);
    ent_result_set_text(r, 7, o->svgdir);
    if ((st = ent_result_ok(r)) != ENT_OK ||
        (st = ent_rp_write(ctx, &pg, path, o->svgdir)) != ENT_OK)
        goto out;
    *out = r;
    r = NULL;
out:
    ent_result_free(r);
    ent_rp_page_free(&pg);
    ent_rp_free(&rp);
    return st;
}
