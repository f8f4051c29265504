/*
 * episode.c -- meeting episodes: consecutive days with the same counterpart
 * at the same place are one episode (a three-day state visit is one episode
 * and three days).  Counts always say which unit they are in.
 */
#include "meetings.h"

#include <stdlib.h>
#include <string.h>

static int cmp_day(const void *a, const void *b)
{
    const ent_meet_day *x = a, *y = b;
    int c = strcmp(x->place ? x->place : "", y->place ? y->place : "");
    if (c)
        return c;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

ent_meet_count ent_meet_episodes(ent_meet_day *recs, size_t n)
{
    ent_meet_count c = {0, 0, 0, 0};
    size_t i = 0;

    if (n == 0)
        return c;
    qsort(recs, n, sizeof recs[0], cmp_day);
    while (i < n) {
        const char *place = recs[i].place ? recs[i].place : "";
        int32_t last = recs[i].end > recs[i].day ? recs[i].end : recs[i].day;
        int bilateral = !recs[i].group;
        size_t j = i + 1;
        while (j < n && !strcmp(recs[j].place ? recs[j].place : "", place) &&
               recs[j].day <= last + 1) {
            int32_t e = recs[j].end > recs[j].day ? recs[j].end : recs[j].day;
            if (e > last)
                last = e;
            if (!recs[j].group)
                bilateral = 1;
            j++;
        }
        c.episodes++;
        if (bilateral)
            c.bilateral++;
        else
            c.group++;
        i = j;
    }
    /* Distinct days over all places: expand each record's span. */
    {
        size_t total = 0, k = 0;
        int32_t *days;
        for (i = 0; i < n; i++)
            total += (size_t)((recs[i].end > recs[i].day ? recs[i].end : recs[i].day) -
                              recs[i].day + 1);
        days = malloc(total * sizeof *days);
        if (!days) { /* fall back to an upper bound rather than fail a pure count */
            c.days = (int64_t)total;
            return c;
        }
        for (i = 0; i < n; i++) {
            int32_t e = recs[i].end > recs[i].day ? recs[i].end : recs[i].day;
            for (int32_t d = recs[i].day; d <= e; d++)
                days[k++] = d;
        }
        qsort(days, total, sizeof *days, cmp_i32);
        for (i = 0; i < total; i++)
            if (i == 0 || days[i] != days[i - 1])
                c.days++;
        free(days);
    }
    return c;
}
