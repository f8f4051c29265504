/*
 * plan.c -- work planning for the event engine: each input file is opened
 * through the byte source, its first MiB read (decompressed), its format
 * detected (--format auto) or checked and its header mapped to roles by
 * column name; plain unquoted files are cut into byte-range units, the
 * others are one unit each, and this rank keeps every nranks-th unit.
 */
#include "engine.h"
#include "../core/dynbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const gdelt_colname[NROLES] = {
    "GLOBALEVENTID", "SQLDATE", "Actor1CountryCode", "Actor2CountryCode", "EventCode",
    "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles"
};
static const int gdelt_colidx[NROLES] = { 0, 1, 7, 17, 26, 29, 30, 31, 32, 33 };

/* header aliases, normalised (lowercase, no blanks or underscores) */
static const char *const role_alias[NROLES][4] = {
    { "globaleventid", "eventid", NULL },
    { "sqldate", "eventdate", "day", NULL },
    { "actor1countrycode", "sourcecountry", NULL },
    { "actor2countrycode", "targetcountry", NULL },
    { "eventcode", "cameocode", NULL },
    { "quadclass", NULL },
    { "goldsteinscale", "intensity", NULL },
    { "nummentions", NULL },
    { "numsources", NULL },
    { "numarticles", NULL },
};

/* -------------------------------------------------------------- planning */

static int norm_eq(const char *s, size_t n, const char *alias)
{
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '_' || c == '\r')
            continue;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (!alias[j] || alias[j] != c)
            return 0;
        j++;
    }
    return alias[j] == 0;
}

static void spec_finish(ev_spec *s)
{
    memset(s->role_of, -1, sizeof s->role_of);
    s->last_needed = 0;
    for (int r = 0; r < NROLES; r++)
        if (s->idx[r] >= 0 && s->idx[r] < 64) {
            s->role_of[s->idx[r]] = (int8_t)r;
            if (s->idx[r] > s->last_needed)
                s->last_needed = s->idx[r];
        }
    int nx = s->last_needed + 1;
    for (int i = 64; i >= 0; i--) {
        if (i < 64 && s->role_of[i] >= 0)
            nx = i;
        s->next_need[i] = (uint8_t)(i > s->last_needed ? s->last_needed + 1 : nx);
    }
}

static void spec_gdelt(ev_spec *s, ent_ev_format fmt)
{
    memset(s, 0, sizeof *s);
    s->fmt = fmt;
    s->delim = '\t';
    s->nf_min = fmt == EV_FMT_GDELT2 ? 61 : 57;
    s->nf_max = fmt == EV_FMT_GDELT2 ? 61 : 58;
    for (int r = 0; r < NROLES; r++) {
        s->idx[r] = gdelt_colidx[r];
        snprintf(s->colname[r], sizeof s->colname[r], "%s", gdelt_colname[r]);
    }
    s->gdelt_fixed = 1;
    spec_finish(s);
}

/* spec_header builds a spec from a header line; returns 0, or -1 with why. */
static int spec_header(ev_spec *s, const char *line, size_t n, char delim, char *why, size_t whyn)
{
    ent_ev_field f[256];
    char scratch[4096];
    const char *next;
    int nf, nl;
    memset(s, 0, sizeof *s);
    if (ent_ev_csv_row(line, line + n, delim, &next, f, 256, scratch, sizeof scratch, &nf, &nl) !=
            0 ||
        nf > 256) {
        snprintf(why, whyn, "unreadable header line");
        return -1;
    }
    for (int r = 0; r < NROLES; r++) {
        s->idx[r] = -1;
        for (int i = 0; i < nf && s->idx[r] < 0; i++)
            for (int a = 0; role_alias[r][a]; a++)
                if (norm_eq(f[i].p, f[i].n, role_alias[r][a])) {
                    s->idx[r] = i;
                    snprintf(s->colname[r], sizeof s->colname[r], "%.*s", (int)f[i].n, f[i].p);
                    break;
                }
    }
    static const int need[] = { R_DATE, R_A1, R_A2, R_CODE, R_GS };
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
        if (s->idx[need[i]] < 0) {
            snprintf(why, whyn, "the header has no %s column", role_alias[need[i]][0]);
            return -1;
        }
    s->names = norm_eq(s->colname[R_A1], strlen(s->colname[R_A1]), "sourcecountry");
    s->icews_codes = s->names;
    if (!s->names && s->idx[R_QUAD] < 0) {
        snprintf(why, whyn, "the header has no QuadClass column");
        return -1;
    }
    if (s->names)
        s->idx[R_QUAD] = s->idx[R_MENT] = s->idx[R_SRC] = s->idx[R_ART] = -1;
    s->fmt = s->names ? EV_FMT_ICEWS : EV_FMT_GDELT1_CSV;
    s->delim = delim;
    s->quoted = delim == ',';
    s->header = 1;
    s->nf_min = s->nf_max = nf;
    for (int r = 0; r < NROLES; r++)
        if (s->idx[r] >= 64) {
            snprintf(why, whyn, "column %s is beyond field 64", s->colname[r]);
            return -1;
        }
    spec_finish(s);
    return 0;
}

