/*
 * output.c -- the CSV form of a result, written fast: the groups are
 * formatted by hand into a private 1 MiB buffer that goes out with one
 * fwrite per block, so the serial end of a run spends no time in stdio's
 * per-character calls (each takes the stream's lock once a second thread
 * has existed) or in printf's parsing of formats.  The bytes are exactly
 * those of the generic writer (report.c's ent_out): the Goldstein mean is
 * "%.4f" of sum / 100 / n, computed in integers where that is provably the
 * same and by snprintf in the rare cases where it might not be.
 */
#include "events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OUTBUF (1u << 20)

static char *put_i64(char *p, int64_t v)
{
    if (v < 0) {
        *p++ = '-';
        return ent_ev_put_u(p, (uint64_t)(-(v + 1)) + 1, 1);
    }
    return ent_ev_put_u(p, (uint64_t)v, 1);
}

/* put_mean writes "%.4f" of (double)g / 100.0 / (double)n (n > 0).  The
 * exact value is g / (100 n); in units of 1e-4 it is 100 g / n, whose
 * distance to a rounding tie is at least 1 / (2n) unless it is one.  The
 * double differs from the exact value by less than 2.3e-16 of it, which is
 * below that distance while |100 g| < 2e15, so rounding the exact value
 * (half away never arises) gives the digits printf gives for the double.
 * Ties and large sums go to snprintf. */
static char *put_mean(char *p, int64_t g, int64_t n)
{
    if (g > -1000000000000LL && g < 1000000000000LL) {
        int neg = g < 0;
        uint64_t num = (uint64_t)(neg ? -g : g) * 100u, den = (uint64_t)n;
        uint64_t q = num / den, r = num % den;
        if (2 * r != den) {
            if (2 * r > den)
                q++;
            if (neg)
                *p++ = '-';
            p = ent_ev_put_u(p, q / 10000, 1);
            *p++ = '.';
            uint64_t f = q % 10000;
            p[0] = (char)('0' + f / 1000);
            p[1] = (char)('0' + f / 100 % 10);
            p[2] = (char)('0' + f / 10 % 10);
            p[3] = (char)('0' + f % 10);
            return p + 4;
        }
    }
    char b[40];
    int k = snprintf(b, sizeof b, "%.4f", (double)g / 100.0 / (double)n);
    memcpy(p, b, (size_t)k);
    return p + k;
}

/* put_csv writes one text cell as CSV (quoted when it holds , " CR or LF) */
static char *put_csv(char *p, const char *s, size_t n)
{
    if (!memchr(s, ',', n) && !memchr(s, '"', n) && !memchr(s, '\n', n) && !memchr(s, '\r', n)) {
        memcpy(p, s, n);
        return p + n;
    }
    *p++ = '"';
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            *p++ = '"';
        *p++ = s[i];
    }
    *p++ = '"';
    return p;
}

/* one actor's cell, made once per COW code */
typedef struct actor {
    char text[72];
    uint8_t n, set;
} actor;

static const actor *actor_get(actor *cache, int cc, const char *(*abb)(void *, int), void *ud)
{
    actor *a = &cache[cc & 1023];
    if (!a->set) {
        const char *s = abb ? abb(ud, cc) : NULL;
        char num[16];
        if (!s) {
            snprintf(num, sizeof num, "%d", cc);
            s = num;
        }
        size_t n = strlen(s);
        if (n > 32)
            n = 32; /* COW abbreviations are 3 letters; a quoted 32 fits */
        a->n = (uint8_t)(put_csv(a->text, s, n) - a->text);
        a->set = 1;
    }
    return a;
}

ent_status ent_ev_write_csv(ent_ctx *ctx, const ent_ev_result *r,
                            const char *(*abb)(void *ud, int ccode), void *ud, FILE *fp)
{
    static const char head[] =
        "actor1,actor2,period,key,events,goldstein_sum,goldstein_mean,mentions,sources,articles\n";
    actor *cache = ent_calloc(ctx, 1024, sizeof *cache);
    char *buf = ent_malloc(ctx, OUTBUF);
    if (!cache || !buf) {
        ent_free(ctx, cache);
        ent_free(ctx, buf);
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    }
    char *p = buf, *lim = buf + OUTBUF - 512; /* a row is below 300 bytes */
    int bad = 0, last_per = -1;
    char per[16], gs[32];
    size_t per_n = 0;
    struct keytxt {
        int k;
        uint8_t n;
        char text[8];
    } keys[64];
    for (int i = 0; i < 64; i++)
        keys[i].k = -1;
    memcpy(p, head, sizeof head - 1);
    p += sizeof head - 1;
    for (size_t i = 0; i < r->ngroups && !bad; i++) {
        const ent_ev_group *g = &r->groups[i];
        const actor *a1 = actor_get(cache, EV_KEY_A1(g->key), abb, ud);
        const actor *a2 = actor_get(cache, EV_KEY_A2(g->key), abb, ud);
        memcpy(p, a1->text, a1->n);
        p += a1->n;
        *p++ = ',';
        memcpy(p, a2->text, a2->n);
        p += a2->n;
        *p++ = ',';
        /* periods and keys repeat from row to row: formatted once each.
         * They are digits and '-', never quoted. */
        int pv = EV_KEY_PER(g->key), kv = EV_KEY_K(g->key);
        if (pv != last_per) {
            ent_ev_period_str(pv, r->by, per);
            per_n = strlen(per);
            last_per = pv;
        }
        memcpy(p, per, per_n);
        p += per_n;
        *p++ = ',';
        struct keytxt *kt = &keys[kv & 63];
        if (kt->k != kv) {
            ent_ev_key_str(kv, r->key, kt->text);
            kt->n = (uint8_t)strlen(kt->text);
            kt->k = kv;
        }
        memcpy(p, kt->text, kt->n);
        p += kt->n;
        *p++ = ',';
        p = put_i64(p, g->events);
        *p++ = ',';
        if (g->n_gold) {
            ent_ev_gold_str(g->gold100, gs);
            size_t k = strlen(gs);
            memcpy(p, gs, k);
            p += k;
            *p++ = ',';
            p = put_mean(p, g->gold100, g->n_gold);
        } else {
            *p++ = ',';
        }
        *p++ = ',';
        if (g->n_ment)
            p = put_i64(p, g->mentions);
        *p++ = ',';
        if (g->n_src)
            p = put_i64(p, g->sources);
        *p++ = ',';
        if (g->n_art)
            p = put_i64(p, g->articles);
        *p++ = '\n';
        if (p >= lim) {
            bad = fwrite(buf, 1, (size_t)(p - buf), fp) != (size_t)(p - buf);
            p = buf;
        }
    }
    if (!bad && p > buf)
        bad = fwrite(buf, 1, (size_t)(p - buf), fp) != (size_t)(p - buf);
    /* a failed write leaves the stream's error set: the caller's
     * ent_afile_close reports it with the path and discards the file */
    ent_free(ctx, cache);
    ent_free(ctx, buf);
    return ENT_OK;
}
