/*
 * text.c -- case- and accent-blind folding of names, and calendar dates as
 * day numbers, for the meeting parser, the name matcher and the episodes.
 */
#include "meetings.h"

#include <string.h>

/* Base letters of U+00C0..U+00FF; 0 = not a letter (x, division sign). */
static const char latin1[64] = "aaaaaaaceeeeiiiidnooooo0ouuuuyts"
                               "aaaaaaaceeeeiiiidnooooo0ouuuuyty";
/* Base letters of U+0100..U+017F (Latin Extended-A). */
static const char latinA[128] = "aaaaaaccccccccddddeeeeeeeeeegggg"
                                "gggghhhhiiiiiiiiiijjjjkkklllllll"
                                "lllnnnnnnnnnoooooooorrrrrrssssss"
                                "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

static int fold_char(const unsigned char *p, char *c, size_t *used)
{
    unsigned cp;
    if (p[0] < 0x80) {
        *used = 1;
        *c = (char)p[0];
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
        return 1;
    }
    if ((p[0] & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
        *used = 2;
        cp = ((unsigned)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
        if (cp >= 0xC0 && cp < 0x100 && latin1[cp - 0xC0] != '0') {
            *c = latin1[cp - 0xC0];
            return 1;
        }
        if (cp >= 0x100 && cp < 0x180) {
            *c = latinA[cp - 0x100];
            return 1;
        }
        if (cp == 0xA0) { /* no-break space */
            *c = ' ';
            return 1;
        }
        return 0;
    }
    if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
        *used = 3;
        cp = ((unsigned)(p[0] & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        if (cp == 0x2019 || cp == 0x2018) { /* curly apostrophes */
            *c = '\'';
            return 1;
        }
        if (cp == 0x2013 || cp == 0x2014) { /* dashes */
            *c = '-';
            return 1;
        }
        return 0;
    }
    *used = 1;
    return 0;
}

size_t ent_meet_fold(const char *s, char *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0, used;
    int space = 0;
    char c;

    if (cap == 0)
        return 0;
    while (*p) {
        if (!fold_char(p, &c, &used)) {
            p += used;
            continue;
        }
        p += used;
        if (c == '\'' || c == '.')
            continue; /* "Xi'an" = "xian", "U.S." = "us" */
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            c = ' ';
        if (c == ' ') {
            space = n > 0;
            continue;
        }
        if (space && n + 1 < cap)
            out[n++] = ' ';
        space = 0;
        if (n + 1 < cap)
            out[n++] = c;
    }
    out[n] = '\0';
    return n;
}

/* Howard Hinnant's days_from_civil. */
int32_t ent_meet_days_from_civil(int y, int m, int d)
{
    int era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

void ent_meet_civil_from_days(int32_t z, int *y, int *m, int *d)
{
    int32_t era, doe, yoe, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int ent_meet_date_parse(const char *s, int32_t *day)
{
    int y, m, d, y2, m2, d2;
    size_t n;

    while (*s == ' ')
        s++;
    n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    if (n == 0)
        return 0;
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return -1;
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    *day = ent_meet_days_from_civil(y, m, d);
    ent_meet_civil_from_days(*day, &y2, &m2, &d2);
    if (y2 != y || m2 != m || d2 != d)
        return -1; /* 2018-02-30 */
    return 1;
}
