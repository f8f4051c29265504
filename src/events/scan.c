/*
 * scan.c -- the scanners of the event engine: the generic TSV scanner
 * (SSE2 separator masks, only the needed fields parsed, the rest of the row
 * skipped counting its tabs), the quoted-CSV scanner (the CSV extracts and
 * ICEWS), the GDELT fast scanner (scan_gdelt.h, instantiated per instruction
 * set) and the run-time choice among them (ENTENTE_SIMD).
 */
#include "row.h"

#include <stdlib.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define EV_X86 1
#endif


/* block of 64 bytes: bit i set when base[i] is a tab / newline */
typedef struct blk {
    const char *base;
    uint64_t tab, nl;
} blk;

static inline void blk_load(blk *b, const char *p, const char *end, char delim)
{
    b->base = p;
#if defined(__SSE2__)
    if (end - p >= 64) {
        const __m128i vt = _mm_set1_epi8(delim), vn = _mm_set1_epi8('\n');
        uint64_t t = 0, n = 0;
        for (int i = 0; i < 4; i++) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i));
            t |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(x, vt)) << (16 * i);
            n |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(x, vn)) << (16 * i);
        }
        b->tab = t;
        b->nl = n;
        return;
    }
#endif
    uint64_t t = 0, n = 0;
    long len = end - p > 64 ? 64 : end - p;
    for (long i = 0; i < len; i++) {
        t |= (uint64_t)(p[i] == delim) << i;
        n |= (uint64_t)(p[i] == '\n') << i;
    }
    b->tab = t;
    b->nl = n;
}

static inline uint64_t above(int k)
{
    return k >= 63 ? 0 : ~0ull << (k + 1);
}

/* scan_tsv processes the rows that start in [p, stop) of data ending at end
 * (rows may run past stop).  base_off is the file offset of p; line is the
 * line of the first row (0 = unknown).  When !final, a row not ended by a
 * newline before end is left for the next call.  Returns the pointer where
 * scanning stopped, or NULL when the unit must stop (error). */
static const char *scan_tsv(worker *w, const ev_spec *sp, int file, const char *p,
                            const char *stop, const char *end, uint64_t base_off, uint64_t *line,
                            int final)
{
    const char *data0 = p;
    const char delim = sp->delim;
    const int last = sp->last_needed;
    blk b;
    blk_load(&b, p, end, delim);
    rowctx rc = { w, sp, file, 0, 0 };
    ent_ev_field fr[NROLES];
    /* once: a row with the expected field count overwrites every role it
     * has, and a row without it is rejected before its fields are read */
    memset(fr, 0, sizeof fr);
    while (p < stop) {
        const char *row = p, *fs = p;
        int nf = 0;
        /* bits below the row start are already cleared */
        for (;;) {
            uint64_t sep = b.tab | b.nl;
            if (!sep) {
                if (b.base + 64 >= end)
                    goto eod;
                blk_load(&b, b.base + 64, end, delim);
                continue;
            }
            int k = __builtin_ctzll(sep);
            const char *q = b.base + k;
            int isnl = (int)((b.nl >> k) & 1);
            uint64_t keep = above(k);
            b.tab &= keep;
            b.nl &= keep;
            if (nf < 64 && sp->role_of[nf] >= 0) {
                uint32_t n = (uint32_t)(q - fs);
                if (isnl && n && fs[n - 1] == '\r')
                    n--;
                fr[sp->role_of[nf]] = (ent_ev_field){ fs, n };
            }
            nf++;
            fs = q + 1;
            if (isnl)
                goto row_done;
            /* fields nf .. need-1 are not needed: pass their separators with
             * popcount and clear-lowest-bit, without looking at them */
            int need = sp->next_need[nf < 64 ? nf : 64];
            while (nf < need && nf <= last) {
                int nlpos = b.nl ? __builtin_ctzll(b.nl) : 64;
                uint64_t tb = nlpos == 64 ? b.tab : b.tab & ((1ull << nlpos) - 1);
                int cnt = __builtin_popcountll(tb), skip = need - nf;
                if (cnt >= skip) {
                    for (int i = 1; i < skip; i++)
                        tb &= tb - 1;
                    int kk = __builtin_ctzll(tb);
                    uint64_t kp = above(kk);
                    b.tab &= kp;
                    b.nl &= kp;
                    nf = need;
                    fs = b.base + kk + 1;
                    break;
                }
                nf += cnt;
                if (nlpos < 64) {
                    /* the row ends before the field we need: a short row */
                    uint64_t kp = above(nlpos);
                    b.tab &= kp;
                    b.nl &= kp;
                    nf++;
                    fs = b.base + nlpos + 1;
                    goto row_done;
                }
                b.tab = 0;
                if (b.base + 64 >= end) {
                    fs = end; /* no newline before the end of data */
                    goto eod;
                }
                blk_load(&b, b.base + 64, end, delim);
            }
            if (nf > last) {
                /* skip the rest of the row: count delimiters up to the newline */
                for (;;) {
                    if (b.nl) {
                        int j = __builtin_ctzll(b.nl);
                        nf += __builtin_popcountll(b.tab & ((1ull << j) - 1)) + 1;
                        uint64_t kp = above(j);
                        b.tab &= kp;
                        b.nl &= kp;
                        fs = b.base + j + 1;
                        goto row_done;
                    }
                    nf += __builtin_popcountll(b.tab);
                    b.tab = 0;
                    if (b.base + 64 >= end) {
                        /* no newline before the end of data */
                        if (!final)
                            return row;
                        nf++;
                        fs = end;
                        goto row_done;
                    }
                    blk_load(&b, b.base + 64, end, delim);
                }
            }
        }
    eod:
        if (!final)
            return row;
        if (row >= end)
            return end;
        /* the last row has no newline */
        if (nf < 64 && sp->role_of[nf] >= 0)
            fr[sp->role_of[nf]] = (ent_ev_field){ fs, (uint32_t)(end - fs) };
        nf++;
        fs = end;
    row_done:
        rc.off = base_off + (uint64_t)(row - data0);
        rc.line = *line;
        if (*line)
            (*line)++;
        if (nf == 1 && (fs - row <= 1 || (fs - row == 2 && row[0] == '\r'))) {
            w->read++;
            filtered(w, &rc, RS_BLANK, 0);
        } else if (process_row(&rc, fr, nf)) {
            return NULL;
        }
        p = fs;
    }
    return p;
}

