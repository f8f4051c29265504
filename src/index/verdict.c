/*
 * verdict.c -- the verdict's arithmetic and its sentences: how many of a
 * group the subject ranks above, the missing indicators, the robustness
 * line (see index.h).
 */
#include "index.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ verdict */

void ent_ix_verdict_count(const ent_ix_score *sc, size_t n, size_t subject, ent_ix_verdict *v)
{
    memset(v, 0, sizeof *v);
    v->complete = sc[subject].complete;
    for (int d = 0; d <= ENT_NDIM; d++) {
        double s = d < ENT_NDIM ? sc[subject].dim[d] : sc[subject].composite;
        if (isnan(s)) {
            v->missing[d] = 1;
            continue;
        }
        for (size_t i = 0; i < n; i++) {
            double x = d < ENT_NDIM ? sc[i].dim[d] : sc[i].composite;
            if (i == subject || isnan(x))
                continue;
            v->others[d]++;
            if (s > x)
                v->above[d]++;
        }
    }
}

void ent_ix_verdict_text(const ent_ix_verdict *v, const char *subject, char *buf, size_t cap)
{
    size_t o = 0;
#define PUT(...)                                                                                   \
    do {                                                                                           \
        if (o < cap)                                                                               \
            o += (size_t)snprintf(buf + o, cap - o, __VA_ARGS__);                                  \
    } while (0)
    if (cap)
        buf[0] = '\0';
    if (v->missing[ENT_NDIM])
        PUT("%s has no composite (no dimension present);", subject);
    else if (!v->others[ENT_NDIM])
        PUT("%s ranks above 0 of 0 (n/a: no other dyad has a composite);", subject);
    else
        PUT("%s ranks above %d of %d (%.0f%%) on the composite%s;", subject, v->above[ENT_NDIM],
            v->others[ENT_NDIM], 100.0 * v->above[ENT_NDIM] / v->others[ENT_NDIM],
            v->complete ? "" : " (flagged: the subject lacks a dimension)");
    for (int d = 0; d < ENT_NDIM; d++) {
        if (v->missing[d])
            PUT("%s %s missing", d ? "," : " on", ent_ix_dims[d]);
        else
            PUT("%s %s %d of %d", d ? "," : " on", ent_ix_dims[d], v->above[d], v->others[d]);
    }
#undef PUT
}

int ent_ix_missing_text(const ent_ix_config *cfg, const ent_ix_year *y, size_t r, char *buf,
                        size_t cap)
{
    size_t o = 0;
    int nm = 0;
    if (cap)
        buf[0] = '\0';
    for (int t = 0; t < cfg->nterms; t++) {
        if (!isnan(y->raw[r * (size_t)cfg->nterms + (size_t)t]))
            continue;
        nm++;
        if (o < cap)
            o += (size_t)snprintf(buf + o, cap - o, "%s%s", nm > 1 ? ", " : "",
                                  cfg->terms[t].expr);
    }
    if (!nm && cap)
        snprintf(buf, cap, "none");
    return nm;
}

void ent_ix_robust_text(const ent_ix_robust *rb, const char *subject, long long seed, char *buf,
                        size_t cap)
{
    size_t o = 0;
    if (cap)
        buf[0] = '\0';
    for (int k = 0; k <= ENT_NDIM; k++) {
        int d = k == 0 ? ENT_NDIM : k - 1; /* the composite first */
        char share[64];
        if (!rb->defined[d] || isnan(rb->above_median[d]))
            snprintf(share, sizeof share, "n/a");
        else if (rb->defined[d] < rb->draws)
            snprintf(share, sizeof share, "%.0f%% (of %d draws)", 100.0 * rb->above_median[d],
                     rb->defined[d]);
        else
            snprintf(share, sizeof share, "%.0f%%", 100.0 * rb->above_median[d]);
        if (o >= cap)
            break;
        if (k == 0)
            o += (size_t)snprintf(buf + o, cap - o,
                                  "robustness (%d draws, seed %lld): %s ranks above the group "
                                  "median in %s of draws on the composite",
                                  rb->draws, seed, subject, share);
        else
            o += (size_t)snprintf(buf + o, cap - o, "%s %s %s", k == 1 ? "; on" : ",",
                                  ent_ix_dims[d], share);
    }
}
