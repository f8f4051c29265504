/*
 * cmd_similarity.c -- `entente similarity FILE --levels LO:HI`: every
 * agreement measure of two rated vectors given as a CSV of items (columns x,
 * y and an optional weight column), printed as `measure,value` rows.  The
 * items and the battery are src/measures/similarity.c's: this parses the
 * options, calls it and prints.
 */
#include "cli.h"
#include "measures/similarity.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


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

/* parse_list reads a comma list of numbers into a fresh ctx array; 0 with a
 * usage message when it is not one. */
static int parse_list(ent_ctx *ctx, const char *opt, const char *s, double **out, size_t *n)
{
    size_t cap = 0;
    const char *p = s;
    *out = NULL;
    *n = 0;
    while (*p) {
        char *end;
        double v = strtod(p, &end);
        if (end == p || (*end && *end != ',')) {
            cli_bad(&ent_verb_similarity, "%s: '%s' is not a comma list of numbers", opt, s);
            return 0;
        }
        if (*n == cap) {
            double *g = ent_realloc(ctx, *out, (cap = cap ? 2 * cap : 64) * sizeof *g);
            if (!g) {
                cli_fail("similarity", "out of memory");
                return 0;
            }
            *out = g;
        }
        (*out)[(*n)++] = v;
        p = *end ? end + 1 : end;
    }
    return 1;
}

/* inline_items turns --x/--y/--w into items; 0 with a message when bad. */
static int inline_items(ent_ctx *ctx, const char *xs, const char *ys, const char *ws, int lo,
                        int hi, ent_sim_items *it)
{
    static const char *const names[3] = {"--x", "--y", "--w"};
    const char *lists[3] = {xs, ys, ws};
    double *v[3] = {NULL, NULL, NULL};
    size_t cnt[3] = {0, 0, 0};
    int ok = 1;
    for (int k = 0; k < 3 && ok; k++)
        if (lists[k])
            ok = parse_list(ctx, names[k], lists[k], &v[k], &cnt[k]);
    if (ok && (cnt[0] != cnt[1] || (ws && cnt[2] != cnt[0]))) {
        ok = 0;
        cli_bad(&ent_verb_similarity, "--x, --y%s must have the same number of items",
                ws ? ", --w" : "");
    }
    for (size_t i = 0; ok && i < cnt[0]; i++) {
        for (int k = 0; k < 2 && ok; k++)
            if (v[k][i] != (int)v[k][i] || v[k][i] < lo || v[k][i] > hi) {
                ok = 0;
                cli_bad(&ent_verb_similarity,
                        "%s: item %zu (%g) is not an integer in the levels %d:%d", names[k], i + 1,
                        v[k][i], lo, hi);
            }
        if (ok && ws && !(v[2][i] >= 0)) {
            ok = 0;
            cli_bad(&ent_verb_similarity, "--w: item %zu (%g) is not a weight (a number >= 0)",
                    i + 1, v[2][i]);
        }
    }
    it->weighted = ws != NULL;
    for (size_t i = 0; ok && i < cnt[0]; i++)
        if (ent_sim_add(ctx, it, v[0][i], v[1][i], ws ? v[2][i] : 1) != ENT_OK) {
            ok = 0;
            cli_fail("similarity", "out of memory");
        }
    for (int k = 0; k < 3; k++)
        ent_free(ctx, v[k]);
    return ok;
}

static int parse_levels(const char *s, int *lo, int *hi)
{
    char *end;
    long a = strtol(s, &end, 10), b;
    if (end == s || *end != ':')
        return 0;
    s = end + 1;
    b = strtol(s, &end, 10);
    if (end == s || *end || a >= b || a < -1000000 || b > 1000000 || b - a + 1 > ENT_SIM_MAXLEVELS)
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
    static const char *const cols[] = {"measure", "value"};
    const char *levels = NULL, *wcol = NULL, *outpath = NULL, *xs = NULL, *ys = NULL, *ws = NULL;
    int fmt = ENT_FMT_CSV, lo = 0, hi = 0, c, rc = 1;
    ent_ctx *ctx = NULL;
    ent_out *o = NULL;
    ent_sim_items it = {0};
    ent_sim_measure m[ENT_SIM_NMEASURES];
    ent_status st;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:", longopts, NULL)) != -1) {
        switch (c) {
        case 'l': levels = optarg; break;
        case 'w': wcol = optarg; break;
        case 'f':
            if ((fmt = ent_fmt_parse(optarg)) < 0)
                return cli_bad(&ent_verb_similarity, "--format: '%s' is not table, csv or json",
                               optarg);
            break;
        case 'o': outpath = optarg; break;
        case 'X': xs = optarg; break;
        case 'Y': ys = optarg; break;
        case 'V': ws = optarg; break;
        default: return cli_optbad(&ent_verb_similarity, c, argv);
        }
    }
    /* (the old test, `(xs || ys) ? ... : ... || !levels`, skipped the --levels
     * check for inline items: `?:` binds looser than `||`) */
    if (!levels)
        return cli_bad(&ent_verb_similarity, "--levels LO:HI is required");
    if ((xs || ys) ? (optind != argc || !xs || !ys) : optind != argc - 1)
        return cli_bad(&ent_verb_similarity, "one FILE, or --x and --y (and no FILE), is needed");
    if (!parse_levels(levels, &lo, &hi))
        return cli_bad(&ent_verb_similarity,
                       "--levels: '%s' is not LO:HI with integers LO < HI and at most %d levels",
                       levels, ENT_SIM_MAXLEVELS);
    if (!(ctx = ent_ctx_new()))
        return cli_fail("similarity", "out of memory");
    if (xs) {
        if (!inline_items(ctx, xs, ys, ws, lo, hi, &it)) {
            rc = 2;
            goto out;
        }
    } else if ((st = ent_sim_read_csv(ctx, argv[optind], wcol, lo, hi, &it)) != ENT_OK) {
        rc = cli_status("similarity", ctx, st);
        goto out;
    }
    if ((st = ent_sim_battery(ctx, &it, lo, hi, m)) != ENT_OK ||
        (st = ent_out_open(ctx, outpath, (ent_fmt)fmt, cols, 2, &o)) != ENT_OK) {
        rc = cli_status("similarity", ctx, st);
        goto out;
    }
    for (int i = 0; i < ENT_SIM_NMEASURES; i++) {
        ent_out_str(o, m[i].name);
        ent_out_f64(o, m[i].v, 4);
        ent_out_row(o);
    }
    ent_out_note(o, "%zu items, levels %d:%d", it.n, lo, hi);
    st = ent_out_close(o, 1);
    o = NULL;
    rc = st != ENT_OK ? cli_status("similarity", ctx, st) : 0;
out:
    ent_out_close(o, 0);
    if (ctx)
        ent_sim_items_free(ctx, &it);
    ent_ctx_free(ctx);
    return rc;
}