/* scan_csv: quoted CSV rows (the GDELT and ICEWS CSV extracts); same contract. */
static const char *scan_csv(worker *w, const ev_spec *sp, int file, const char *p,
                            const char *stop, const char *end, uint64_t base_off, uint64_t *line,
                            int final)
{
    const char *data0 = p;
    rowctx rc = { w, sp, file, 0, 0 };
    ent_ev_field f[64];
    char scratch[8192];
    while (p < stop) {
        const char *next;
        int nf, nl;
        int r = ent_ev_csv_row(p, end, sp->delim, &next, f, 64, scratch, sizeof scratch, &nf, &nl);
        if (!final && (r == -1 || (r == 0 && next >= end && next[-1] != '\n')))
            return p;
        rc.off = base_off + (uint64_t)(p - data0);
        rc.line = *line;
        if (r != 0) {
            const char *why = r == -1 ? "unclosed quote at the end of the file"
                              : r == -2 ? "a byte after a closing quote"
                                        : "a quoted field too long";
            if (ev_malformed(&rc, RS_BADCSV, -1, why, NULL, 0))
                return NULL;
            /* lenient: skip to the next newline */
            const char *q = memchr(p, '\n', (size_t)(end - p));
            p = q ? q + 1 : end;
            if (*line)
                (*line)++;
            continue;
        }
        if (*line)
            *line += (uint64_t)(nl ? nl : 1);
        ent_ev_field fr[NROLES];
        memset(fr, 0, sizeof fr);
        for (int rr = 0; rr < NROLES; rr++)
            if (sp->idx[rr] >= 0 && sp->idx[rr] < nf && sp->idx[rr] < 64)
                fr[rr] = f[sp->idx[rr]];
        if (nf == 1 && f[0].n == 0) {
            w->read++;
            filtered(w, &rc, RS_BLANK, 0);
        } else if (process_row(&rc, fr, nf)) {
            return NULL;
        }
        p = next;
    }
    return p;
}

/* the fast GDELT scanner (scan_gdelt.h), once per instruction set */
#define SG_MAXROW 4096
/* Each 64-byte block loaded asks for the one EV_PF_AHEAD bytes on with a
 * non-temporal prefetch (prefetchnta): the input streams through once, and
 * kept out of the outer caches it does not evict the group table's and the
 * country tables' lines, which every row touches at random.  Measured on the
 * full-history file (1 thread, task-clock, interleaved): 1.45-1.5 s without,
 * 1.12-1.31 s with; 1024, 2048 and 4096 bytes ahead were alike. */
