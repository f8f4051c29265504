/*
 * bench_reader.c -- throughput of the delimited-file reader.
 *
 * Generates (once, under $BENCH_DIR, default /tmp) an unquoted TSV and a
 * quoted CSV of $BENCH_MB megabytes each (default 1024), reads each file once
 * to put it in the page cache, then times:
 *   - read(2) alone into a 1 MiB buffer: the ceiling;
 *   - the reader, touching every cell (length and first byte).
 * Prints GB/s and rows/s.  Target: >= 1 GB/s per core on unquoted TSV.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/reader.h"

static const char *words[] = {"USA", "RUS", "CHN", "GBR", "FRA", "JPN", "DEU", "IND"};

static void generate(const char *path, size_t bytes, int quoted)
{
    struct stat sb;
    FILE *f;
    unsigned long long x = 88172645463325252ULL;
    size_t n = 0;
    if (stat(path, &sb) == 0 && (size_t)sb.st_size >= bytes)
        return;
    f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    n += (size_t)fprintf(f, quoted ? "id,date,a1,a2,code,gold,ment,src,art,url\n"
                                   : "id\tdate\ta1\ta2\tcode\tgold\tment\tsrc\tart\turl\n");
    for (unsigned long i = 0; n < bytes; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        if (quoted)
            n += (size_t)fprintf(f, "%lu,2014%02u%02u,\"%s\",\"%s\",%03u,%.1f,%u,%u,%u,"
                                    "\"http://example.org/a,b/%lu\"\n",
                                 i, (unsigned)(x % 12) + 1, (unsigned)(x >> 8) % 28 + 1,
                                 words[x % 8], words[(x >> 3) % 8], (unsigned)(x >> 11) % 200,
                                 (double)((int)(x >> 20) % 200 - 100) / 10.0,
                                 (unsigned)(x >> 30) % 50, (unsigned)(x >> 36) % 10,
                                 (unsigned)(x >> 40) % 50, i);
        else
            n += (size_t)fprintf(f, "%lu\t2014%02u%02u\t%s\t%s\t%03u\t%.1f\t%u\t%u\t%u\t"
                                    "http://example.org/a/%lu\n",
                                 i, (unsigned)(x % 12) + 1, (unsigned)(x >> 8) % 28 + 1,
                                 words[x % 8], words[(x >> 3) % 8], (unsigned)(x >> 11) % 200,
                                 (double)((int)(x >> 20) % 200 - 100) / 10.0,
                                 (unsigned)(x >> 30) % 50, (unsigned)(x >> 36) % 10,
                                 (unsigned)(x >> 40) % 50, i);
    }
    fclose(f);
}

static double raw_read(const char *path, size_t *bytes)
{
    static char buf[1 << 20];
    int fd = open(path, O_RDONLY);
    ssize_t k;
    double t0 = ent_now();
    *bytes = 0;
    while ((k = read(fd, buf, sizeof buf)) > 0)
        *bytes += (size_t)k;
    close(fd);
    return ent_now() - t0;
}

static double run_reader(const char *path, unsigned long long *rows, size_t *sink)
{
    ent_ctx *ctx = ent_ctx_new();
    ent_reader *r = NULL;
    ent_cell *c;
    size_t n;
    ent_status st;
    double t0 = ent_now();
    if (ent_reader_open(ctx, path, NULL, &r) != ENT_OK) {
        fprintf(stderr, "%s\n", ent_errmsg(ctx));
        exit(1);
    }
    while ((st = ent_reader_next(r, &c, &n)) == ENT_OK)
        for (size_t i = 0; i < n; i++)
            *sink += c[i].n + (unsigned char)c[i].p[0];
    if (st != ENT_DONE) {
        fprintf(stderr, "%s\n", ent_errmsg(ctx));
        exit(1);
    }
    *rows = ent_reader_rows(r);
    ent_reader_close(r);
    ent_ctx_free(ctx);
    return ent_now() - t0;
}

int main(void)
{
    const char *dir = getenv("BENCH_DIR") ? getenv("BENCH_DIR") : "/tmp";
    size_t mb = getenv("BENCH_MB") ? (size_t)atol(getenv("BENCH_MB")) : 1024;
    char tsv[512], csv[512];
    const char *paths[2] = {tsv, csv};
    const char *names[2] = {"unquoted TSV", "quoted CSV"};
    snprintf(tsv, sizeof tsv, "%s/entente_bench_%zumb.tsv", dir, mb);
    snprintf(csv, sizeof csv, "%s/entente_bench_%zumb.csv", dir, mb);
    generate(tsv, mb << 20, 0);
    generate(csv, mb << 20, 1);
    printf("reader throughput, one core, files in the page cache (%zu MB each)\n", mb);
    printf("%-14s %10s %10s %12s %14s\n", "input", "read(2)", "reader", "reader GB/s", "rows/s");
    for (int k = 0; k < 2; k++) {
        size_t bytes, sink = 0;
        unsigned long long rows = 0;
        double best_raw = 1e9, best = 1e9;
        raw_read(paths[k], &bytes); /* warm the cache */
        for (int rep = 0; rep < 3; rep++) {
            double t = raw_read(paths[k], &bytes);
            if (t < best_raw) best_raw = t;
            t = run_reader(paths[k], &rows, &sink);
            if (t < best) best = t;
        }
        printf("%-14s %7.2f GB/s %7.3f s %12.2f %14.0f   (checksum %zu)\n", names[k],
               (double)bytes / best_raw / 1e9, best, (double)bytes / best / 1e9,
               (double)rows / best, sink % 1000);
    }
    return 0;
}
