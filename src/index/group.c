/*
 * group.c -- the comparison groups of `entente compare` and the pairs
 * ("A-B") they are written with.
 *
 *   allies:S       dyads of S with an ATOP defense obligation that year
 *   allies:S:any   dyads of S with any ATOP obligation (atop_level > 0)
 *   allies:S@Y     (or allies:S:any@Y) the members of year Y, for any year
 *                  scored: the only way past ATOP's last year
 *   partners:S     every dyad that contains S
 *   A-B,C-D,...    an explicit list
 *   all            every dyad of the year
 */
#include "index.h"
#include "panel/panel.h"
#include "../core/dynbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* split_pair tries buf split at sep: both halves must resolve. */
static ent_status split_pair(ent_ctx *ctx, const ent_registry *reg, const char *text, size_t at,
                             int year, int *a, int *b)
{
    char left[256];
    snprintf(left, sizeof left, "%.*s", (int)at, text);
    {
        ent_status st = ent_state_resolve(ctx, reg, left, year, a);
        return st != ENT_OK ? st : ent_state_resolve(ctx, reg, text + at + 1, year, b);
    }
}

/* ent_ix_pair parses "A-B" (also "A,B") into two COW codes.  A name with a
 * hyphen ("Guinea-Bissau-SEN") is split at the first hyphen where both
 * halves name a state; if none does, the first split's error is reported. */
ent_status ent_ix_pair(ent_ctx *ctx, const ent_registry *reg, const char *text, int year, int *a,
                       int *b)
{
    const char *first = strchr(text, '-');
    ent_status st;
    char sep = '-';
    if (!first) {
        first = strchr(text, ',');
        sep = ',';
    }
    if (!first || strlen(text) >= 256)
        return ent_err(ctx, ENT_EINVAL, "'%s' is not a dyad: write A-B (e.g. CHN-RUS)", text);
    for (const char *p = first; p; p = strchr(p + 1, sep))
        if (split_pair(ctx, reg, text, (size_t)(p - text), year, a, b) == ENT_OK)
            goto found;
    st = split_pair(ctx, reg, text, (size_t)(first - text), year, a, b); /* its message */
    return st != ENT_OK ? st : ent_err(ctx, ENT_EINVAL, "'%s' is not a dyad", text);
found:
    if (*a == *b)
        return ent_err(ctx, ENT_EINVAL, "'%s' names the same state twice", text);
    return ENT_OK;
}

int ent_ix_atop_last(void)
{
    int i = ent_panel_find("atop_defense");
    return i >= 0 && ent_panel_indicators[i].hi ? ent_panel_indicators[i].hi : 2018;
}

#define GROUP_MAX (1u << 20) /* dyads of a group: at most those of a year */

static ent_status push(ent_ctx *ctx, long **rows, size_t *n, size_t *cap, long r)
{
    for (size_t i = 0; i < *n; i++)
        if ((*rows)[i] == r)
            return ENT_OK;
    if (ent_grow(ctx, rows, cap, *n + 1, sizeof **rows, GROUP_MAX, "group: dyads") != ENT_OK)
        return ENT_ENOMEM;
    (*rows)[(*n)++] = r;
    return ENT_OK;
}

