/*
 * coverage.c -- where the sources end, for one dyad or one span of years:
 * the default year of `entente dyad` (the latest year the dyad has most of
 * its data, not merely the panel's last year) and the line that names the
 * sources a span runs past, from the codebook's stated coverage.
 */
#include "compare.h"
#include "panel/panel.h"

#include <stdio.h>
#include <string.h>

ent_status ent_ix_dyad_latest(ent_ctx *ctx, sqlite3 *db, int a, int b, int *year, int *present,
                              int *best)
{
    sqlite3_stmt *q = NULL;
    int max = 0, rc, n = 0, cap = 0;
    int years[ENT_PANEL_YEAR_HI - ENT_PANEL_YEAR_LO + 1], counts[ENT_PANEL_YEAR_HI - ENT_PANEL_YEAR_LO + 1];
    *year = *present = *best = 0;
    if (sqlite3_prepare_v2(db, "SELECT * FROM panel WHERE ccode1 = ?1 AND ccode2 = ?2 ORDER BY year",
                           -1, &q, NULL) != SQLITE_OK)
        return ent_err(ctx, ENT_EDB, "the warehouse has no panel (%s); run `entente build`",
                       sqlite3_errmsg(db));
    sqlite3_bind_int(q, 1, a < b ? a : b);
    sqlite3_bind_int(q, 2, a < b ? b : a);
    cap = (int)(sizeof years / sizeof *years);
    while ((rc = sqlite3_step(q)) == SQLITE_ROW && n < cap) {
        int k = 0, y = 0;
        for (int c = 0; c < sqlite3_column_count(q); c++) { /* by name: any column order */
            const char *nm = sqlite3_column_name(q, c);
            if (!strcmp(nm, "year"))
                y = sqlite3_column_int(q, c);
            else if (strcmp(nm, "ccode1") && strcmp(nm, "ccode2") &&
                     sqlite3_column_type(q, c) != SQLITE_NULL)
                k++;
        }
        years[n] = y;
        counts[n++] = k;
        if (k > max)
            max = k;
    }
    sqlite3_finalize(q);
    if (!n)
        return ent_err(ctx, ENT_ENODATA, "no panel rows for this dyad");
    *best = max;
    for (int i = n - 1; i >= 0; i--)
        if (2 * counts[i] >= max) {
            *year = years[i];
            *present = counts[i];
            break;
        }
    return ENT_OK;
}

int ent_ix_ended_text(int year, char *buf, size_t cap)
{
    const char *seen[ENT_PANEL_MAXIND];
    int nseen = 0;
    size_t o = 0;
    if (!cap)
        return 0;
    buf[0] = '\0';
    for (size_t k = 0; k < ent_panel_nindicators && nseen < ENT_PANEL_MAXIND; k++) {
        const ent_indicator *ind = &ent_panel_indicators[k];
        int dup = 0;
        if (!ind->hi || ind->hi >= year || !strcmp(ind->dimension, "context"))
            continue;
        for (int i = 0; i < nseen; i++)
            dup |= !strcmp(seen[i], ind->source);
        if (dup)
            continue;
        seen[nseen++] = ind->source;
        if (o < cap)
            o += (size_t)snprintf(buf + o, cap - o, "%s%s (%d)",
                                  nseen > 1 ? ", " : "", ind->source, ind->hi);
    }
    return nseen;
}
