/*
 * fuzz_unga_votes.c -- libFuzzer harness for the unga_votes_voeten loader
 * (the wide UN-votes CSV): each input is written as
 * unga_votes_voeten/ungaVoting_003.csv beside the fixture state registry
 * (tests/fixtures/states) in a scratch folder and built into a scratch
 * warehouse with the derived un_agree.  A load either succeeds with its row
 * accounting balanced (ent_build checks it) or fails with a message; a
 * crash, a sanitizer report or a failure without a message is a bug.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "entente.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

static void cleanup(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        return;
}

static int setup(void)
{
    char cmd[512];
    snprintf(dir, sizeof dir, "/tmp/fuzz_unga_%ld", (long)getpid());
    snprintf(cmd, sizeof cmd,
             "rm -rf %s && mkdir -p %s/unga_votes_voeten && cp -r tests/fixtures/states/* %s/",
             dir, dir, dir);
    atexit(cleanup);
    return system(cmd) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    char path[128], dbpath[128];
    ent_ctx *ctx;
    ent_db *db = NULL;
    FILE *f;
    if (!ready && !(ready = setup()))
        abort(); /* run from the repository root */
    snprintf(path, sizeof path, "%s/unga_votes_voeten/ungaVoting_003.csv", dir);
    snprintf(dbpath, sizeof dbpath, "%s/w.db", dir);
    if (!(f = fopen(path, "wb")))
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
    unlink(dbpath);
    ctx = ent_ctx_new();
    if (!ctx)
        return 0;
    if (ent_db_open(ctx, dbpath, 1, &db) == ENT_OK) {
        ent_build_opts o = {dir, "states,unga_votes_voeten,un_agree", 1};
        if (ent_build(db, &o) != ENT_OK && !ent_errmsg(ctx)[0])
            __builtin_trap(); /* every failure has a message */
    }
    ent_db_close(db);
    ent_ctx_free(ctx);
    return 0;
}