/* peek reads up to cap decompressed bytes from the start of path. */
/* peek reads up to cap decompressed bytes from the start of f->path and
 * sets f->kind and f->size. */
static ent_status peek(ent_ctx *ctx, ev_file *f, char *buf, size_t cap, size_t *got)
{
    char why[512];
    ent_bytesrc *s = NULL;
    *got = 0;
    ent_status st = ent_bytesrc_open(ctx, f->path, ENT_BS_ALLOW_ZIP | ENT_BS_REGULAR, &s, why,
                                     sizeof why);
    if (st != ENT_OK)
        return ent_err(ctx, st, "%s", why);
    f->kind = ent_bytesrc_kind(s);
    f->size = ent_bytesrc_size(s);
    if (f->size == 0) {
        ent_bytesrc_close(s);
        return ent_err(ctx, ENT_EPARSE, "%s:1: empty file", f->path);
    }
    if (f->kind == ENT_BS_ZIP && ent_bytesrc_members(s) != 1) {
        long n = ent_bytesrc_members(s);
        ent_bytesrc_close(s);
        return ent_err(ctx, ENT_EPARSE, "%s: a zip archive must hold one event file (it holds %lld)",
                       f->path, (long long)n);
    }
    st = ent_bytesrc_read(s, buf, cap, got);
    if (st == ENT_EIO && f->kind == ENT_BS_PLAIN)
        st = ent_err(ctx, ENT_EIO, "%s: read error: %s", f->path, ent_bytesrc_error(s));
    else if (f->kind == ENT_BS_GZ && (st == ENT_EIO || (st != ENT_OK && *got == 0)))
        st = ent_err(ctx, ENT_EPARSE, "%s:1: truncated or corrupt gzip (%s)", f->path,
                     ent_bytesrc_error(s));
    else if (f->kind == ENT_BS_ZIP && st != ENT_OK)
        st = ent_err(ctx, ENT_EPARSE, "%s:1: truncated or corrupt zip archive (%s)", f->path,
                     ent_bytesrc_error(s));
    else
        st = ENT_OK;
    ent_bytesrc_close(s);
    if (st != ENT_OK)
        return st;
    if (*got == 0)
        return ent_err(ctx, ENT_EPARSE, "%s:1: empty file (no rows after decompression)", f->path);
    return ENT_OK;
}

/* plan_file detects the format (or checks the one requested) and reads the header. */
static ent_status plan_file(ent_ctx *ctx, ev_file *f, ent_ev_format want, char *buf, size_t cap)
{
    size_t got;
    ent_status st = peek(ctx, f, buf, cap, &got);
    if (st != ENT_OK)
        return st;
    const char *nl = memchr(buf, '\n', got);
    size_t l1 = nl ? (size_t)(nl - buf) : got;
    int tabs = 0, commas = 0;
    for (size_t i = 0; i < l1; i++) {
        tabs += buf[i] == '\t';
        commas += buf[i] == ',';
    }
    char why[160];
    int hdr = 0;
    /* a header names its columns: look for a known event column name */
    {
        ev_spec tmp;
        char d = tabs > commas ? '\t' : ',';
        if (spec_header(&tmp, buf, l1, d, why, sizeof why) == 0) {
            hdr = 1;
            f->spec = tmp;
        }
    }
    if (want == EV_FMT_AUTO) {
        if (!hdr) {
            if (tabs + 1 == 57 || tabs + 1 == 58)
                want = EV_FMT_GDELT1;
            else if (tabs + 1 == 61)
                want = EV_FMT_GDELT2;
            else
                return ent_err(ctx, ENT_EPARSE,
                               "%s:1: not an event file under --format auto: the first line has %d "
                               "tab-separated fields (GDELT 1.0 has 57 or 58, GDELT 2.0 has 61) and "
                               "no GDELT or ICEWS header",
                               f->path, tabs + 1);
        }
    }
    if (want == EV_FMT_GDELT1 || want == EV_FMT_GDELT2) {
        spec_gdelt(&f->spec, want);
        f->hdr_end = 0;
        f->hdr_lines = 0;
        return ENT_OK;
    }
    if (!hdr)
        return ent_err(ctx, ENT_EPARSE, "%s:1: expected a header line for --format %s: %s", f->path,
                       ent_ev_format_name(want), why);
    if (want != EV_FMT_AUTO && want != f->spec.fmt)
        return ent_err(ctx, ENT_EPARSE, "%s:1: the header is that of %s, not %s", f->path,
                       ent_ev_format_name(f->spec.fmt), ent_ev_format_name(want));
    f->hdr_end = nl ? l1 + 1 : got;
    f->hdr_lines = 1;
    /* R's write.csv convention: data rows with one more field than the
     * header carry row names in front. */
    if (nl && f->hdr_end < got) {
        ent_ev_field fl[256];
        char scratch[4096];
        const char *next;
        int nf = 0, nlines = 0;
        if (ent_ev_csv_row(buf + f->hdr_end, buf + got, f->spec.delim, &next, fl, 256, scratch,
                           sizeof scratch, &nf, &nlines) == 0 &&
            nf == f->spec.nf_min + 1 && f->spec.quoted) {
            f->spec.rownames = 1;
            f->spec.nf_min++;
            f->spec.nf_max++;
            for (int r = 0; r < NROLES; r++)
                if (f->spec.idx[r] >= 0)
                    f->spec.idx[r]++;
            spec_finish(&f->spec);
        }
    }
    return ENT_OK;
}