#define EV_PF_AHEAD 2048

static inline void blk_load64_base(blk *b, const char *p, char delim)
{
    __builtin_prefetch(p + EV_PF_AHEAD, 0, 0);
    blk_load(b, p, p + 64, delim);
}
#define SG_ATTR
#define SG_LOAD blk_load64_base
#define SGF(x) x##_base
#include "scan_gdelt.h"
#undef SG_ATTR
#undef SG_LOAD
#undef SGF

#if EV_X86
__attribute__((target("avx2"))) static inline void blk_load64_avx2(blk *b, const char *p,
                                                                   char delim)
{
    const __m256i vt = _mm256_set1_epi8(delim), vn = _mm256_set1_epi8('\n');
    __m256i x0 = _mm256_loadu_si256((const __m256i *)(const void *)p);
    __m256i x1 = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
    __builtin_prefetch(p + EV_PF_AHEAD, 0, 0);
    b->base = p;
    b->tab = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x0, vt)) |
             (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x1, vt)) << 32;
    b->nl = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x0, vn)) |
            (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x1, vn)) << 32;
}
#define SG_ATTR __attribute__((target("avx2,bmi,bmi2,popcnt")))
#define SG_LOAD blk_load64_avx2
#define SGF(x) x##_avx2
#include "scan_gdelt.h"
#undef SG_ATTR
#undef SG_LOAD
#undef SGF

__attribute__((target("avx512f,avx512bw"))) static inline void blk_load64_avx512(blk *b, const char *p,
                                                                              char delim)
{
    __m512i x = _mm512_loadu_si512((const void *)p);
    __builtin_prefetch(p + EV_PF_AHEAD, 0, 0);
    b->base = p;
    b->tab = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(delim));
    b->nl = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('\n'));
}
#define SG_ATTR __attribute__((target("avx512f,avx512bw,avx2,bmi,bmi2,popcnt")))
#define SG_LOAD blk_load64_avx512
#define SGF(x) x##_avx512
#include "scan_gdelt.h"
#undef SG_ATTR
#undef SG_LOAD
#undef SGF
#endif

/* which fast scanner: ENTENTE_SIMD=none|sse2|avx2|avx512 forces one (tests, benchmarks) */
enum { SIMD_NONE, SIMD_SSE2, SIMD_AVX2, SIMD_AVX512 };
static int simd_level(void)
{
    static atomic_int level = -1;
    int l = atomic_load(&level);
    if (l >= 0)
        return l;
    l = SIMD_SSE2;
#if EV_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
        __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt"))
        l = SIMD_AVX2;
#endif
    /* AVX-512BW is used only on request: on the AMD EPYC (Zen 4) this was
     * measured on it was no faster than AVX2 (0.68 vs 0.62 s user, 1.6 GB) */
    const char *e = getenv("ENTENTE_SIMD");
    if (e) {
        int want = !strcmp(e, "none") ? SIMD_NONE : !strcmp(e, "sse2") ? SIMD_SSE2
                   : !strcmp(e, "avx2") ? SIMD_AVX2 : !strcmp(e, "avx512") ? SIMD_AVX512 : l;
#if EV_X86
        if (want == SIMD_AVX512 && l == SIMD_AVX2 && __builtin_cpu_supports("avx512f") &&
            __builtin_cpu_supports("avx512bw"))
            l = SIMD_AVX512;
#endif
        if (want < l)
            l = want;
    }
    atomic_store(&level, l);
    return l;
}

const char *ev_scan(worker *w, const ev_spec *sp, int file, const char *p, const char *stop,
                    const char *end, uint64_t base_off, uint64_t *line, int final)
{
    if (sp->quoted)
        return scan_csv(w, sp, file, p, stop, end, base_off, line, final);
    if (sp->gdelt_fixed && !sp->header && sp->delim == '\t') {
        switch (simd_level()) {
#if EV_X86
        case SIMD_AVX512: return scan_gdelt_avx512(w, sp, file, p, stop, end, base_off, line, final);
        case SIMD_AVX2: return scan_gdelt_avx2(w, sp, file, p, stop, end, base_off, line, final);
#endif
        case SIMD_SSE2: return scan_gdelt_base(w, sp, file, p, stop, end, base_off, line, final);
        default: break;
        }
    }
    return scan_tsv(w, sp, file, p, stop, end, base_off, line, final);
}

/* ------------------------------------------------------------- units */
