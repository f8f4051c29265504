/*
 * testutil.h -- shared helpers for the cmocka unit tests.
 */
#ifndef ENT_TESTUTIL_H
#define ENT_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "entente.h"

/* assert_near checks |a - b| <= tol, printing both on failure. */
#define assert_near(a, b, tol)                                                        \
    do {                                                                              \
        double a_ = (a), b_ = (b);                                                    \
        if (!(fabs(a_ - b_) <= (tol)))                                                \
            fail_msg("%s = %.6f, expected %.6f (tol %g)", #a, a_, b_, (double)(tol)); \
    } while (0)

#define assert_nan(a)                                       \
    do {                                                    \
        double a_ = (a);                                    \
        if (!isnan(a_))                                     \
            fail_msg("%s = %.6f, expected missing", #a, a_); \
    } while (0)

/* tu_scratch makes the scratch folder /tmp/NAME_XXXXXX of one test program
 * into dir (cap bytes); 0, or -1 when it cannot.  tu_scratch_rm removes it. */
static inline int tu_scratch(char *dir, size_t cap, const char *name)
{
    snprintf(dir, cap, "/tmp/%s_XXXXXX", name);
    return mkdtemp(dir) ? 0 : -1;
}

static inline int tu_scratch_rm(const char *dir)
{
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) ? -1 : 0;
}

/* tu_link_in puts a symbolic link to the fixture folder src (a path from the
 * top of the tree) into the data folder dir/d, making dir/d first; 0 or -1. */
static inline int tu_link_in(const char *dir, const char *src)
{
    char abs[PATH_MAX], to[PATH_MAX];
    const char *base = strrchr(src, '/');
    snprintf(to, sizeof to, "%s/d", dir);
    if ((mkdir(to, 0700) && access(to, F_OK)) || !realpath(src, abs))
        return -1;
    snprintf(to, sizeof to, "%s/d/%s", dir, base ? base + 1 : src);
    return symlink(abs, to);
}

/* tu_warehouse creates the warehouse dir/FILE and builds it from datadir
 * (NULL: dir/d, the folder tu_link_in fills), loading only the comma list
 * only (NULL: every source found); 0, or -1 when it cannot. */
static inline int tu_warehouse(ent_ctx *ctx, const char *dir, const char *file,
                               const char *datadir, const char *only, ent_db **db)
{
    char d[PATH_MAX], path[PATH_MAX];
    ent_build_opts bo = {d, only, 0, 0};
    if (datadir)
        snprintf(d, sizeof d, "%s", datadir);
    else
        snprintf(d, sizeof d, "%s/d", dir);
    snprintf(path, sizeof path, "%s/%s", dir, file);
    return ent_db_open(ctx, path, 1, db) == ENT_OK && ent_build(*db, &bo) == ENT_OK ? 0 : -1;
}

/* tu_votes_fixture makes the scratch folder of test program name in dir
 * (cap bytes), a context, and the warehouse w.db built from the registry
 * fixture (tests/fixtures/states) and the UN votes of sessions 75-78
 * (tests/fixtures/srcdata/unga_votes_voeten); 0, or -1 when it cannot. */
static inline int tu_votes_fixture(char *dir, size_t cap, const char *name, ent_ctx **ctx,
                                   ent_db **db)
{
    if (tu_scratch(dir, cap, name) || tu_link_in(dir, "tests/fixtures/states/cow_states") ||
        tu_link_in(dir, "tests/fixtures/states/country_codes") ||
        tu_link_in(dir, "tests/fixtures/srcdata/unga_votes_voeten") || !(*ctx = ent_ctx_new()))
        return -1;
    return tu_warehouse(*ctx, dir, "w.db", NULL, "states,unga_votes_voeten,un_agree", db);
}

/* tu_failing_alloc is an allocation hook (ent_ctx_set_alloc) that fails
 * once tu_alloc_left allocations have been made, counting in tu_alloc_live
 * the blocks not yet freed: set tu_alloc_left = N, tu_alloc_live = 0, run,
 * and a call that handles every failure leaves tu_alloc_live at 0. */
static long tu_alloc_left, tu_alloc_live;
static inline void *tu_failing_alloc(void *ud, void *p, size_t n)
{
    (void)ud;
    if (n == 0) {
        if (p)
            tu_alloc_live--;
        free(p);
        return NULL;
    }
    if (tu_alloc_left-- <= 0)
        return NULL;
    if (!p)
        tu_alloc_live++;
    return realloc(p, n);
}

/* tu_slurp reads a small file (under 64 KiB) into a static buffer: "" when
 * it is missing. */
static inline const char *tu_slurp(const char *path)
{
    static char buf[1 << 16];
    FILE *fp = fopen(path, "rb");
    size_t n = fp ? fread(buf, 1, sizeof buf - 1, fp) : 0;
    if (fp)
        fclose(fp);
    buf[n] = 0;
    return buf;
}

#endif
