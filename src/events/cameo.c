/*
 * cameo.c -- the CAMEO code table, Goldstein scale and quad classes, read at
 * run time from cameo_codebook/ (never retyped here), and the small RFC 4180
 * record parser shared by the codebook reader and the CSV event scanners.
 */
#include "events.h"
#include "../core/dynbuf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ent_cameo_pack(const char *s, size_t n)
{
    if (n < 2 || n > 4)
        return -1;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return (int)n * 10000 + v;
}

void ent_cameo_unpack(int packed, char buf[5])
{
    int n = packed / 10000, v = packed % 10000;
    if (n < 2 || n > 4) {
        strcpy(buf, "?");
        return;
    }
    for (int i = n - 1; i >= 0; i--) {
        buf[i] = (char)('0' + v % 10);
        v /= 10;
    }
    buf[n] = 0;
}

int ent_ev_csv_row(const char *p, const char *end, char delim, const char **next,
                   ent_ev_field *f, int maxf, char *scratch, size_t scratchcap, int *nfields,
                   int *nlines)
{
    int nf = 0, nl = 0;
    size_t sc = 0;
    for (;;) {
        const char *fs = p;
        ent_ev_field cur = { p, 0 };
        if (p < end && *p == '"') {
            /* quoted field */
            p++;
            fs = p;
            int esc = 0;
            for (;;) {
                if (p >= end)
                    return -1;
                if (*p == '"') {
                    if (p + 1 < end && p[1] == '"') {
                        esc = 1;
                        p += 2;
                        continue;
                    }
                    break;
                }
                if (*p == '\n')
                    nl++;
                p++;
            }
            if (!esc) {
                cur.p = fs;
                cur.n = (uint32_t)(p - fs);
            } else {
                size_t need = (size_t)(p - fs);
                if (sc + need + 1 > scratchcap)
                    return -3;
                char *o = scratch + sc;
                size_t k = 0;
                for (const char *q = fs; q < p; q++) {
                    o[k++] = *q;
                    if (*q == '"')
                        q++;
                }
                cur.p = o;
                cur.n = (uint32_t)k;
                sc += k + 1;
            }
            p++; /* closing quote */
            if (p < end && *p != delim && *p != '\n' && *p != '\r')
                return -2;
        } else {
            while (p < end && *p != delim && *p != '\n')
                p++;
            cur.n = (uint32_t)(p - fs);
            if (cur.n && fs[cur.n - 1] == '\r' && (p >= end || *p == '\n'))
                cur.n--;
        }
        if (nf < maxf)
            f[nf] = cur;
        nf++;
        if (p < end && *p == '\r')
            p++;
        if (p >= end) {
            *next = p;
            break;
        }
        if (*p == '\n') {
            nl++;
            *next = p + 1;
            break;
        }
        p++; /* delimiter */
    }
    *nfields = nf;
    *nlines = nl;
    return 0;
}

static ent_status slurp(ent_ctx *ctx, const char *path, char **buf, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return ent_err(ctx, ENT_EIO, "%s: cannot open: %s", path, strerror(errno));
    ent_status st = ent_fread_all(ctx, fp, path, EV_MAXREAD, buf, len);
    int bad = st == ENT_OK && ferror(fp);
    fclose(fp);
    if (bad) {
        ent_free(ctx, *buf);
        *buf = NULL;
        return ent_err(ctx, ENT_EIO, "%s: read error", path);
    }
    return st;
}

static int trim(const char **s, uint32_t *n)
{
    while (*n && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*n)--;
    }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\r'))
        (*n)--;
    return (int)*n;
}

/* load_tsv reads a two-column TSV with a header; fn receives each row. */
static ent_status load_tsv(ent_ctx *ctx, const char *path, ent_cameo *c, int which)
{
    char *buf = NULL;
    size_t len = 0;
    ent_status st = slurp(ctx, path, &buf, &len);
    if (st != ENT_OK)
        return st;
    const char *p = buf, *end = buf + len;
    int line = 1;
    ent_ev_field f[4];
    char scratch[256];
    for (int row = 0; p < end; row++) {
        const char *next;
        int nf, nl, at = line;
        if (ent_ev_csv_row(p, end, '\t', &next, f, 4, scratch, sizeof scratch, &nf, &nl) != 0) {
            st = ent_err(ctx, ENT_EPARSE, "%s:%d: malformed row", path, at);
            goto out;
        }
        line += nl;
        p = next;
        if (row == 0 || (nf == 1 && f[0].n == 0))
            continue;
        if (nf < 2) {
            st = ent_err(ctx, ENT_EPARSE, "%s:%d: expected 2 fields, found %d", path, at, nf);
            goto out;
        }
        const char *cs = f[0].p;
        uint32_t cn = f[0].n;
        trim(&cs, &cn);
        int k = ent_cameo_pack(cs, cn);
        if (k < 0) {
            st = ent_err(ctx, ENT_EPARSE, "%s:%d: column 1 (CAMEOEVENTCODE): '%.*s' is not a code",
                         path, at, (int)f[0].n, f[0].p);
            goto out;
        }
        if (which == 0) {
            if (!c->gdelt[k])
                c->ncodes_gdelt++;
            c->gdelt[k] = 1;
        } else {
            char tmp[32];
            const char *gs = f[1].p;
            uint32_t gn = f[1].n;
            trim(&gs, &gn);
            char *e;
            if (gn == 0 || gn >= sizeof tmp)
                goto badg;
            memcpy(tmp, gs, gn);
            tmp[gn] = 0;
            double g = strtod(tmp, &e);
            if (*e || g < -10 || g > 10)
                goto badg;
            c->gold10[k] = (int16_t)(g >= 0 ? g * 10 + 0.5 : g * 10 - 0.5);
            continue;
        badg:
            st = ent_err(ctx, ENT_EPARSE, "%s:%d: column 2 (GOLDSTEINSCALE): '%.*s' is not a number",
                         path, at, (int)f[1].n, f[1].p);
            goto out;
        }
    }
out:
    ent_free(ctx, buf);
    return st;
}

