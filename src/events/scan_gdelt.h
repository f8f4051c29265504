/*
 * scan_gdelt.h -- the GDELT fast scanner, a template included by scan.c
 * once per instruction set (SSE2 baseline, AVX2, AVX-512BW).  Not a public
 * header.  Before including, define:
 *   SG_ATTR      function attribute (e.g. __attribute__((target("avx2"))))
 *   SG_LOAD      name of a loader: void SG_LOAD(blk *b, const char *p, char delim)
 *                filling b with the tab and newline masks of p[0..64)
 *   SGF(x)       x with the instruction set's suffix
 *
 * The GDELT 1.0 / 2.0 layouts put every needed field at a fixed position
 * (0, 1, 7, 17, 26, 29..33).  For each row the scanner jumps from tab to
 * tab only to those fields (popcount and clear-lowest-bit inside a 64-bit
 * mask), then counts the remaining tabs of the row up to its newline so the
 * field count is still checked exactly.  Anything unusual -- a row ending
 * before field 34, a wrong field count, a row longer than SG_MAXROW, the last
 * SG_MAXROW bytes of the data -- goes to the generic scan_tsv, one row at a
 * time, so the results and messages are the generic path's by construction.
 */

/* position of the n-th (n >= 1) tab after the consumed part of the row, or
 * NULL when the row ends first or runs past SG_MAXROW */
SG_ATTR static inline const char *SGF(sg_tab)(blk *b, int n, const char *row, char delim)
{
    for (;;) {
        uint64_t lim = b->nl ? (b->nl ^ (b->nl - 1)) : ~0ull;
        uint64_t m = b->tab & lim;
        int c = __builtin_popcountll(m);
        if (c >= n) {
            for (int i = 1; i < n; i++)
                m &= m - 1;
            uint64_t low = m ^ (m - 1); /* bits 0..k */
            b->tab &= ~low;
            return b->base + __builtin_ctzll(m);
        }
        if (b->nl)
            return NULL;
        n -= c;
        const char *nb = b->base + 64;
        if (nb - row > SG_MAXROW)
            return NULL;
        SG_LOAD(b, nb, delim);
    }
}

SG_ATTR static const char *SGF(scan_gdelt)(worker *w, const ev_spec *sp, int file, const char *p,
                                           const char *stop, const char *end, uint64_t base_off,
                                           uint64_t *line, int final)
{
    const char *data0 = p;
    const char delim = sp->delim;
    rowctx rc = { w, sp, file, 0, 0 };
    ent_ev_field fr[NROLES];
    memset(fr, 0, sizeof fr);
    blk b;
    int have = 0;
    while (p < stop && end - p > SG_MAXROW + 64) {
        const char *row = p;
        if (!have) {
            SG_LOAD(&b, p, delim);
            have = 1;
        }
        /* tabs number 1, 2, 7, 8, 17, 18, 26, 27, 29 .. 34 of the row */
        const char *t1, *t2, *t7, *t8, *t17, *t18, *t26, *t27, *t29, *t30, *t31, *t32, *t33, *t34;
        if (!(t1 = SGF(sg_tab)(&b, 1, row, delim)) || !(t2 = SGF(sg_tab)(&b, 1, row, delim)) ||
            !(t7 = SGF(sg_tab)(&b, 5, row, delim)) || !(t8 = SGF(sg_tab)(&b, 1, row, delim)) ||
            !(t17 = SGF(sg_tab)(&b, 9, row, delim)) || !(t18 = SGF(sg_tab)(&b, 1, row, delim)) ||
            !(t26 = SGF(sg_tab)(&b, 8, row, delim)) || !(t27 = SGF(sg_tab)(&b, 1, row, delim)) ||
            !(t29 = SGF(sg_tab)(&b, 2, row, delim)) || !(t30 = SGF(sg_tab)(&b, 1, row, delim)) ||
            !(t31 = SGF(sg_tab)(&b, 1, row, delim)) || !(t32 = SGF(sg_tab)(&b, 1, row, delim)) ||
            !(t33 = SGF(sg_tab)(&b, 1, row, delim)) || !(t34 = SGF(sg_tab)(&b, 1, row, delim)))
            goto generic;
        /* the rest of the row: count its tabs up to the newline */
        int nf = 35;
        for (;;) {
            if (b.nl) {
                uint64_t low = b.nl ^ (b.nl - 1);
                nf += __builtin_popcountll(b.tab & low);
                b.tab &= ~low;
                p = b.base + __builtin_ctzll(b.nl) + 1;
                b.nl &= b.nl - 1;
                break;
            }
            nf += __builtin_popcountll(b.tab);
            const char *nb = b.base + 64;
            if (nb - row > SG_MAXROW)
                goto generic;
            SG_LOAD(&b, nb, delim);
        }
        if (nf < sp->nf_min || nf > sp->nf_max)
            goto generic;
        fr[R_ID] = (ent_ev_field){ row, (uint32_t)(t1 - row) };
        fr[R_DATE] = (ent_ev_field){ t1 + 1, (uint32_t)(t2 - t1 - 1) };
        fr[R_A1] = (ent_ev_field){ t7 + 1, (uint32_t)(t8 - t7 - 1) };
        fr[R_A2] = (ent_ev_field){ t17 + 1, (uint32_t)(t18 - t17 - 1) };
        fr[R_CODE] = (ent_ev_field){ t26 + 1, (uint32_t)(t27 - t26 - 1) };
        fr[R_QUAD] = (ent_ev_field){ t29 + 1, (uint32_t)(t30 - t29 - 1) };
        fr[R_GS] = (ent_ev_field){ t30 + 1, (uint32_t)(t31 - t30 - 1) };
        fr[R_MENT] = (ent_ev_field){ t31 + 1, (uint32_t)(t32 - t31 - 1) };
        fr[R_SRC] = (ent_ev_field){ t32 + 1, (uint32_t)(t33 - t32 - 1) };
        fr[R_ART] = (ent_ev_field){ t33 + 1, (uint32_t)(t34 - t33 - 1) };
        rc.off = base_off + (uint64_t)(row - data0);
        rc.line = *line;
        if (*line)
            (*line)++;
        if (process_row(&rc, fr, nf))
            return NULL;
        continue;
    generic: {
            /* this one row through the generic scanner */
            const char *q = scan_tsv(w, sp, file, row, row + 1, end,
                                     base_off + (uint64_t)(row - data0), line, final);
            if (!q || q == row)
                return q;
            p = q;
            have = 0;
        }
    }
    return scan_tsv(w, sp, file, p, stop, end, base_off + (uint64_t)(p - data0), line, final);
}
