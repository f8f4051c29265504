/*
 * main.c -- `entente VERB [options]`: dispatch through the verb table.
 */
#include "cli.h"

#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
    &ent_verb_fetch,
    &ent_verb_report,
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
    fprintf(fp, "\ncommon options: --db FILE (default $ENTENTE_DB or entente.db), --data DIR\n"
                "(default $ENTENTE_DATA or ../shared/data), --format table|csv|json, -o FILE.\n"
                "--db and --data may also come before the verb: entente --db w.db dyad CHN RUS.\n"
                "entente help VERB prints one verb's help.\n");
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

int cli_optbad(const ent_verb *v, int c, char **argv)
{
    const char *arg = optind > 0 ? argv[optind - 1] : "?";
    if (c == ':')
        return cli_bad(v, "option '%s' needs a value", arg);
    if (optopt && arg[0] == '-' && arg[1] != '-')
        return cli_bad(v, "unknown option '-%c'", optopt);
    return cli_bad(v, "unknown option '%s'", arg);
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

int cli_parse_int(const char *s, int *v)
{
    char *end;
    long x = strtol(s, &end, 10);
    if (!*s || *end || x < -1000000000L || x > 1000000000L)
        return 0;
    *v = (int)x;
    return 1;
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

int cli_format_ok(const char *s)
{
    return !strcmp(s, "table") || !strcmp(s, "csv") || !strcmp(s, "json");
}

int cli_print(const char *verb, ent_ctx *ctx, ent_result *r, const char *format,
              const char *path, const char *footer)
{
    char prefix[64];
    ent_print_opts o = {0};
    ent_status st;
    snprintf(prefix, sizeof prefix, "entente: %s: ", verb);
    o.format = format;
    o.path = path;
    o.warn = stderr;
    o.warn_prefix = prefix;
    o.footer = footer;
    st = ent_result_print(ctx, r, &o);
    ent_result_free(r);
    return st == ENT_OK ? 0 : cli_status(verb, ctx, st);
}

double cli_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static const ent_verb *find_verb(const char *name)
{
    for (size_t i = 0; i < NVERBS; i++)
        if (!strcmp(name, verbs[i]->name))
            return verbs[i];
    return NULL;
}

/* global_opt takes --db FILE / --data DIR (or --db=FILE) placed before the
 * verb; they become $ENTENTE_DB / $ENTENTE_DATA, which every verb reads as
 * its default.  Returns the number of arguments used, 0 when argv[i] is not
 * one, -1 when its value is missing. */
static int global_opt(int argc, char **argv, int i)
{
    static const char *const names[][2] = {{"--db", "ENTENTE_DB"}, {"--data", "ENTENTE_DATA"}};
    for (size_t k = 0; k < 2; k++) {
        size_t n = strlen(names[k][0]);
        if (strncmp(argv[i], names[k][0], n))
            continue;
        if (argv[i][n] == '=') {
            setenv(names[k][1], argv[i] + n + 1, 1);
            return 1;
        }
        if (argv[i][n])
            continue;
        if (i + 1 >= argc)
            return -1;
        setenv(names[k][1], argv[i + 1], 1);
        return 2;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const ent_verb *v;
    int k;
    /* past `ulimit -f`, write() fails with EFBIG and the error is reported
     * (with the path) instead of the process dying of SIGXFSZ unannounced */
    signal(SIGXFSZ, SIG_IGN);
    while (argc > 1 && (k = global_opt(argc, argv, 1)) != 0) {
        if (k < 0) {
            fprintf(stderr, "entente: option '%s' needs a value\ntry 'entente --help'\n", argv[1]);
            return 2;
        }
        argv[k] = argv[0];
        argv += k;
        argc -= k;
    }
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        if (argc > 2 && strcmp(argv[1], "help") == 0) {
            if ((v = find_verb(argv[2])))
                return cli_help(v);
            fprintf(stderr, "entente: help: unknown verb '%s'\ntry 'entente --help'\n", argv[2]);
            return 2;
        }
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("entente %s\n", ENT_VERSION);
        return 0;
    }
    if ((v = find_verb(argv[1]))) {
        for (int a = 2; a < argc; a++)
            if (!strcmp(argv[a], "--help") || !strcmp(argv[a], "-h"))
                return cli_help(v);
        return v->run(argc - 1, argv + 1);
    }
    fprintf(stderr, "entente: unknown verb '%s'\ntry 'entente --help'\n", argv[1]);
    return 2;
}
