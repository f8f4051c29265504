/*
 * cmd_similarity.c -- `entente similarity FILE --levels LO:HI`: every
 * agreement measure of two rated vectors given as a CSV of items (columns x,
 * y and an optional weight column), printed as `measure,value` rows.  One
 * call, ent_similarity (include/entente/agree.h); this parses the options
 * (inline items are checked here to be usage errors) and prints.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#define MAXLEVELS 64 /* the scale ent_similarity takes (include/entente/agree.h) */

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

/* parse_list reads a comma list of numbers into a fresh array (freed by
 * the caller); 0 with a usage message when it is not one. */
static int parse_list(const char *opt, const char *s, double **out, size_t *n)
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
            double *g = realloc(*out, (cap = cap ? 2 * cap : 64) * sizeof *g);
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

/* inline_items reads --x/--y/--w into v[0..2] and checks them as options:
 * as many items each, ratings integers in the levels, weights >= 0; 0 with
 * a usage message when bad. */
static int inline_items(const char *const lists[3], int lo, int hi, double *v[3], size_t *n)
{
    static const char *const names[3] = {"--x", "--y", "--w"};
    size_t cnt[3] = {0, 0, 0};
    for (int k = 0; k < 3; k++)
        if (lists[k] && !parse_list(names[k], lists[k], &v[k], &cnt[k]))
            return 0;
    if (cnt[0] != cnt[1] || (lists[2] && cnt[2] != cnt[0])) {
        cli_bad(&ent_verb_similarity, "--x, --y%s must have the same number of items",
                lists[2] ? ", --w" : "");
        return 0;
    }
    for (size_t i = 0; i < cnt[0]; i++) {
        for (int k = 0; k < 2; k++)
            if (v[k][i] != (int)v[k][i] || v[k][i] < lo || v[k][i] > hi) {
                cli_bad(&ent_verb_similarity,
                        "%s: item %zu (%g) is not an integer in the levels %d:%d", names[k], i + 1,
                        v[k][i], lo, hi);
                return 0;
            }
        if (lists[2] && !(v[2][i] >= 0)) {
            cli_bad(&ent_verb_similarity, "--w: item %zu (%g) is not a weight (a number >= 0)",
                    i + 1, v[2][i]);
            return 0;
        }
    }
    *n = cnt[0];
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
    const char *levels = NULL, *outpath = NULL, *format = "csv", *lists[3] = {NULL, NULL, NULL};
    double *v[3] = {NULL, NULL, NULL};
    ent_similarity_input in = {0};
    ent_ctx *ctx = NULL;
    ent_result *r;
    ent_status st;
    int c, rc = 2;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:", longopts, NULL)) != -1) {
        switch (c) {
        case 'l': levels = optarg; break;
        case 'w': in.weight_column = optarg; break;
        case 'f':
            if (!cli_format_ok(optarg))
                return cli_bad(&ent_verb_similarity, "--format: '%s' is not table, csv or json",
                               optarg);
            format = optarg;
            break;
        case 'o': outpath = optarg; break;
        case 'X': lists[0] = optarg; break;
        case 'Y': lists[1] = optarg; break;
        case 'V': lists[2] = optarg; break;
        default: return cli_optbad(&ent_verb_similarity, c, argv);
        }
    }
    /* (the old test, `(xs || ys) ? ... : ... || !levels`, skipped the --levels
     * check for inline items: `?:` binds looser than `||`) */
    if (!levels)
        return cli_bad(&ent_verb_similarity, "--levels LO:HI is required");
    if ((lists[0] || lists[1]) ? (optind != argc || !lists[0] || !lists[1]) : optind != argc - 1)
        return cli_bad(&ent_verb_similarity, "one FILE, or --x and --y (and no FILE), is needed");
    if (!parse_levels(levels, &in.lo, &in.hi))
        return cli_bad(&ent_verb_similarity,
                       "--levels: '%s' is not LO:HI with integers LO < HI and at most %d levels",
                       levels, MAXLEVELS);
    if (lists[0]) {
        if (!inline_items(lists, in.lo, in.hi, v, &in.n))
            goto out;
        in.x = v[0];
        in.y = v[1];
        in.w = v[2];
    } else {
        in.path = argv[optind];
    }
    if (!(ctx = ent_ctx_new())) {
        rc = cli_fail("similarity", "out of memory");
        goto out;
    }
    if ((st = ent_similarity(ctx, &in, &r)) != ENT_OK)
        rc = cli_status("similarity", ctx, st);
    else
        rc = cli_print("similarity", ctx, r, format, outpath, NULL);
out:
    for (int k = 0; k < 3; k++)
        free(v[k]);
    ent_ctx_free(ctx);
    return rc;
}
