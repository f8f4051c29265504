/*
 * cmd_similarity.c -- `entente similarity FILE --levels LO:HI`: every
 * agreement measure of two rated vectors given as a CSV of items (columns x,
 * y and an optional weight column), printed as `measure,value` rows.
 */
#include "cli.h"
#include "core/reader.h"
#include "measures/agreement.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEVELS 64

static const char usage_text[] =
    "usage: entente similarity FILE --levels LO:HI [--weights COL] [--format table|csv|json]\n"
    "                          [-o FILE]\n"
    "       entente similarity --x LIST --y LIST [--w LIST] --levels LO:HI [...]\n"
    "\n"
    "Agreement between two vectors rated on the integer scale LO..HI.  FILE is a CSV\n"
    "with columns x and y, one row per item (for example the two states' alliance ties\n"
    "to a third state), and optionally a weight column: the one named by --weights, or\n"
    "else a column named w or weight.  Prints one `measure,value` row for each of:\n"
    "  s               Signorino-Ritter S, linear distance, dmax = HI - LO, unweighted\n"
    "  s_weighted      the same with the weights (empty without a weight column)\n"
    "  s_squared       S with squared distances, unweighted\n"
    "  pi_nominal pi_linear pi_quadratic            Scott's pi (Hage 2011)\n"
    "  kappa_nominal kappa_linear kappa_quadratic   Cohen's kappa (Hage 2011)\n"
    "  taub            Kendall's tau-b\n"
    "A measure that is undefined for the input (no items, no expected disagreement)\n"
    "is empty, never 0.  See docs/measures.md for the formulas.\n"
    "\n"
    "options:\n"
    "  --levels LO:HI   the scale (integers, LO < HI, at most 64 levels); required\n"
    "  --weights COL    the weight column (numbers >= 0)\n"
    "  --x, --y, --w L  the items given inline as comma lists instead of FILE\n"
    "  --format F       csv (default), table or json\n"
    "  -o FILE          write to FILE atomically instead of stdout\n"
    "\n"
    "A FILE for the first example below would be:  x,y,w / 3,2,.5 / 3,2,.3 / 2,3,.1 / 2,3,.1\n"
    "\n"
    "examples:\n"
    "  entente similarity --x 3,3,2,2 --y 2,2,3,3 --w .5,.3,.1,.1 --levels 0:3\n"
    "  entente similarity --x 3,3,1,2 --y 3,3,1,3 --levels 1:3 --format table -o sim.txt\n";

static int run(int argc, char **argv);

const ent_verb ent_verb_similarity = {
    "similarity", "agreement measures (S, pi, kappa, tau-b) of two vectors in a CSV",
    usage_text, run};

/* The items read from FILE. */
typedef struct items {
    double *x, *y, *w; /* w NULL until the first weighted item */
    size_t n, cap;
    int weighted; /* 1 when FILE has a weight column */
} items;

static int grow(ent_ctx *ctx, items *it, int weighted)
{
    size_t cap = it->cap ? it->cap * 2 : 256;
    double *x = ent_realloc(ctx, it->x, cap * sizeof *x);
    if (!x)
        return 0;
    it->x = x;
    double *y = ent_realloc(ctx, it->y, cap * sizeof *y);
    if (!y)
        return 0;
    it->y = y;
    if (weighted) {
        double *w = ent_realloc(ctx, it->w, cap * sizeof *w);
        if (!w)
            return 0;
        it->w = w;
    }
    it->cap = cap;
    return 1;
}

/* level_cell parses an integer rating in [lo, hi] from column col. */
static ent_status level_cell(ent_reader *r, ent_cell *cells, int col, int lo, int hi, double *v)
{
    int x;
    int rc = ent_cell_int(cells[col], &x);
    if (rc == 0)
        return ent_reader_fail(r, ENT_EPARSE, col, "missing value");
    if (rc < 0)
        return ent_reader_fail(r, ENT_EPARSE, col, "'%s' is not an integer", cells[col].p);
    if (x < lo || x > hi)
        return ent_reader_fail(r, ENT_EPARSE, col, "%d is outside the levels %d:%d", x, lo, hi);
    *v = x;
    return ENT_OK;
}

