/*
 * main.c -- `entente VERB [options]`: dispatch through the verb table.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const ent_verb *const verbs[] = {
    &ent_verb_build,
    &ent_verb_states,
    &ent_verb_sources,
    &ent_verb_agree,
    &ent_verb_similarity,
    &ent_verb_meetings,
    &ent_verb_dyad,
    &ent_verb_panel,
    &ent_verb_codebook,
    &ent_verb_compare,
    &ent_verb_rank,
    &ent_verb_trend,
    &ent_verb_events,
    &ent_verb_idealpoints,
};
#define NVERBS (sizeof verbs / sizeof verbs[0])

static void usage(FILE *fp)
{
    fprintf(fp, "entente %s -- how consequential is the relationship between two states?\n\n"
                "usage: entente VERB [options]    (entente VERB --help for details)\n\n"
                "verbs:\n", ENT_VERSION);
    for (size_t i = 0; i < NVERBS; i++)
        fprintf(fp, "  %-12s %s\n", verbs[i]->name, verbs[i]->summary);
    fprintf(fp, "\ncommon options: --db FILE (default entente.db), --data DIR (default\n"
                "$ENTENTE_DATA or ../shared/data), --format table|csv|json, -o FILE.\n");
}

int cli_fail(const char *verb, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "entente: %s: ", verb);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 1;
}

int cli_status(const char *verb, ent_ctx *ctx, ent_status st)
{
    const char *m = ent_errmsg(ctx);
    return cli_fail(verb, "%s", m && *m ? m : ent_strerror(st));
}

int cli_usage(const ent_verb *v)
{
    fprintf(stderr, "%s", v->usage);
    return 2;
}

int cli_bad(const ent_verb *v, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "entente: %s: ", v->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\ntry 'entente %s --help'\n", v->name);
    return 2;
}

int cli_help(const ent_verb *v)
{
    fputs(v->usage, stdout);
    return 0;
}

const char *cli_default_db(void)
{
    const char *e = getenv("ENTENTE_DB");
    return e && *e ? e : "entente.db";
}

const char *cli_default_data(void)
{
    const char *e = getenv("ENTENTE_DATA");
    return e && *e ? e : "../shared/data";
}

int cli_open_db(const char *verb, ent_ctx *ctx, const char *path, ent_db **db)
{
    ent_status st = ent_db_open(ctx, path, 0, db);
    if (st != ENT_OK)
        return cli_status(verb, ctx, st);
    return 0;
}

int cli_int(const char *verb, const char *opt, const char *s, int *v)
{
    char *end;
    long x = strtol(s, &end, 10);
    if (!*s || *end || x < -1000000000L || x > 1000000000L) {
        cli_fail(verb, "%s: '%s' is not an integer", opt, s);
        return 0;
    }
    *v = (int)x;
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("entente %s\n", ENT_VERSION);
        return 0;
    }
    for (size_t i = 0; i < NVERBS; i++) {
        if (strcmp(argv[1], verbs[i]->name))
            continue;
        for (int a = 2; a < argc; a++)
            if (!strcmp(argv[a], "--help") || !strcmp(argv[a], "-h"))
                return cli_help(verbs[i]);
        return verbs[i]->run(argc - 1, argv + 1);
    }
    fprintf(stderr, "entente: unknown verb '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
