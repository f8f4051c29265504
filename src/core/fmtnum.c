/*
 * fmtnum.c -- ent_fmt_num: the text of a double that reads back exactly, as
 * the first of %.15g, %.16g, %.17g that strtod reads back as v, with small
 * magnitudes (exponents -7..-1) in plain decimals.
 *
 * The digits are computed exactly with 128-bit integers instead of through
 * snprintf and strtod (which took most of a panel export's CPU): v = m * 2^e
 * is scaled by 10^q into a 17- to 19-digit integer N0 plus the exact
 * remainder r0 / B, so rounding to P digits (halves to even, as glibc's
 * printf) and the read-back test (is the decimal closer to v than half the
 * gap to v's neighbours; a tie reads back to v when m is even, as strtod
 * rounds) are integer comparisons.  Values whose scaling does not fit 128
 * bits (below about 1e-15 or above 2^127), the subnormals, NaN and the
 * infinities take the printf path, which defines the output.
 */
#include "core/core.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__extension__ typedef unsigned __int128 u128;

/* fmt_printf is the definition: the reference the fast path reproduces. */
static int fmt_printf(char *b, size_t n, double v)
{
    int k = 0;
    const char *e;
    for (int prec = 15; prec <= 17; prec++) {
        k = snprintf(b, n, "%.*g", prec, v);
        if (strtod(b, NULL) == v)
            break;
    }
    /* small magnitudes in plain decimals, as a reader of a panel expects:
     * 0.000001234, not 1.234e-06 */
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

static const uint64_t pow10_64[20] = {
    1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL,
    100000000ULL, 1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL,
    10000000000000ULL, 100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
    100000000000000000ULL, 1000000000000000000ULL, 10000000000000000000ULL,
};

static const uint64_t pow5_64[28] = {
    1ULL, 5ULL, 25ULL, 125ULL, 625ULL, 3125ULL, 15625ULL, 78125ULL, 390625ULL,
    1953125ULL, 9765625ULL, 48828125ULL, 244140625ULL, 1220703125ULL, 6103515625ULL,
    30517578125ULL, 152587890625ULL, 762939453125ULL, 3814697265625ULL,
    19073486328125ULL, 95367431640625ULL, 476837158203125ULL, 2384185791015625ULL,
    11920928955078125ULL, 59604644775390625ULL, 298023223876953125ULL,
    1490116119384765625ULL, 7450580596923828125ULL,
};

/* put_digits writes the decimal digits of u (no NUL) and returns their count. */
static int put_digits(char *p, uint64_t u)
{
    char r[20];
    int m = 0, k;
    do {
        r[sizeof r - 1 - m++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    for (k = 0; k < m; k++)
        p[k] = r[sizeof r - m + k];
    return m;
}

/* layout writes the digits dg[0..nd) (no trailing zeros; the value
 * 0.d1d2... * 10^(x+1)) the way %.<prec>g prints them, with exponents -7..-1
 * in plain decimals, after the sign.  Returns the length; b holds >= 32. */
static int layout(char *b, int neg, const char *dg, int nd, int x, int prec)
{
    char *p = b;
    if (neg)
        *p++ = '-';
    if (x < -7 || x >= prec) {
        *p++ = dg[0];
        if (nd > 1) {
            *p++ = '.';
            memcpy(p, dg + 1, (size_t)nd - 1);
            p += nd - 1;
        }
        *p++ = 'e';
        *p++ = x < 0 ? '-' : '+';
        if (x < 0)
            x = -x;
        if (x < 10)
            *p++ = '0';
        p += put_digits(p, (uint64_t)x);
    } else if (x < 0) {
        *p++ = '0';
        *p++ = '.';
        for (int i = -1; i > x; i--)
            *p++ = '0';
        memcpy(p, dg, (size_t)nd);
        p += nd;
    } else if (nd <= x + 1) {
        memcpy(p, dg, (size_t)nd);
        p += nd;
        for (int i = nd; i <= x; i++)
            *p++ = '0';
    } else {
        memcpy(p, dg, (size_t)x + 1);
        p += x + 1;
        *p++ = '.';
        memcpy(p, dg + x + 1, (size_t)(nd - x - 1));
        p += nd - x - 1;
    }
    *p = '\0';
    return (int)(p - b);
}

/* bits is the bit length of u. */
static int bits(u128 u)
{
    uint64_t hi = (uint64_t)(u >> 64), lo = (uint64_t)u;
    return hi ? 128 - __builtin_clzll(hi) : lo ? 64 - __builtin_clzll(lo) : 0;
}

/* fmt_exact writes v (finite, nonzero) into b (>= 32 bytes); -1 when v is
 * subnormal or its scaling does not fit 128 bits. */
static int fmt_exact(char *b, double v)
{
    uint64_t w, m, n0;
    int be, e, neg, q, nd, prec, k;
    u128 a, bb, u, r0;
    char dg[24];

    memcpy(&w, &v, sizeof w);
    neg = (int)(w >> 63);
    be = (int)((w >> 52) & 0x7FF);
    if (be == 0 || be == 0x7FF)
        return -1;
    m = (w & ((1ULL << 52) - 1)) | (1ULL << 52);
    e = be - 1075; /* |v| = m * 2^e */
    /* floor(log10 |v|) is floor(k log10 2) or one more, k = be - 1023; the
     * estimate 16 - q is that floor or one below, so N0 = floor(|v| * 10^q)
     * has 17 to 19 digits (78913 / 2^18 is log10 2 from below) */
    k = be - 1023;
    q = 16 - (k >= 0 ? k * 78913 >> 18 : -((-k * 78913 + 262143) >> 18) - 1);
    /* |v| * 10^q = a / bb exactly; u = a / m is 2^e * 10^q * bb, twice the
     * half-gap between v and its neighbours in the units of rr below */
    if (q >= 0) {
        /* 10^q * 2^e = 5^q * 2^(q+e): the power of two as a shift */
        int sh = q + e;
        if (q > 31 || sh < -110)
            return -1;
        u = q > 27 ? (u128)pow5_64[27] * pow5_64[q - 27] : (u128)pow5_64[q];
        if (sh > 0) {
            if (bits(u) + sh > 74)
                return -1;
            u <<= sh;
        }
        a = u * m;
        sh = sh < 0 ? -sh : 0;
        bb = (u128)1 << sh;
        if ((a >> sh) >> 64)
            return -1;
        n0 = (uint64_t)(a >> sh);
        r0 = a & (bb - 1);
    } else {
        if (-q > 19 || e > 74 || e < 0)
            return -1;
        u = (u128)1 << e;
        a = u * m;
        bb = pow10_64[-q];
        if ((a / bb) >> 64)
            return -1;
        n0 = (uint64_t)(a / bb);
        r0 = a % bb;
    }
    if (n0 < pow10_64[16])
        return -1; /* not reached: the estimate is never too high */
    nd = n0 >= pow10_64[18] ? 19 : n0 >= pow10_64[17] ? 18 : 17;
    for (prec = 15; prec <= 17; prec++) {
        uint64_t t = pow10_64[nd - prec], f = n0 / t, rd = n0 % t;
        u128 rr = (u128)rd * bb + r0, tt = (u128)t * bb, dist, d2;
        int up = 2 * rr > tt || (2 * rr == tt && (f & 1)), x = nd - 1 - q;
        if (up) {
            f++;
            dist = tt - rr;
        } else {
            dist = rr;
        }
        if (prec < 17) {
            /* f * 10^(nd-prec-q) reads back as |v| when it is within half the
             * gap to the neighbour on its side (the gap below a power of two
             * is half the one above), a tie going to the even mantissa */
            d2 = !up && m == 1ULL << 52 && be > 1 ? 4 * dist : 2 * dist;
            if (d2 > u || (d2 == u && (m & 1)))
                continue;
        }
        if (f == pow10_64[prec]) { /* rounded up to a power of ten */
            f /= 10;
            x++;
        }
        k = put_digits(dg, f);
        while (k > 1 && dg[k - 1] == '0')
            k--;
        return layout(b, neg, dg, k, x, prec);
    }
    return -1; /* not reached: 17 digits always read back */
}

int ent_fmt_num(char *b, size_t n, double v)
{
    int k;
    if (n < 32) /* the texts below are at most 27 bytes long */
        return fmt_printf(b, n, v);
    if (v == 0) { /* as %g: "-0" for negative zero */
        k = 1 / v < 0;
        memcpy(b, "-0" + !k, (size_t)k + 2);
        return k + 1;
    }
    if (v > -1e15 && v < 1e15 && v == (double)(int64_t)v) {
        /* integers below 1e15: %.15g prints all their digits */
        char *p = b;
        if (v < 0)
            *p++ = '-';
        k = (int)(p - b) + put_digits(p, (uint64_t)(int64_t)fabs(v));
        b[k] = '\0';
        return k;
    }
    if ((k = fmt_exact(b, v)) >= 0)
        return k;
    return fmt_printf(b, n, v);
}
