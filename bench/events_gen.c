/*
 * events_gen.c -- a generator of realistic GDELT 1.0 export rows (TSV, no
 * header, 58 fields in the published column order) at any size, for
 * bench/events_bench.sh.
 *
 *   build/bench/events_gen -s BYTES -o FILE [--shape history|present]
 *                          [--seed N] [--data DIR]
 *
 * Two shapes:
 *   history (default) -- the whole GDELT 1.0 history: event dates from 1979
 *     to the current year, the yearly volume following GDELT's (the yearly
 *     backfile files 1979-2005, the monthly 2006-2013 and the daily files
 *     after; see year_weight below): about 100x more events in 2013 than in
 *     1979, a peak in 2013-2015 and a slow decline after.  Actor countries
 *     are drawn from the full CAMEO country list: the 249 ISO 3166 alpha-3
 *     codes (DIR/country_codes/countrycode_codelist.csv, column iso3c) plus
 *     CAMEO's 25 regional codes (AFR, EUR, WST, MEA, ...), about 274 codes,
 *     with a Zipf skew (weight 1/rank: USA, GBR, RUS, CHN ... first, regional
 *     codes about 4% of coded actors).  Dates are spread over the year.
 *   present -- the 2013-2015 shape of the daily exports (the first version of
 *     this benchmark, kept byte for byte for comparison): three years, 80
 *     states and 8 regional codes, a steeper Zipf-like skew (rank ~ u^3).
 * In both, about 55% of rows lack one or both actor countries, as in the
 * real exports (each actor is blank with probability 0.275); event codes are
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
#include <time.h>

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

/* Relative yearly volume of GDELT 1.0 (1979 = 1), read off the sizes of
 * GDELT's published files: yearly backfile zips of about 60 MB (1979) to
 * 550 MB (2005), monthly zips of 2006-2013 growing to about 250 MB a month,
 * daily zips of 10-15 MB in 2013-2015.  Years after the table repeat its
 * last value. */
static const struct { int year; double w; } year_weight[] = {
    { 1979, 1.0 },  { 1980, 1.1 },  { 1981, 1.2 },  { 1982, 1.3 },  { 1983, 1.4 },
    { 1984, 1.5 },  { 1985, 1.6 },  { 1986, 1.7 },  { 1987, 1.8 },  { 1988, 1.9 },
    { 1989, 2.1 },  { 1990, 2.3 },  { 1991, 2.6 },  { 1992, 2.8 },  { 1993, 3.0 },
    { 1994, 3.2 },  { 1995, 3.5 },  { 1996, 3.8 },  { 1997, 4.2 },  { 1998, 4.6 },
    { 1999, 5.0 },  { 2000, 5.6 },  { 2001, 6.3 },  { 2002, 7.0 },  { 2003, 7.8 },
    { 2004, 8.6 },  { 2005, 9.5 },  { 2006, 15.0 }, { 2007, 20.0 }, { 2008, 26.0 },
    { 2009, 33.0 }, { 2010, 42.0 }, { 2011, 55.0 }, { 2012, 75.0 }, { 2013, 100.0 },
    { 2014, 95.0 }, { 2015, 85.0 }, { 2016, 75.0 }, { 2017, 68.0 }, { 2018, 62.0 },
    { 2019, 58.0 }, { 2020, 55.0 },
};
#define NYW ((int)(sizeof year_weight / sizeof year_weight[0]))
static double ycum[400];
static int ny, ylo;

/* CAMEO's regional actor codes (CAMEO manual 1.1b3, 3.3) */
static const char *const cameo_regions[] = {
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM",
    "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST"
};
#define NREG ((int)(sizeof cameo_regions / sizeof cameo_regions[0]))
static char all_codes[400][4];
static double ccum[400];
static int nall;

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

/* one field of a CSV line (quotes allowed), copied into out[cap] */
static int csv_field(const char *line, int want, char *out, size_t cap)
{
    int f = 0, q = 0;
    size_t n = 0;
    for (const char *p = line; *p && *p != '\n' && *p != '\r'; p++) {
        if (*p == '"') {
            q = !q;
        } else if (*p == ',' && !q) {
            if (f++ == want)
                break;
        } else if (f == want && n + 1 < cap) {
            out[n++] = *p;
        }
    }
    out[n] = 0;
    return f >= want;
}

