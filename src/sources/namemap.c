/*
 * namemap.c -- cached name -> COW code mapping on a year (see namemap.h).
 * An open-addressing hash table of the distinct names; each entry holds the
 * code per year, resolved on first use.
 */
#include "namemap.h"

#include <stdlib.h>
#include <string.h>

#define UNSET (-9)

typedef struct entry {
    char *name;   /* NULL: empty slot */
    size_t len;
    int *code;    /* per year lo..hi, UNSET until resolved */
} entry;

struct ent_namemap {
    ent_load *ld;
    const ent_name_alias *al;
    size_t nal;
    int lo, hi;
    entry *slot;
    size_t cap, used; /* cap a power of two */
    entry *recent[2]; /* the last two entries found: files run name by name */
};

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

ent_status ent_namemap_new(ent_load *ld, const ent_name_alias *al, size_t nal, int lo, int hi,
                           ent_namemap **out)
{
    ent_namemap *m = ent_malloc(ld->ctx, sizeof *m);
    if (!m)
        return ent_err(ld->ctx, ENT_ENOMEM, "out of memory");
    memset(m, 0, sizeof *m);
    m->ld = ld;
    m->al = al;
    m->nal = nal;
    m->lo = lo;
    m->hi = hi;
    m->cap = 1024;
    if (!(m->slot = ent_malloc(ld->ctx, m->cap * sizeof *m->slot))) {
        ent_free(ld->ctx, m);
        return ent_err(ld->ctx, ENT_ENOMEM, "out of memory");
    }
    memset(m->slot, 0, m->cap * sizeof *m->slot);
    *out = m;
    return ENT_OK;
}

void ent_namemap_free(ent_namemap *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++) {
        ent_free(m->ld->ctx, m->slot[i].name);
        ent_free(m->ld->ctx, m->slot[i].code);
    }
    ent_free(m->ld->ctx, m->slot);
    ent_free(m->ld->ctx, m);
}

static int grow(ent_namemap *m)
{
    size_t cap = m->cap * 2;
    entry *s = ent_malloc(m->ld->ctx, cap * sizeof *s);
    if (!s)
        return 0;
    memset(s, 0, cap * sizeof *s);
    for (size_t i = 0; i < m->cap; i++) {
        size_t j;
        if (!m->slot[i].name)
            continue;
        for (j = hash(m->slot[i].name, m->slot[i].len) & (cap - 1); s[j].name; j = (j + 1) & (cap - 1))
            ;
        s[j] = m->slot[i];
    }
    ent_free(m->ld->ctx, m->slot);
    m->slot = s;
    m->cap = cap;
    m->recent[0] = m->recent[1] = NULL;
    return 1;
}

static entry *find(ent_namemap *m, const char *name, size_t len)
{
    size_t j;
    int ny = m->hi - m->lo + 1;
    for (int k = 0; k < 2; k++) {
        entry *r = m->recent[k];
        if (r && r->len == len && !memcmp(r->name, name, len))
            return r;
    }
    if (2 * (m->used + 1) > m->cap && !grow(m))
        return NULL;
    m->recent[1] = m->recent[0];
    for (j = hash(name, len) & (m->cap - 1); m->slot[j].name; j = (j + 1) & (m->cap - 1))
        if (m->slot[j].len == len && !memcmp(m->slot[j].name, name, len))
            return m->recent[0] = &m->slot[j];
    m->slot[j].name = ent_malloc(m->ld->ctx, len + 1);
    m->slot[j].code = ent_malloc(m->ld->ctx, (size_t)ny * sizeof(int));
    if (!m->slot[j].name || !m->slot[j].code) {
        ent_free(m->ld->ctx, m->slot[j].name);
        ent_free(m->ld->ctx, m->slot[j].code);
        m->slot[j].name = NULL;
        m->slot[j].code = NULL;
        return NULL;
    }
    memcpy(m->slot[j].name, name, len);
    m->slot[j].name[len] = 0;
    m->slot[j].len = len;
    for (int y = 0; y < ny; y++)
        m->slot[j].code[y] = UNSET;
    m->used++;
    return m->recent[0] = &m->slot[j];
}

static int resolve(ent_namemap *m, const char *name, int year)
{
    const char *text = name;
    int c;
    for (size_t i = 0; i < m->nal; i++) {
        if (!strcmp(m->al[i].name, name)) {
            if (!m->al[i].as)
                return ENT_NAME_NOSTATE;
            if (!strcmp(m->al[i].as, ENT_NAME_AGGR))
                return ENT_NAME_AGGREGATE;
            text = m->al[i].as;
            break;
        }
    }
    if (ent_state_resolve(m->ld->ctx, m->ld->reg, text, year, &c) != ENT_OK) {
        /* "Armenia, Rep. of" -> "Armenia": a name the registry does not know
         * is tried once more without what follows its first comma */
        const char *comma = text == name ? strchr(name, ',') : NULL;
        char head[128];
        if (!comma || comma == name || (size_t)(comma - name) >= sizeof head)
            return ENT_NAME_NOSTATE;
        memcpy(head, name, (size_t)(comma - name));
        head[comma - name] = 0;
        if (ent_state_resolve(m->ld->ctx, m->ld->reg, head, year, &c) != ENT_OK)
            return ENT_NAME_NOSTATE;
    }
    return ent_state_member(m->ld->reg, c, year) ? c : ENT_NAME_NOTMEMBER;
}

int ent_namemap_get(ent_namemap *m, const char *name, size_t len, int year)
{
    entry *e;
    if (year < m->lo || year > m->hi)
        return ENT_NAME_NOTMEMBER;
    if (!(e = find(m, name, len)))
        return -3;
    if (e->code[year - m->lo] == UNSET)
        e->code[year - m->lo] = resolve(m, e->name, year);
    return e->code[year - m->lo];
}
