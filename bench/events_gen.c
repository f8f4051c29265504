/*
 * events_gen.c -- a generator of realistic GDELT 1.0 daily-export rows (TSV,
 * no header, 58 fields in the published column order) at any size, for
 * bench/events_bench.sh.
 *
 *   build/bench/events_gen -s BYTES -o FILE [--seed N] [--data DIR]
 *
 * Distributions: actor country codes are Zipf-like over a list of states
 * plus GDELT's regional codes (EUR, AFR, WST ...), and about 55% of rows
 * lack one or both actor countries, as in the real exports; event codes are
 * drawn from GDELT's CAMEO table (read from DIR/cameo_codebook, with its
 * Goldstein values) weighted towards the common statement/consult codes;
 * QuadClass follows GDELT's rule on the root code; mentions, sources and
 * articles are small heavy-tailed counts; names, geography and source URLs
 * have realistic lengths (about 330 bytes per row on average).
 * Without arguments it prints this usage and exits 0 (so `make bench` passes).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 88172645463325252ull;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static double unif(void) { return (double)(next() >> 11) / 9007199254740992.0; }
static int below(int n) { return (int)(next() % (uint64_t)n); }

static const char *const states[] = {
    "USA", "GBR", "RUS", "CHN", "FRA", "DEU", "ISR", "IRN", "IND", "PAK", "AFG", "IRQ", "SYR",
    "TUR", "JPN", "AUS", "CAN", "EGY", "UKR", "KOR", "PRK", "SAU", "NGA", "ZAF", "MEX", "BRA",
    "ITA", "ESP", "LBY", "KEN", "YEM", "LBN", "PHL", "IDN", "MYS", "THA", "VNM", "GRC", "POL",
    "SDN", "SOM", "ETH", "NLD", "BEL", "CHE", "SWE", "NOR", "DNK", "IRL", "NZL", "ARG", "COL",
    "VEN", "CUB", "GEO", "ARM", "AZE", "KAZ", "UZB", "BLR", "SRB", "HRV", "BGD", "LKA", "NPL",
    "MMR", "QAT", "ARE", "JOR", "KWT", "TUN", "DZA", "MAR", "MLI", "COD", "UGA", "ZWE", "CHL",
    "PER", "ECU"
};
static const char *const regions[] = { "EUR", "AFR", "WST", "MEA", "ASA", "SAS", "PSE", "LAM" };
static const char *const words[] = {
    "PRESIDENT", "GOVERNMENT", "POLICE", "MILITARY", "PRIME MINISTER", "PARLIAMENT", "REBEL",
    "PROTESTER", "COMPANY", "MEDIA", "OPPOSITION", "MINISTRY", "CITIZEN", "SECURITY FORCE"
};
static const char *const types[] = { "GOV", "MIL", "COP", "BUS", "MED", "OPP", "REB", "CVL", "" };
static const char *const places[] = {
    "Washington, District of Columbia, United States", "Moscow, Moskva, Russia",
    "Beijing, Beijing, China", "London, London, City of, United Kingdom", "Paris, France (general), France",
    "Tehran, Tehran, Iran", "Kabul, Kabol, Afghanistan", "Tbilisi, Georgia (general), Georgia",
    "New Delhi, NCT, India", "Damascus, Dimashq, Syria", "Kiev, Kyyiv, Misto, Ukraine"
};
static const char *const hosts[] = { "www.reuters.com", "www.bbc.co.uk", "www.nytimes.com",
                                     "timesofindia.indiatimes.com", "www.aljazeera.com",
                                     "www.theguardian.com", "news.yahoo.com", "www.rferl.org" };

static char codes[400][5];
static double golds[400];
static double cum[400];
static int ncodes;

static int load_codes(const char *dir)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/cameo_codebook/GDELT_CAMEO.goldsteinscale.txt", dir);
    FILE *fp = fopen(path, "r");
    if (!fp) {
        fprintf(stderr, "events_gen: cannot open %s (use --data DIR)\n", path);
        return 0;
    }
    char line[256];
    double total = 0;
    while (fgets(line, sizeof line, fp) && ncodes < 400) {
        char c[16];
        double g;
        if (sscanf(line, "%15s %lf", c, &g) != 2 || strlen(c) < 3 || strlen(c) > 4)
            continue;
        strcpy(codes[ncodes], c);
        golds[ncodes] = g;
        /* common codes (statements, consults, appeals) dominate real data */
        int root = (c[0] - '0') * 10 + (c[1] - '0');
        double w = root <= 5 ? 12.0 : root <= 9 ? 3.0 : root <= 14 ? 4.0 : 2.0;
        if (strlen(c) == 3 && c[2] == '0')
            w *= 4;
        total += w;
        cum[ncodes++] = total;
    }
    fclose(fp);
    for (int i = 0; i < ncodes; i++)
        cum[i] /= total;
    return ncodes > 100;
}

