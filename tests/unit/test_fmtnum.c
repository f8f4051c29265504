/*
 * test_fmtnum.c -- ent_fmt_num (src/core/fmtnum.c) against its definition,
 * the printf and strtod loop it replaced (ref_fmt_num below, a verbatim copy),
 * byte for byte: edge cases, then random doubles of several distributions.
 * ENT_FMTNUM_N sets the random count per distribution (default 50000).
 */
#include "testutil.h"
#include "core/core.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the definition: the first of %.15g, %.16g, %.17g that reads back */
static int ref_fmt_num(char *b, size_t n, double v)
{
    int k = 0;
    const char *e;
    for (int prec = 15; prec <= 17; prec++) {
        k = snprintf(b, n, "%.*g", prec, v);
        if (strtod(b, NULL) == v)
            break;
    }
    if ((e = strchr(b, 'e')) != NULL) {
        int ex = atoi(e + 1), digits = 0;
        for (const char *p = b; p < e; p++)
            digits += *p >= '0' && *p <= '9';
        if (ex < 0 && ex >= -7) {
            char t[64];
            int m = snprintf(t, sizeof t, "%.*f", digits - 1 - ex, v);
            if (m > 0 && (size_t)m < n && strtod(t, NULL) == v) {
                memcpy(b, t, (size_t)m + 1);
                k = m;
            }
        }
    }
    return k;
}

static long compared;

static void same(double v)
{
    char want[48], got[48];
    int kw = ref_fmt_num(want, sizeof want, v), kg;
    memset(got, 'x', sizeof got);
    kg = ent_fmt_num(got, sizeof got, v);
    compared++;
    if (kw != kg || strcmp(want, got) != 0)
        fail_msg("%a: want \"%s\" (%d), got \"%.47s\" (%d)", v, want, kw, got, kg);
}

/* same for v and -v */
static void both(double v)
{
    same(v);
    same(-v);
}

static uint64_t rs = 88172645463325252ULL;

static uint64_t rnd(void)
{
    rs ^= rs << 13;
    rs ^= rs >> 7;
    rs ^= rs << 17;
    return rs;
}

/* unif is uniform in [0, 1) with 53 random bits */
static double unif(void) { return (double)(rnd() >> 11) * 0x1p-53; }

static double from_bits(uint64_t w)
{
    double v;
    memcpy(&v, &w, sizeof v);
    return v;
}

static void test_edges(void **state)
{
    (void)state;
    static const double cases[] = {
        0.0, 1.0, 0.5, 0.25, 0.1, 0.2, 0.3, 0.1 + 0.2, 2.0 / 3.0, 1.0 / 3.0,
        1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 0.000001234,
        0.00001234, 0.0001234, 1.234e-7, 1.234e-8, 9.9999999999999995e-8,
        9.999999999999999e-5, 9.9999999999999999e-5, 0.00009999999999999999,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e38, 1e39,
        999999999999999.0, 999999999999999.9, 9999999999999998.0, 99999999999999999.0,
        1000000000000001.0, 1000000000000002.5, 100000000000000.5, 100000000000001.5,
        4503599627370496.0, 4503599627370497.0, 9007199254740992.0, 9007199254740994.0,
        9007199254740991.0, 18014398509481988.0, 123456789012345678.0,
        37962901829.11, 237004937402.072998047, 2479306500240.6914, 0.1507745512962828,
        -0.029850746268656803, 0.36398837, 0.015643977, 23.26699726035138,
        DBL_MAX, DBL_MIN, DBL_EPSILON, DBL_TRUE_MIN, 5e-324, 1e-320, 2.2250738585072009e-308,
        1e300, 1e-300, 1.7976931348623157e308, 0x1p-1022, 0x1p-1021, 0x1p-1000, 0x1p1023,
        0x1p-20, 0x1p-21, 0x1p-70, 0x1p-80, 0x1p60, 0x1p70, 0x1p100, 0x1p126, 0x1p127,
        0x1p128, 0x1.fffffffffffffp126, 0x1.fffffffffffffp127, 8.41e21, 5.0e-7, 4.35e-6,
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double v = cases[i];
        both(v);
        /* and the neighbours, a few ulps either side */
        for (int j = 0; j < 4; j++) {
            v = nextafter(v, INFINITY);
            both(v);
        }
        v = cases[i];
        for (int j = 0; j < 4; j++) {
            v = nextafter(v, 0);
            both(v);
        }
    }
    both(INFINITY);
    same(NAN);
    same(-NAN);
    /* every power of two and ten and their neighbours */
    for (int k = -1074; k <= 1023; k++) {
        double p = ldexp(1, k);
        both(p);
        both(nextafter(p, 0));
        both(nextafter(p, INFINITY));
    }
    for (int k = -323; k <= 308; k++) {
        char t[16];
        double p;
        snprintf(t, sizeof t, "1e%d", k);
        p = strtod(t, NULL);
        both(p);
        both(nextafter(p, 0));
        both(nextafter(p, INFINITY));
    }
    /* negative zero prints as %g prints it */
    {
        char b[8];
        assert_int_equal(ent_fmt_num(b, sizeof b, -0.0), 2);
        assert_string_equal(b, "-0");
    }
}

static long count(void)
{
    const char *s = getenv("ENT_FMTNUM_N");
    return s && atol(s) > 0 ? atol(s) : 50000;
}

static void test_random(void **state)
{
    (void)state;
    long n = count();
    compared = 0;
    for (long i = 0; i < n; i++) {
        uint64_t r = rnd();
        double v;
        /* random bits: every exponent, subnormals, NaN and infinities */
        same(from_bits(r));
        /* random bits in the exponents of magnitudes 1e-19..1e23 */
        v = from_bits((r & 0x800FFFFFFFFFFFFFULL) | (uint64_t)(960 + rnd() % 140) << 52);
        same(v);
        /* integers up to 2^63, at every bit length */
        same((double)(int64_t)(rnd() >> (rnd() % 64)));
        /* k decimals: N / 10^k */
        v = (double)(rnd() >> (11 + rnd() % 40)) / pow(10, (double)(rnd() % 12));
        both(v);
        /* dyadic: N * 2^-j, exact decimals ending in 5 (ties at 15..17 digits) */
        v = ldexp((double)(rnd() >> (11 + rnd() % 20)), -(int)(1 + rnd() % 30));
        both(v);
        /* trade in millions with 2..6 decimals, 0..1e6 */
        {
            double p = pow(10, (double)(2 + rnd() % 5));
            v = round(unif() * 1e6 * p) / p;
            same(v);
        }
        /* shares and ratios in [0, 1), indices, and products of them */
        v = unif();
        same(v);
        same(v * 1e-6);
        same(v * 1e-12);
        same((double)(1 + rnd() % 1000) / (double)(1 + rnd() % 1000));
        same(unif() * 1e12);
        same((1 + unif()) * ldexp(1, (int)(rnd() % 200) - 100));
    }
    print_message("fmtnum: %ld values compared\n", compared);
}

/* a short buffer (callers give >= 32): the text is cut as snprintf cuts it */
static void test_short_buffer(void **state)
{
    (void)state;
    static const double cases[] = {0.1 + 0.2, 1e300, 12345.678, 0.000001234, -0.0, 7};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (size_t n = 1; n <= 40; n++) {
            char want[48], got[48];
            int kw = ref_fmt_num(want, n, cases[i]), kg = ent_fmt_num(got, n, cases[i]);
            assert_int_equal(kg, kw);
            assert_string_equal(got, want);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edges),
        cmocka_unit_test(test_random),
        cmocka_unit_test(test_short_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
