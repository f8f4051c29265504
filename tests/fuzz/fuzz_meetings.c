/*
 * fuzz_meetings.c -- libFuzzer harness for the leader-meeting text parsers:
 * China Vitae activity texts (ent_meet_parse_cv), State Department remarks
 * (ent_meet_parse_sd), the name folding and the alias and title lookups
 * they lead to.  The first byte picks the parser; the rest is the text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "meetings/meetings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text;
    if (size < 1 || size > 65536)
        return 0;
    text = malloc(size);
    if (!text)
        return 0;
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    if (data[0] & 1) {
        ent_meet_cp cp[ENT_MEET_MAXCP];
        size_t n = ent_meet_parse_sd(text, cp, ENT_MEET_MAXCP);
        if (n > ENT_MEET_MAXCP)
            __builtin_trap();
        for (size_t i = 0; i < n; i++) {
            (void)ent_meet_title_role(cp[i].title);
            (void)ent_meet_title_state(cp[i].title);
            (void)ent_meet_canon(cp[i].name);
        }
    } else {
        static ent_meet_text t; /* large: keep it off the stack */
        const char *why = NULL;
        if (ent_meet_parse_cv(text, &t, &why) == ENT_OK) {
            if (t.ncp > ENT_MEET_MAXCP)
                __builtin_trap();
            for (size_t i = 0; i < t.ncp; i++) {
                char key[ENT_MEET_NAMEMAX];
                ent_meet_fold(t.cp[i].name, key, sizeof key);
                (void)ent_meet_title_role(t.cp[i].title);
            }
            (void)ent_meet_home_place(t.place);
        } else if (!why) {
            __builtin_trap(); /* every rejection has a reason */
        }
    }
    free(text);
    return 0;
}
