/*
 * cmd_fetch.c -- `entente fetch`: download the pinned upstream files into a
 * data folder, or (--verify) check a folder against the manifest offline.
 */
#include "cli.h"
#include "entente/fetch.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: entente fetch [--data DIR] [--only LIST] [--mirror URL] [--jobs N] [--verify]\n"
    "                     [--retries N] [--timeout SECS] [--manifest FILE] [--quiet]\n"
    "\n"
    "Download every file a data folder needs from the upstream repositories, each\n"
    "pinned to a commit in the built-in manifest (data/manifest.tsv: URL, size,\n"
    "sha256, licence and citation per file), into DIR (default $ENTENTE_DATA or\n"
    "../shared/data).  Files already present with the right sha256 are kept.\n"
    "Each download lands in FILE.part, is checked against its size and sha256,\n"
    "and only then renamed into place: a failed, cut or mismatched download never\n"
    "replaces a file, and is reported with its URL and what was wrong.\n"
    "\n"
    "  --data DIR      the data folder to fill (created if absent)\n"
    "  --only LIST     only these data sets (comma list of folder or source names)\n"
    "  --mirror URL    take every file from URL/<owner>/<repo>/<commit>/<path>, the\n"
    "                  layout of the raw URLs (default $ENTENTE_MIRROR; unset: upstream)\n"
    "  --jobs N        parallel transfers (default 4)\n"
    "  --retries N     attempts after the first on a transient fault (default 4;\n"
    "                  backoff 1 s, doubled each time; a cut download resumes)\n"
    "  --timeout SECS  cut a transfer that stays under 1 KiB/s this long (default 60)\n"
    "  --manifest FILE use another manifest (same columns as data/manifest.tsv)\n"
    "  --verify        no network: check DIR against the manifest and list what is\n"
    "                  missing, changed or extra; exit 1 when a file is missing or\n"
    "                  changed (a missing original whose prepared form is present, or\n"
    "                  the reverse, counts as covered)\n"
    "  --quiet         only failures\n"
    "\n"
    "A terminal gets a progress bar; otherwise one line per file.  Proxies are\n"
    "taken from https_proxy / http_proxy as libcurl does.  To fill a new folder\n"
    "(about 103 MB from GitHub and npm), or take the files from a mirror:\n"
    "\n"
    "  $ entente fetch --data ~/entente-data\n"
    "  $ entente fetch --data ~/entente-data --mirror https://mirror.example.org/raw\n"
    "\n"
    "examples:\n"
    "  entente fetch --verify\n"
    "  entente fetch --verify --only atop_alliance,cow_nmc\n";

static int verify(ent_ctx *ctx, const char *data, const char *manifest, const char *only)
{
    ent_result *r = NULL;
    ent_status st = ent_fetch_check(ctx, data, manifest, only, &r);
    if (st != ENT_OK)
        return cli_status("fetch", ctx, st);
    for (size_t i = 0; i < ent_result_nrows(r); i++) {
        const char *state = ent_result_text(r, i, 1);
        if (!strcmp(state, "ok") || !strcmp(state, "covered"))
            continue;
        int nowhy = ent_result_isna(r, i, 2);
        printf("%-8s %s%s%s\n", state, ent_result_text(r, i, 0), nowhy ? "" : ": ",
               nowhy ? "" : ent_result_text(r, i, 2));
    }
    printf("verify: %s: %s\n", data, ent_result_note(r, "summary"));
    int bad = strcmp(ent_result_note(r, "verdict"), "complete") != 0;
    ent_result_free(r);
    return bad;
}

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"data", required_argument, NULL, 'd'},    {"only", required_argument, NULL, 'o'},
        {"mirror", required_argument, NULL, 'm'},  {"jobs", required_argument, NULL, 'j'},
        {"retries", required_argument, NULL, 'r'}, {"timeout", required_argument, NULL, 't'},
        {"manifest", required_argument, NULL, 'M'}, {"verify", no_argument, NULL, 'v'},
        {"quiet", no_argument, NULL, 'q'},         {NULL, 0, NULL, 0}};
    ent_fetch_opts fo = {.datadir = cli_default_data(), .retries = -1};
    ent_fetch_result res;
    int c, n, do_verify = 0, quiet = 0, rc = 0;
    const char *env = getenv("ENTENTE_MIRROR");
    ent_ctx *ctx;
    ent_status st;

    if (env && *env)
        fo.mirror = env;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'd': fo.datadir = optarg; break;
        case 'o': fo.only = optarg; break;
        case 'm': fo.mirror = *optarg ? optarg : NULL; break;
        case 'M': fo.manifest = optarg; break;
        case 'v': do_verify = 1; break;
        case 'q': quiet = 1; break;
        case 'j':
            if (!cli_int("fetch", "--jobs", optarg, &n))
                return 2;
            if (n < 1 || n > 32)
                return cli_bad(&ent_verb_fetch, "--jobs: %d is not between 1 and 32", n);
            fo.jobs = n;
            break;
        case 'r':
            if (!cli_int("fetch", "--retries", optarg, &n))
                return 2;
            if (n < 0 || n > 20)
                return cli_bad(&ent_verb_fetch, "--retries: %d is not between 0 and 20", n);
            fo.retries = n;
            break;
        case 't':
            if (!cli_int("fetch", "--timeout", optarg, &n))
                return 2;
            if (n < 1 || n > 3600)
                return cli_bad(&ent_verb_fetch, "--timeout: %d is not between 1 and 3600", n);
            fo.stall_timeout = n;
            fo.connect_timeout = n < 30 ? n : 30;
            break;
        default: return cli_usage(&ent_verb_fetch);
        }
    }
    if (optind != argc)
        return cli_bad(&ent_verb_fetch, "unexpected argument '%s'", argv[optind]);
    if (fo.mirror && strncmp(fo.mirror, "http://", 7) && strncmp(fo.mirror, "https://", 8))
        return cli_bad(&ent_verb_fetch, "--mirror: '%s' is not an http:// or https:// URL",
                       fo.mirror);
    if (!(ctx = ent_ctx_new()))
        return cli_fail("fetch", "out of memory");
    if (do_verify) {
        rc = verify(ctx, fo.datadir, fo.manifest, fo.only);
        ent_ctx_free(ctx);
        return rc;
    }
    fo.progress = stderr;
    fo.progress_bar = !quiet && isatty(fileno(stderr));
    if (quiet)
        fo.progress = NULL;
    /* past a file-size limit, write() fails with EFBIG instead of killing us */
    signal(SIGXFSZ, SIG_IGN);
    st = ent_fetch(ctx, &fo, &res);
    if (st != ENT_OK && res.failed == 0)
        rc = cli_status("fetch", ctx, st);
    else {
        fprintf(stderr, "fetch: %s: %zu fetched (%.1f MB), %zu already present, %zu failed, "
                        "in %.1f s%s\n",
                fo.datadir, res.fetched, (double)res.bytes / 1e6, res.present, res.failed,
                res.seconds, fo.mirror ? " (from the mirror)" : "");
        rc = res.failed ? 1 : 0;
    }
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_fetch = {"fetch", "download the pinned upstream data files (or --verify them)",
                                 usage, run};
