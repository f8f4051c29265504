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

#endif