static ent_status load_quads(ent_ctx *ctx, const char *path, ent_cameo *c)
{
    char *buf = NULL;
    size_t len = 0;
    ent_status st = slurp(ctx, path, &buf, &len);
    if (st != ENT_OK)
        return st;
    const char *p = buf, *end = buf + len;
    int line = 1, icode = -1, iquad = -1;
    ent_ev_field f[16];
    char *scratch = ent_malloc(ctx, 1 << 16);
    if (!scratch) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    for (int row = 0; p < end; row++) {
        const char *next;
        int nf, nl, at = line;
        if (ent_ev_csv_row(p, end, ',', &next, f, 16, scratch, 1 << 16, &nf, &nl) != 0) {
            st = ent_err(ctx, ENT_EPARSE, "%s:%d: malformed row", path, at);
            goto out;
        }
        line += nl;
        p = next;
        if (nf > 16)
            nf = 16;
        if (row == 0) {
            for (int i = 0; i < nf; i++) {
                if (f[i].n == 10 && !memcmp(f[i].p, "cameo_code", 10))
                    icode = i;
                if (f[i].n == 13 && !memcmp(f[i].p, "quad_category", 13))
                    iquad = i;
            }
            if (icode < 0 || iquad < 0) {
                st = ent_err(ctx, ENT_EPARSE, "%s:1: missing column 'cameo_code' or 'quad_category'",
                             path);
                goto out;
            }
            continue;
        }
        if (nf == 1 && f[0].n == 0)
            continue;
        if (nf <= icode || nf <= iquad) {
            st = ent_err(ctx, ENT_EPARSE, "%s:%d: short row (%d fields)", path, at, nf);
            goto out;
        }
        int k = ent_cameo_pack(f[icode].p, f[icode].n);
        if (k < 0) {
            st = ent_err(ctx, ENT_EPARSE, "%s:%d: column %d (cameo_code): '%.*s' is not a code",
                         path, at, icode + 1, (int)f[icode].n, f[icode].p);
            goto out;
        }
        static const char *const qn[] = { "verbal cooperation", "material cooperation",
                                          "verbal conflict", "material conflict" };
        int q = 0;
        for (int i = 0; i < 4; i++)
            if (f[iquad].n == strlen(qn[i]) && !memcmp(f[iquad].p, qn[i], f[iquad].n))
                q = i + 1;
        if (!q) {
            st = ent_err(ctx, ENT_EPARSE, "%s:%d: column %d (quad_category): unknown '%.*s'", path,
                         at, iquad + 1, (int)f[iquad].n, f[iquad].p);
            goto out;
        }
        if (!c->icews[k])
            c->ncodes_icews++;
        c->icews[k] = 1;
        c->quad[k] = (uint8_t)q;
    }
out:
    ent_free(ctx, scratch);
    ent_free(ctx, buf);
    return st;
}

ent_status ent_cameo_load(ent_ctx *ctx, const char *datadir, ent_cameo **out)
{
    ent_status st = ENT_OK;
    char *p1 = NULL, *p2 = NULL, *p3 = NULL;
    ent_cameo *c = ent_calloc(ctx, 1, sizeof *c);
    if (!c)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    for (int i = 0; i < EV_CODE_SPACE; i++)
        c->gold10[i] = INT16_MIN;
    p1 = ent_path_join(ctx, datadir, "cameo_codebook/GDELT_CAMEO.eventcodes.txt");
    p2 = ent_path_join(ctx, datadir, "cameo_codebook/GDELT_CAMEO.goldsteinscale.txt");
    p3 = ent_path_join(ctx, datadir, "cameo_codebook/icews_cameo_codes_quadpenta.csv");
    if (!p1 || !p2 || !p3) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    if ((st = load_tsv(ctx, p1, c, 0)) != ENT_OK || (st = load_tsv(ctx, p2, c, 1)) != ENT_OK ||
        (st = load_quads(ctx, p3, c)) != ENT_OK)
        goto out;
    if (c->ncodes_gdelt < 100 || c->ncodes_icews < 100) {
        st = ent_err(ctx, ENT_EPARSE, "%s/cameo_codebook: code tables look incomplete (%d, %d codes)",
                     datadir, c->ncodes_gdelt, c->ncodes_icews);
        goto out;
    }
out:
    ent_free(ctx, p1);
    ent_free(ctx, p2);
    ent_free(ctx, p3);
    if (st != ENT_OK) {
        ent_free(ctx, c);
        c = NULL;
    }
    *out = c;
    return st;
}