ent_status ent_ix_group(ent_ctx *ctx, sqlite3 *db, const ent_registry *reg, const ent_ix_year *y,
                        const char *spec, long **rows, size_t *n)
{
    size_t cap = 0;
    ent_status st = ENT_OK;
    *rows = NULL;
    *n = 0;
    if (!strcmp(spec, "all")) {
        for (size_t r = 0; r < y->n && st == ENT_OK; r++)
            st = push(ctx, rows, n, &cap, (long)r);
    } else if (!strncmp(spec, "allies:", 7) || !strncmp(spec, "partners:", 9)) {
        int partners = spec[0] == 'p', any = 0, s, pin = 0, member_year;
        char state[64], base[128];
        const char *arg, *colon, *at = strchr(spec, '@');
        snprintf(base, sizeof base, "%.*s", (int)(at ? at - spec : (long)strlen(spec)), spec);
        if (at) {
            char *end;
            long v = strtol(at + 1, &end, 10);
            if (partners)
                return ent_err(ctx, ENT_EINVAL, "group '%s': only allies:S takes @YEAR", spec);
            if (!at[1] || *end || v < ENT_IX_ATOP_FIRST || v > 9999)
                return ent_err(ctx, ENT_EINVAL, "group '%s': @YEAR must be a year from %d on",
                               spec, ENT_IX_ATOP_FIRST);
            pin = (int)v;
        }
        arg = strchr(base, ':') + 1;
        colon = strchr(arg, ':');
        snprintf(state, sizeof state, "%.*s", (int)(colon ? colon - arg : (long)strlen(arg)), arg);
        if (colon) {
            if (partners || strcmp(colon + 1, "any"))
                return ent_err(ctx, ENT_EINVAL, "group '%s': only allies:S:any takes a suffix",
                               spec);
            any = 1;
        }
        member_year = pin ? pin : y->year;
        if (!partners && member_year > ent_ix_atop_last()) /* never carried forward silently */
            return ent_err(ctx, ENT_EINVAL,
                           "group '%s' in %d: ATOP's alliance data end in %d; pin the "
                           "membership to a covered year, e.g. %s@%d",
                           spec, member_year, ent_ix_atop_last(), base, ent_ix_atop_last());
        if ((st = ent_state_resolve(ctx, reg, state, member_year, &s)) != ENT_OK)
            return st;
        if (partners) {
            for (size_t r = 0; r < y->n && st == ENT_OK; r++)
                if (y->c1[r] == s || y->c2[r] == s)
                    st = push(ctx, rows, n, &cap, (long)r);
        } else {
            /* the members of member_year: its pairs with s that have the tie */
            const char *col = any ? "atop_level" : "atop_defense";
            ent_panel_read rd = {.with = s, .from = member_year, .to = member_year, .cols = &col,
                                 .ncols = 1};
            ent_panel_rows *pr = NULL;
            if ((st = ent_panel_rows_read(ctx, db, &rd, &pr)) != ENT_OK)
                return st;
            /* pinned: the members of member_year that are still dyads in y->year */
            while (st == ENT_OK && (st = ent_panel_rows_next(pr)) == ENT_OK) {
                double v = ent_panel_rows_at(pr, 0);
                int tie = any ? v > 0 : v == 1; /* NAN (missing) is no tie */
                long r = tie ? ent_ix_find(y, ent_panel_rows_ccode1(pr), ent_panel_rows_ccode2(pr))
                             : -1;
                if (r >= 0)
                    st = push(ctx, rows, n, &cap, r);
            }
            ent_panel_rows_close(pr);
            if (st == ENT_DONE)
                st = ENT_OK;
        }
        if (st == ENT_OK && *n == 0 && partners)
            st = ent_err(ctx, ENT_ENODATA, "group '%s' is empty in %d", spec, y->year);
        else if (st == ENT_OK && *n == 0)
            st = ent_err(ctx, ENT_ENODATA, "group '%s' is empty in %d (ATOP covers %d-%d)", spec,
                         y->year, ENT_IX_ATOP_FIRST, ent_ix_atop_last());
    } else {
        const char *p = spec;
        while (*p && st == ENT_OK) {
            const char *e = strchr(p, ',');
            size_t k = e ? (size_t)(e - p) : strlen(p);
            char one[128];
            int a, b;
            long r;
            snprintf(one, sizeof one, "%.*s", (int)k, p);
            p = e ? e + 1 : p + k;
            if (!strchr(one, '-'))
                return ent_err(ctx, ENT_EINVAL,
                               "group '%s': expected allies:S, allies:S:any, partners:S, all, or a "
                               "list A-B,C-D", spec);
            if ((st = ent_ix_pair(ctx, reg, one, y->year, &a, &b)) != ENT_OK)
                break;
            if ((r = ent_ix_find(y, a, b)) < 0) {
                st = ent_err(ctx, ENT_ENODATA, "%s-%s is not a dyad in %d (not both system members)",
                             ent_state_abb(reg, a), ent_state_abb(reg, b), y->year);
                break;
            }
            st = push(ctx, rows, n, &cap, r);
        }
        if (st == ENT_OK && *n == 0)
            st = ent_err(ctx, ENT_ENODATA, "the group is empty");
    }
    if (st != ENT_OK) {
        ent_free(ctx, *rows);
        *rows = NULL;
        *n = 0;
    }
    return st;
}
