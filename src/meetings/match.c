/*
 * match.c -- a counterpart as written becomes a person with a role and a
 * state: the alias table (misspellings, word order), the title (demonym and
 * office) and Archigos (who led which state on which day).
 */
#include "match.h"

#include <string.h>

static int word_in(const char *words, const char *w)
{
    size_t l = strlen(w);
    for (const char *p = strstr(words, w); p; p = strstr(p + 1, w))
        if ((p == words || p[-1] == ' ') && (p[l] == '\0' || p[l] == ' '))
            return 1;
    return 0;
}

int ent_meet_archigos_name_match(const char *archigos, const char *name)
{
    char a[ENT_MEET_NAMEMAX * 2], b[ENT_MEET_NAMEMAX * 2], head[ENT_MEET_NAMEMAX];
    size_t n = strcspn(archigos, ",");
    if (n >= sizeof head)
        n = sizeof head - 1;
    memcpy(head, archigos, n);
    head[n] = '\0';
    ent_meet_fold(name, b, sizeof b);
    if (!b[0])
        return 0;
    ent_meet_fold(archigos, a, sizeof a);
    if (!strcmp(a, b))
        return 1;
    {
        /* same words in another order ("Lee Myung-bak" / "Myung-bak Lee") */
        const ent_meet_alias *x = ent_meet_canon(archigos), *y = ent_meet_canon(name);
        if (x && y && !strcmp(x->canonical, y->canonical))
            return 1;
    }
    ent_meet_fold(head, a, sizeof a);
    if (a[0] && !strchr(a, ' ') && strlen(a) > 2)
        return word_in(b, a); /* "Putin" in "vladimir putin" */
    /* multi-word Archigos names: every Archigos word in the name */
    {
        char *p = a, *q;
        int all = 1;
        while (*p) {
            q = strchr(p, ' ');
            if (q)
                *q = '\0';
            if (!word_in(b, p))
                all = 0;
            if (!q)
                break;
            p = q + 1;
        }
        return all;
    }
}

const ent_meet_spell *ent_meet_archigos_head(const ent_meet_spell *sp, size_t n, int ccode,
                                             const char *name, int32_t day, int extend)
{
    for (size_t i = 0; i < n; i++) {
        const ent_meet_spell *s = &sp[i];
        if (ccode && s->ccode != ccode)
            continue;
        if (day < s->start)
            continue;
        if (day > s->end && !(extend && s->still))
            continue;
        if (ent_meet_archigos_name_match(s->name, name))
            return s;
    }
    return NULL;
}

static void copy_name(char *dst, const char *src)
{
    size_t n = strlen(src);
    if (n >= ENT_MEET_NAMEMAX)
        n = ENT_MEET_NAMEMAX - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void ent_meet_resolve(const ent_meet_spell *sp, size_t nsp, const char *name, const char *title,
                      int32_t day, int default_ccode, ent_meet_person *out)
{
    const ent_meet_alias *al = ent_meet_canon(name);
    int trole = title && *title ? ent_meet_title_role(title) : ENT_ROLE_UNKNOWN;
    int tstate = title && *title ? ent_meet_title_state(title) : 0;
    const ent_meet_spell *s;
    int from_alias = 0;

    memset(out, 0, sizeof *out);
    out->basis = "";
    copy_name(out->name, al ? al->canonical : name);
    if (tstate)
        out->ccode = tstate;
    else if (al && al->ccode) {
        out->ccode = al->ccode;
        from_alias = 1;
    } else
        out->ccode = default_ccode;
    out->role = trole;
    /* Archigos: the person led this state (or, when no state is known, some
     * state) on this day.  Extend a censored spell only when the title says head. */
    s = ent_meet_archigos_head(sp, nsp, out->ccode, out->name, day, trole == ENT_ROLE_HEAD);
    if (!s && out->ccode == 0)
        s = NULL; /* a nameless state search would guess between namesakes: never */
    if (s) {
        out->role = ENT_ROLE_HEAD;
        out->ccode = s->ccode;
        out->basis = trole == ENT_ROLE_HEAD ? "archigos+title" : "archigos";
    } else if (trole != ENT_ROLE_UNKNOWN) {
        out->basis = "title";
    } else if (from_alias) {
        out->basis = "alias";
    }
}