static int load_countries(const char *dir)
{
    char path[1024], line[8192], cell[64];
    snprintf(path, sizeof path, "%s/country_codes/countrycode_codelist.csv", dir);
    FILE *fp = fopen(path, "r");
    if (!fp) {
        fprintf(stderr, "events_gen: cannot open %s (use --data DIR)\n", path);
        return 0;
    }
    int col = -1;
    if (fgets(line, sizeof line, fp))
        for (int i = 0; i < 200 && col < 0; i++)
            if (csv_field(line, i, cell, sizeof cell) && !strcmp(cell, "iso3c"))
                col = i;
    if (col < 0) {
        fprintf(stderr, "events_gen: %s has no iso3c column\n", path);
        fclose(fp);
        return 0;
    }
    /* the most frequent states first, in the order of states[] */
    int nst = (int)(sizeof states / sizeof states[0]);
    for (int i = 0; i < nst; i++)
        memcpy(all_codes[nall++], states[i], 4);
    while (fgets(line, sizeof line, fp) && nall < 400 - NREG) {
        if (!csv_field(line, col, cell, sizeof cell) || strlen(cell) != 3 || !strcmp(cell, "NA"))
            continue;
        int dup = 0;
        for (int i = 0; i < nall && !dup; i++)
            dup = !strcmp(all_codes[i], cell);
        if (!dup)
            memcpy(all_codes[nall++], cell, 4);
    }
    fclose(fp);
    int nstates = nall;
    double total = 0;
    for (int i = 0; i < nstates; i++)
        ccum[i] = total += 1.0 / (i + 1);
    /* regional codes: 4% of coded actors, Zipf among themselves */
    double rt = 0;
    for (int i = 0; i < NREG; i++)
        rt += 1.0 / (i + 1);
    double scale = total * 0.04 / 0.96 / rt;
    for (int i = 0; i < NREG; i++) {
        memcpy(all_codes[nall], cameo_regions[i], 4);
        ccum[nall++] = total += scale / (i + 1);
    }
    for (int i = 0; i < nall; i++)
        ccum[i] /= total;
    return nstates > 200;
}

static int pick(const double *cw, int n, double u)
{
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (cw[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static const char *country_history(void)
{
    if (unif() < 0.275)
        return "";
    return all_codes[pick(ccum, nall, unif())];
}

static void years_init(int last)
{
    double total = 0;
    ylo = year_weight[0].year;
    ny = last - ylo + 1;
    for (int i = 0; i < ny; i++) {
        double w = year_weight[i < NYW ? i : NYW - 1].w;
        ycum[i] = total += w;
    }
    for (int i = 0; i < ny; i++)
        ycum[i] /= total;
}

int main(int argc, char **argv)
{
    int history = 1;
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
        else if (!strcmp(argv[i], "--shape") && i + 1 < argc) {
            const char *sh = argv[++i];
            if (strcmp(sh, "history") && strcmp(sh, "present")) {
                fprintf(stderr, "events_gen: --shape is history or present, not '%s'\n", sh);
                return 2;
            }
            history = !strcmp(sh, "history");
        }
    }
    if (!size || !out) {
        printf("usage: events_gen -s BYTES -o FILE [--shape history|present] [--seed N] [--data DIR]\n"
               "  realistic GDELT 1.0 rows; the side-by-side benchmark is sh bench/events_bench.sh\n");
        return 0;
    }
    if (!load_codes(data) || (history && !load_countries(data)))
        return 1;
    if (history) {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        years_init(1900 + tm.tm_year);
    }
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
        int y, m, d;
        const char *a1, *a2;
        if (history) {
            y = ylo + pick(ycum, ny, unif());
            m = 1 + below(12);
            d = 1 + below(28);
            a1 = country_history();
            a2 = country_history();
        } else {
            y = 2013 + below(3), m = 1 + below(12), d = 1 + below(28);
            a1 = country();
            a2 = country();
        }
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