ent_status ev_plan(ent_ctx *ctx, ev_run *run, const char *const *paths, size_t nfiles,
                   int *formats_seen)
{
    const ent_ev_opts *opts = run->opts;
    ent_status st = ENT_OK;
    char *peekbuf = ent_malloc(ctx, 1 << 20);
    run->files = ent_calloc(ctx, nfiles, sizeof *run->files);
    if (!peekbuf || !run->files) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    run->nfiles = nfiles;
    /* small enough to even out threads slowed by other jobs */
    size_t split = opts->split_bytes ? opts->split_bytes : (size_t)16 << 20;
    size_t nunits = 0, capunits = 0;
    for (size_t i = 0; i < nfiles; i++) {
        ev_file *f = &run->files[i];
        f->path = paths[i];
        if ((st = plan_file(ctx, f, opts->format, peekbuf, 1 << 20)) != ENT_OK)
            goto out;
        *formats_seen |= 1 << f->spec.fmt;
        size_t k = 1;
        if (f->kind == ENT_BS_PLAIN && !f->spec.quoted && !opts->dedupe)
            k = (size_t)((f->size + split - 1) / split);
        if (k == 0)
            k = 1;
        if (ent_grow(ctx, &run->units, &capunits, nunits + k, sizeof *run->units, EV_MAXUNITS,
                     "events: work units") != ENT_OK) {
            st = ENT_ENOMEM;
            goto out;
        }
        for (size_t j = 0; j < k; j++) {
            ev_unit *u = &run->units[nunits++];
            u->file = (int)i;
            u->lo = f->kind == ENT_BS_PLAIN ? j * split : 0;
            u->hi = f->kind == ENT_BS_PLAIN ? (j + 1 == k ? f->size : (j + 1) * split) : f->size;
        }
    }
    /* this rank's share: every nranks-th unit */
    if (opts->nranks > 1) {
        size_t m = 0;
        for (size_t i = 0; i < nunits; i++)
            if ((int)(i % (size_t)opts->nranks) == opts->rank)
                run->units[m++] = run->units[i];
        nunits = m;
    }
    run->nunits = nunits;
    /* open and map the plain files this rank reads */
    for (size_t i = 0; i < nunits; i++) {
        ev_file *f = &run->files[run->units[i].file];
        if (f->kind != ENT_BS_PLAIN || f->src)
            continue;
        char why[512];
        if ((st = ent_bytesrc_open(ctx, f->path, 0, &f->src, why, sizeof why)) != ENT_OK) {
            st = ent_err(ctx, st, "%s", why);
            goto out;
        }
        if ((st = ent_bytesrc_map(f->src, &f->map, why, sizeof why)) != ENT_OK) {
            st = ent_err(ctx, st, "%s: %s", f->path, why);
            goto out;
        }
    }
out:
    ent_free(ctx, peekbuf);
    return st;
}

void ev_plan_free(ev_run *run)
{
    if (run->files) {
        for (size_t i = 0; i < run->nfiles; i++)
            ent_bytesrc_close(run->files[i].src);
        ent_free(run->ctx, run->files);
    }
    ent_free(run->ctx, run->units);
    run->files = NULL;
    run->units = NULL;
}

const char *ent_ev_format_name(ent_ev_format f)
{
    switch (f) {
    case EV_FMT_GDELT1: return "gdelt1";
    case EV_FMT_GDELT2: return "gdelt2";
    case EV_FMT_GDELT1_CSV: return "gdelt1-csv";
    case EV_FMT_ICEWS: return "icews";
    default: return "auto";
    }
}

int ent_ev_format_parse(const char *s)
{
    static const char *const n[] = { "auto", "gdelt1", "gdelt2", "gdelt1-csv", "icews" };
    for (int i = 0; i < 5; i++)
        if (!strcmp(s, n[i]))
            return i;
    return -1;
}
