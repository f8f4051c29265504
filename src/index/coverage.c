/*
 * coverage.c -- where the sources end, for one span of years: the line that
 * names the sources a span runs past, from the codebook's stated coverage.
 * (The default year of `entente dyad`, which reads panel rows, is
 * ent_panel_dyad_latest in src/panel/row.c.)
 */
#include "compare.h"
#include "panel/panel.h"

#include <stdio.h>
#include <string.h>

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
