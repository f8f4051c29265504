/*
 * parse.c -- the free-text parsers: China Vitae activity texts and US State
 * Department travel remarks, into places, formats and counterparts.
 *
 * China Vitae writes two kinds of text (see docs/internals/meetings.md):
 *   "Xi Jinping travelled to Russia, Moscow and met with the following:
 *    Vladimir Putin (President of Russia) Others Attending: Wang Yi"
 *   "Xi, Putin discuss #China-#Russia ties, Ukraine crisis on phone (Beijing Municipality)"
 * The first is an itinerary entry (place, travelled or at home, counterparts
 * as `Name (Title)`); the second a headline whose words say whether it was a
 * call or a message, and whose names are found with the alias table.
 */
#include "meetings.h"

#include <string.h>

static const char *format_names[ENT_MF_COUNT] = {
    "visit", "summit_bilateral", "multilateral", "call", "message", "consult",
};

const char *ent_meet_format_name(int f)
{
    return f >= 0 && f < ENT_MF_COUNT ? format_names[f] : "unknown";
}

int ent_meet_format_parse(const char *s)
{
    for (int i = 0; i < ENT_MF_COUNT; i++)
        if (!strcmp(s, format_names[i]))
            return i;
    return -1;
}

int ent_meet_format_inperson(int f)
{
    return f == ENT_MF_VISIT || f == ENT_MF_SUMMIT_BILAT || f == ENT_MF_MULTILATERAL;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* copy_trim copies [b, e) without surrounding blanks, collapsing inner runs
 * of blanks; 0 when it does not fit. */
static int copy_trim(const char *b, const char *e, char *out, size_t cap)
{
    size_t n = 0;
    int sp = 0;
    while (b < e && is_blank(*b))
        b++;
    while (e > b && is_blank(e[-1]))
        e--;
    for (; b < e; b++) {
        if (is_blank(*b)) {
            sp = 1;
            continue;
        }
        if (sp) {
            if (n + 1 >= cap)
                return 0;
            out[n++] = ' ';
            sp = 0;
        }
        if (n + 1 >= cap)
            return 0;
        out[n++] = *b;
    }
    out[n] = '\0';
    return 1;
}

/* find_ci finds needle in [h, e) ignoring ASCII case. */
static const char *find_ci(const char *h, const char *e, const char *needle)
{
    size_t l = strlen(needle);
    for (const char *p = h; p + l <= e; p++) {
        size_t i = 0;
        while (i < l) {
            char a = p[i], b = needle[i];
            if (a >= 'A' && a <= 'Z')
                a = (char)(a - 'A' + 'a');
            if (b >= 'A' && b <= 'Z')
                b = (char)(b - 'A' + 'a');
            if (a != b)
                break;
            i++;
        }
        if (i == l)
            return p;
    }
    return NULL;
}

/* parse_cp_list reads `Name (Title) Name (Title) ...` from [p, e). */
static ent_status parse_cp_list(const char *p, const char *e, ent_meet_text *out,
                                const char **why)
{
    while (p < e) {
        const char *open, *close;
        int depth;
        ent_meet_cp *cp;

        while (p < e && is_blank(*p))
            p++;
        if (p >= e)
            break;
        if (find_ci(p, e, "Others Attending:") == p)
            break; /* the Chinese delegation follows */
        open = memchr(p, '(', (size_t)(e - p));
        {
            const char *oa = find_ci(p, e, "Others Attending:");
            if (oa && (!open || oa < open))
                open = NULL, e = oa; /* a last name without a title */
        }
        if (out->ncp >= ENT_MEET_MAXCP) {
            *why = "more than 16 counterparts";
            return ENT_EPARSE;
        }
        cp = &out->cp[out->ncp];
        if (!open) {
            if (!copy_trim(p, e, cp->name, sizeof cp->name)) {
                *why = "name too long";
                return ENT_EPARSE;
            }
            cp->title[0] = '\0';
            if (cp->name[0])
                out->ncp++;
            break;
        }
        depth = 0;
        for (close = open; close < e; close++) {
            if (*close == '(')
                depth++;
            else if (*close == ')' && --depth == 0)
                break;
        }
        if (close >= e) {
            *why = "unbalanced parentheses";
            return ENT_EPARSE;
        }
        if (!copy_trim(p, open, cp->name, sizeof cp->name) ||
            !copy_trim(open + 1, close, cp->title, sizeof cp->title)) {
            *why = "name too long";
            return ENT_EPARSE;
        }
        if (cp->name[0])
            out->ncp++;
        p = close + 1;
    }
    return ENT_OK;
}

/* headline_kind: call, message or none, from the words of a headline. */
static int headline_kind(const char *f)
{
    static const char *const call[] = {"phone", "telephone", "video call", "video link",
                                       "videoconference", "video conference", "telephoned",
                                       "phoned", "hotline"};
    static const char *const msg[] = {"message", "messages", "congratulate", "congratulates",
                                      "congratulated", "congratulations", "congratulatory",
                                      "condolence", "condolences", "letter", "letters",
                                      "greetings", "telegram", "cable", "written interview"};
    for (size_t i = 0; i < sizeof call / sizeof call[0]; i++)
        if (strstr(f, call[i]))
            return ENT_MK_CALL;
    for (size_t i = 0; i < sizeof msg / sizeof msg[0]; i++)
        if (strstr(f, msg[i]))
            return ENT_MK_MESSAGE;
    return ENT_MK_NONE;
}

/* scan_names adds the distinctive non-Chinese people named in folded text f. */
static void scan_names(const char *f, ent_meet_text *out)
{
    size_t n;
    const ent_meet_alias *al = ent_meet_aliases(&n);
    char v[ENT_MEET_NAMEMAX * 2];
    for (size_t i = 0; i < n && out->ncp < ENT_MEET_MAXCP; i++) {
        const char *p;
        size_t l, k;
        int seen = 0;
        if (!al[i].scan || al[i].ccode == 710)
            continue;
        l = ent_meet_fold(al[i].variant, v, sizeof v);
        for (p = strstr(f, v); p; p = strstr(p + 1, v))
            if ((p == f || p[-1] == ' ') && (p[l] == '\0' || p[l] == ' '))
                break;
        if (!p)
            continue;
        for (k = 0; k < out->ncp; k++)
            if (!strcmp(out->cp[k].name, al[i].canonical))
                seen = 1;
        if (seen)
            continue;
        /* "Bush" inside "George W. Bush" is found once: the full names come first. */
        copy_trim(al[i].canonical, al[i].canonical + strlen(al[i].canonical),
                  out->cp[out->ncp].name, ENT_MEET_NAMEMAX);
        out->cp[out->ncp].title[0] = '\0';
        out->ncp++;
    }
}

ent_status ent_meet_parse_cv(const char *text, ent_meet_text *out, const char **why)
{
    const char *b = text, *e = text + strlen(text), *verb, *met, *others, *pe;
    size_t vlen;
    char local[4096];
    char *f = local;

    memset(out, 0, sizeof *out);
    out->travelled = -1;
    *why = NULL;
    while (b < e && is_blank(*b))
        b++;
    while (e > b && is_blank(e[-1]))
        e--;
    if (b == e) {
        *why = "empty text";
        return ENT_EPARSE;
    }
    /* Itinerary form: "<Official> travelled to <place> [and met with the following: ...]". */
    verb = find_ci(b, e, " travelled to ");
    vlen = strlen(" travelled to ");
    if (!verb || verb - b > 40) {
        verb = find_ci(b, e, " was in ");
        vlen = strlen(" was in ");
    }
    if (verb && verb - b <= 40 && !memchr(b, ',', (size_t)(verb - b))) {
        const char *ps = verb + vlen;
        met = find_ci(ps - 1, e, " and met with the following:");
        others = find_ci(ps - 1, e, " Others Attending:");
        pe = e;
        if (met && met < pe)
            pe = met;
        if (others && others < pe)
            pe = others;
        if (!copy_trim(ps, pe, out->place, sizeof out->place)) {
            *why = "place too long";
            return ENT_EPARSE;
        }
        if (out->place[0])
            out->travelled = ent_meet_home_place(out->place) ? 0 : 1;
        if (met) {
            ent_status st = parse_cp_list(met + strlen(" and met with the following:"), e,
                                          out, why);
            if (st != ENT_OK)
                return st;
            out->kind = out->ncp ? ENT_MK_MET : ENT_MK_NONE;
        }
        return ENT_OK;
    }
    /* Headline form: "<headline> (<place>)". */
    if (e[-1] == ')') {
        const char *o = e - 1;
        int depth = 0;
        for (; o >= b; o--) {
            if (*o == ')')
                depth++;
            else if (*o == '(' && --depth == 0)
                break;
        }
        if (o >= b) {
            copy_trim(o + 1, e - 1, out->place, sizeof out->place);
            if (out->place[0])
                out->travelled = ent_meet_home_place(out->place) ? 0 : 1;
            e = o;
        }
    }
    {
        size_t n = (size_t)(e - b);
        char raw[4096];
        if (n >= sizeof raw)
            n = sizeof raw - 1;
        memcpy(raw, b, n);
        raw[n] = '\0';
        ent_meet_fold(raw, f, sizeof local);
    }
    out->kind = headline_kind(f);
    if (out->kind != ENT_MK_NONE)
        scan_names(f, out);
    return ENT_OK;
}

/* ------------------------------------------------------- State Department */

/* Leader titles as the Office of the Historian writes them, longest first. */
static const char *const sd_titles[] = {
    "President-elect", "Prime Minister", "Premier", "President", "Chancellor", "King",
    "Queen", "Emir", "Amir", "Sultan", "Grand Duke", "Grand Duchess", "Taoiseach",
    "Crown Prince", "Emperor", "Empress", "Shah", "Pope", "Supreme Leader",
};

static int is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* A word that can start a person's name: capitalised and not a function word. */
static int name_word(const char *p, const char *e)
{
    static const char *const stop[] = {"and", "of", "the", "The", "He", "Also", "In", "At",
                                       "On", "To", "With", "Attended", "Met", "Discussed"};
    size_t l = 0;
    while (p + l < e && !is_blank(p[l]) && p[l] != ',' && p[l] != ';' && p[l] != ')')
        l++;
    if (!l || !is_upper(p[0]))
        return 0;
    for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++)
        if (strlen(stop[i]) == l && !strncmp(p, stop[i], l))
            return 0;
    return p[l - 1] == '.' && l > 3 ? 2 : 1; /* 2: the sentence ends ("Putin.") */
}