static ent_status read_items(ent_ctx *ctx, const char *path, const char *wcol, int lo, int hi,
                             items *it)
{
    ent_reader *r = NULL;
    ent_cell *cells;
    size_t nc;
    int idx[2], wi = -1;
    static const char *const names[] = {"x", "y"};
    ent_reader_opts opts = {0};
    opts.delim = ',';
    ent_status st = ent_reader_open(ctx, path, &opts, &r);
    if (st != ENT_OK)
        goto out;
    st = ent_reader_cols(r, names, idx, 2);
    if (st != ENT_OK)
        goto out;
    if (wcol) {
        wi = ent_reader_col(r, wcol);
        if (wi < 0) {
            st = ent_err(ctx, ENT_EPARSE, "%s:1: missing column '%s'", path, wcol);
            goto out;
        }
    } else {
        wi = ent_reader_col(r, "w");
        if (wi < 0)
            wi = ent_reader_col(r, "weight");
    }
    while ((st = ent_reader_next(r, &cells, &nc)) == ENT_OK) {
        if (it->n == it->cap && !grow(ctx, it, wi >= 0)) {
            st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        st = level_cell(r, cells, idx[0], lo, hi, &it->x[it->n]);
        if (st == ENT_OK)
            st = level_cell(r, cells, idx[1], lo, hi, &it->y[it->n]);
        if (st != ENT_OK)
            goto out;
        if (wi >= 0) {
            double w;
            int rc = ent_cell_f64(cells[wi], &w);
            if (rc <= 0 || !(w >= 0) || !isfinite(w)) {
                st = ent_reader_fail(r, ENT_EPARSE, wi, "'%s' is not a weight (a number >= 0)",
                                     cells[wi].p);
                goto out;
            }
            it->w[it->n] = w;
        }
        it->n++;
    }
    if (st == ENT_DONE)
        st = ENT_OK;
    it->weighted = wi >= 0;
out:
    ent_reader_close(r);
    return st;
}

/* inline_items parses --x/--y/--w comma lists; 0 with a message when bad. */
static int inline_items(ent_ctx *ctx, const char *xs, const char *ys, const char *ws, int lo,
                        int hi, items *it)
{
    const char *lists[3] = {xs, ys, ws};
    const char *names[3] = {"--x", "--y", "--w"};
    size_t counts[3] = {0, 0, 0};
    for (int k = 0; k < 3; k++) {
        const char *p = lists[k];
        size_t i = 0;
        if (!p)
            continue;
        while (*p) {
            char *end;
            double v = strtod(p, &end);
            if (end == p || (*end && *end != ',')) {
                cli_fail("similarity", "%s: '%s' is not a comma list of numbers", names[k],
                         lists[k]);
                return 0;
            }
            if (k < 2 && (v != (int)v || v < lo || v > hi)) {
                cli_fail("similarity", "%s: item %zu (%g) is not an integer in the levels %d:%d",
                         names[k], i + 1, v, lo, hi);
                return 0;
            }
            if (k == 2 && !(v >= 0)) {
                cli_fail("similarity", "--w: item %zu (%g) is not a weight (a number >= 0)",
                         i + 1, v);
                return 0;
            }
            if (i == it->cap && !grow(ctx, it, 1)) {
                cli_fail("similarity", "out of memory");
                return 0;
            }
            (k == 0 ? it->x : k == 1 ? it->y : it->w)[i++] = v;
            p = *end ? end + 1 : end;
        }
        counts[k] = i;
    }
    if (counts[0] != counts[1] || (ws && counts[2] != counts[0])) {
        cli_fail("similarity", "--x, --y%s must have the same number of items", ws ? ", --w" : "");
        return 0;
    }
    it->n = counts[0];
    it->weighted = ws != NULL;
    return 1;
}

static int parse_levels(const char *s, int *lo, int *hi)
{
    char *end;
    long a = strtol(s, &end, 10), b;
    if (end == s || *end != ':')
        return 0;
    s = end + 1;
    b = strtol(s, &end, 10);
    if (end == s || *end || a >= b || a < -1000000 || b > 1000000 || b - a + 1 > MAXLEVELS)
        return 0;
    *lo = (int)a;
    *hi = (int)b;
    return 1;
}

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"levels", required_argument, NULL, 'l'}, {"weights", required_argument, NULL, 'w'},
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"x", required_argument, NULL, 'X'},      {"y", required_argument, NULL, 'Y'},
        {"w", required_argument, NULL, 'V'},      {NULL, 0, NULL, 0}};
    const char *levels = NULL, *wcol = NULL, *outpath = NULL, *xs = NULL, *ys = NULL, *ws = NULL;
    int fmt = ENT_FMT_CSV, lo = 0, hi = 0, c, rc = 1;
    ent_ctx *ctx = NULL;
    ent_out *o = NULL;
    items it = {0};
    ent_status st;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
        switch (c) {
        case 'l':
            levels = optarg;
            break;
        case 'w':
            wcol = optarg;
            break;
        case 'f':
            fmt = ent_fmt_parse(optarg);
            if (fmt < 0)
                return cli_fail("similarity", "--format: '%s' is not one of table, csv, json",
                                optarg);
            break;
        case 'o':
            outpath = optarg;
            break;
        case 'X':
            xs = optarg;
            break;
        case 'Y':
            ys = optarg;
            break;
        case 'V':
            ws = optarg;
            break;
        default:
            return cli_usage(&ent_verb_similarity);
        }
    }
    if ((xs || ys) ? (optind != argc || !xs || !ys) : (optind != argc - 1) || !levels) {
        fprintf(stderr, "entente: similarity: %s\n",
                !levels ? "--levels LO:HI is required"
                        : "one FILE, or --x and --y (and no FILE), is needed");
        return cli_usage(&ent_verb_similarity);
    }
    if (!parse_levels(levels, &lo, &hi))
        return cli_fail("similarity",
                        "--levels: '%s' is not LO:HI with integers LO < HI and at most %d levels",
                        levels, MAXLEVELS);
    ctx = ent_ctx_new();
    if (!ctx)
        return cli_fail("similarity", "out of memory");
    if (xs) {
        if (!inline_items(ctx, xs, ys, ws, lo, hi, &it))
            goto out;
        st = ENT_OK;
    } else {
        st = read_items(ctx, argv[optind], wcol, lo, hi, &it);
    }
    if (st != ENT_OK) {
        rc = cli_status("similarity", ctx, st);
        goto out;
    }

    {
        size_t k = (size_t)(hi - lo + 1);
        double *tab = ent_calloc(ctx, k * k, sizeof *tab);
        double dmax = hi - lo;
        static const char *const cols[] = {"measure", "value"};
        struct {
            const char *name;
            double v;
        } m[10];
        if (!tab) {
            rc = cli_fail("similarity", "out of memory");
            goto out;
        }
        for (size_t i = 0; i < it.n; i++)
            tab[(size_t)(it.x[i] - lo) * k + (size_t)(it.y[i] - lo)] += 1;
        m[0].name = "s";
        m[0].v = ent_agree_s(it.x, it.y, NULL, it.n, dmax);
        m[1].name = "s_weighted";
        m[1].v = it.weighted ? ent_agree_s(it.x, it.y, it.w, it.n, dmax) : NAN;
        m[2].name = "s_squared";
        m[2].v = ent_agree_s_squared(it.x, it.y, NULL, it.n, dmax);
        static const char *const pin[] = {"pi_nominal", "pi_linear", "pi_quadratic"};
        static const char *const kan[] = {"kappa_nominal", "kappa_linear", "kappa_quadratic"};
        for (int w = 0; w < 3; w++) {
            m[3 + w].name = pin[w];
            m[3 + w].v = ent_agree_pi(tab, k, (ent_agree_wt)w);
            m[6 + w].name = kan[w];
            m[6 + w].v = ent_agree_kappa(tab, k, (ent_agree_wt)w);
        }
        m[9].name = "taub";
        m[9].v = ent_agree_taub(it.x, it.y, it.n);
        ent_free(ctx, tab);

        st = ent_out_open(ctx, outpath, (ent_fmt)fmt, cols, 2, &o);
        if (st != ENT_OK) {
            rc = cli_status("similarity", ctx, st);
            goto out;
        }
        for (int i = 0; i < 10; i++) {
            ent_out_str(o, m[i].name);
            ent_out_f64(o, m[i].v, 4);
            ent_out_row(o);
        }
        ent_out_note(o, "%zu items, levels %d:%d", it.n, lo, hi);
        st = ent_out_close(o, 1);
        o = NULL;
        if (st != ENT_OK) {
            rc = cli_status("similarity", ctx, st);
            goto out;
        }
    }
    rc = 0;
out:
    if (o)
        ent_out_close(o, 0);
    if (ctx) {
        ent_free(ctx, it.x);
        ent_free(ctx, it.y);
        ent_free(ctx, it.w);
    }
    ent_ctx_free(ctx);
    return rc;
}
