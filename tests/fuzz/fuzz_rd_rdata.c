/*
 * fuzz_rd_rdata.c -- libFuzzer harness for the R data backend: the input is
 * an .rda/.rds file, possibly gzip/bzip2/xz compressed.  A render must end
 * with a message on failure, and on success be text the CSV reader walks.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_rd.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* librdata trusts the vector lengths in a file: a damaged header makes it ask
 * for gigabytes (or a negative size) before it notices the data missing, and
 * it fails cleanly when that allocation fails, as it does outside ASan.  So
 * let huge allocations fail (allocator_may_return_null) instead of counting
 * them as crashes, and lift libFuzzer's malloc cap (-rss_limit_mb=0; the
 * backend itself caps decompression at 2 GiB). */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "allocator_may_return_null=1";
}

/* leaks inside librdata.so are suppressed by src/core/rd_rdata.c */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static char *args[64];
    static char lim[] = "-rss_limit_mb=0";
    int n = *argc < 62 ? *argc : 62;
    memcpy(args, *argv, (size_t)n * sizeof *args);
    args[n++] = lim;
    args[n] = NULL;
    *argc = n;
    *argv = args;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ent_ctx *ctx = ent_ctx_new();
    char *text = NULL;
    size_t len = 0;
    ent_status st = ent_rd_rdata_mem(ctx, "fuzz.rda", data, size, ',', &text, &len);
    fuzz_rd_check(ctx, st, text, len, ',', 1);
    ent_ctx_free(ctx);
    return 0;
}