size_t ent_meet_parse_sd(const char *remarks, ent_meet_cp *cp, size_t max)
{
    const char *p = remarks, *e = remarks + strlen(remarks);
    size_t n = 0;

    while (p < e && n < max) {
        const char *hit = NULL, *t = NULL;
        size_t tl = 0;
        for (size_t i = 0; i < sizeof sd_titles / sizeof sd_titles[0]; i++) {
            const char *q = strstr(p, sd_titles[i]);
            while (q && q > remarks && (is_upper(q[-1]) || (q[-1] >= 'a' && q[-1] <= 'z') ||
                                        q[-1] == '-'))
                q = strstr(q + 1, sd_titles[i]);
            if (q && (!hit || q < hit)) {
                hit = q;
                tl = strlen(sd_titles[i]);
            }
        }
        if (!hit)
            break;
        t = hit;
        /* The qualifier before the title: "Russian President", "former". */
        {
            const char *q = hit;
            while (q > remarks && q[-1] == ' ')
                q--;
            const char *w = q;
            while (w > remarks && w[-1] != ' ' && w[-1] != '(' && w[-1] != ',')
                w--;
            if (w < q && is_upper(*w) && strncmp(w, "Met", 3) && strncmp(w, "With", 4) &&
                strncmp(w, "The", 3) && strncmp(w, "Also", 4))
                t = w;
            else if (w < q && (!strncmp(w, "Vice", 4) || !strncmp(w, "Deputy", 6) ||
                               !strncmp(w, "former", 6)))
                t = w;
        }
        {
            const char *np = hit + tl, *ne;
            int words = 0, w;
            if (np < e && *np == ' ')
                np++;
            ne = np;
            /* a name: capitalised words ("Vladimir Putin", "Lee Myung-bak", "Ali Abdullah Saleh") */
            while (ne < e && (w = name_word(ne, e)) != 0) {
                const char *we = ne;
                while (we < e && !is_blank(*we) && *we != ',' && *we != ';' && *we != ')')
                    we++;
                if (w == 2) {
                    ne = we - 1; /* sentence end: "Putin." */
                    words++;
                    break;
                }
                ne = we;
                words++;
                if (ne < e && *ne == ' ')
                    ne++;
                else
                    break;
            }
            while (ne > np && (is_blank(ne[-1]) || ne[-1] == '.' || ne[-1] == ','))
                ne--;
            if (words > 0 && ne > np) {
                if (copy_trim(np, ne, cp[n].name, sizeof cp[n].name) &&
                    copy_trim(t, hit + tl, cp[n].title, sizeof cp[n].title)) {
                    /* "President of Mexico Pena Nieto" is rare; "of" stops the name. */
                    const char *of = ne;
                    while (of < e && *of == ' ')
                        of++;
                    if (!strncmp(of, "of ", 3)) {
                        const char *ce = of + 3;
                        while (ce < e && *ce != ',' && *ce != ';' && *ce != '.' &&
                               strncmp(ce, " and ", 5))
                            ce++;
                        size_t tlen = strlen(cp[n].title);
                        if (tlen + 1 + (size_t)(ce - of) < sizeof cp[n].title) {
                            cp[n].title[tlen] = ' ';
                            memcpy(cp[n].title + tlen + 1, of, (size_t)(ce - of));
                            cp[n].title[tlen + 1 + (size_t)(ce - of)] = '\0';
                        }
                        ne = ce;
                    }
                    n++;
                }
            }
            p = ne > hit + tl ? ne : hit + tl;
        }
    }
    return n;
}