static const char *country(void)
{
    double u = unif();
    if (u < 0.55 * 0.5)
        return "";
    if (u < 0.30)
        return regions[below(8)];
    /* Zipf over states */
    double z = unif();
    int n = (int)(sizeof states / sizeof states[0]);
    int i = (int)(n * z * z * z);
    return states[i < n ? i : n - 1];
}

int main(int argc, char **argv)
{
    long long size = 0;
    const char *out = NULL, *data = getenv("DATA");
    if (!data)
        data = "../shared/data";
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-s") && i + 1 < argc)
            size = (long long)strtod(argv[++i], NULL);
        else if (!strcmp(argv[i], "-o") && i + 1 < argc)
            out = argv[++i];
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            rng = strtoull(argv[++i], NULL, 10) * 2654435761ull + 1;
        else if (!strcmp(argv[i], "--data") && i + 1 < argc)
            data = argv[++i];
    }
    if (!size || !out) {
        printf("usage: events_gen -s BYTES -o FILE [--seed N] [--data DIR]\n"
               "  realistic GDELT 1.0 rows; the side-by-side benchmark is sh bench/events_bench.sh\n");
        return 0;
    }
    if (!load_codes(data))
        return 1;
    FILE *fp = fopen(out, "w");
    if (!fp) {
        perror(out);
        return 1;
    }
    static char buf[1 << 20];
    setvbuf(fp, buf, _IOFBF, sizeof buf);
    long long written = 0, id = 300000000;
    while (written < size) {
        char row[2048];
        int n = 0;
        int y = 2013 + below(3), m = 1 + below(12), d = 1 + below(28);
        const char *a1 = country(), *a2 = country();
        double u = unif();
        int ci = 0;
        while (ci < ncodes - 1 && cum[ci] < u)
            ci++;
        const char *code = codes[ci];
        int root = (code[0] - '0') * 10 + (code[1] - '0');
        int quad = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
        int ment = 1 + (int)(10 * unif() * unif() * unif() * 10);
        int src = 1 + ment / 4, art = ment - below(ment > 1 ? 2 : 1);
        const char *t1 = types[below(9)], *t2 = types[below(9)];
        const char *w1 = *a1 ? words[below(14)] : "", *w2 = *a2 ? words[below(14)] : "";
        const char *pl = places[below(11)];
        n += snprintf(row + n, sizeof row - (size_t)n,
                      "%lld\t%04d%02d%02d\t%04d%02d\t%04d\t%04d.%04d\t"
                      "%s%s\t%s\t%s\t\t\t\t\t%s\t\t\t"
                      "%s%s\t%s\t%s\t\t\t\t\t%s\t\t\t"
                      "%d\t%s\t%.3s\t%.2s\t%d\t%.1f\t%d\t%d\t%d\t%.14f\t",
                      id++, y, m, d, y, m, y, y, (m * 30 + d) * 10000 / 365, a1, t1, *a1 ? w1 : "",
                      a1, t1, a2, t2, *a2 ? w2 : "", a2, t2, below(2), code, code, code, quad,
                      golds[ci], ment, src, art, (unif() - 0.5) * 20);
        for (int g = 0; g < 3; g++) {
            int has = g == 2 || unif() < 0.6;
            if (has)
                n += snprintf(row + n, sizeof row - (size_t)n, "%d\t%s\t%.2s\t%.2s%02d\t%.4f\t%.4f\t%d\t",
                              1 + below(4), pl, pl, pl, below(99), unif() * 180 - 90,
                              unif() * 360 - 180, -below(3000000));
            else
                n += snprintf(row + n, sizeof row - (size_t)n, "0\t\t\t\t\t\t\t");
        }
        n += snprintf(row + n, sizeof row - (size_t)n,
                      "%04d%02d%02d\thttp://%s/news/%04d/%02d/%02d/world-%08x-story-%x.html\n", y,
                      m, d, hosts[below(8)], y, m, d, (unsigned)next(), (unsigned)below(1 << 20));
        fwrite(row, 1, (size_t)n, fp);
        written += n;
    }
    if (fclose(fp) != 0) {
        perror(out);
        return 1;
    }
    return 0;
}
