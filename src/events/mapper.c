/*
 * mapper.c -- the country mapper bound to the state registry: GDELT's
 * ISO 3166 alpha-3 actor codes through ent_state_from_iso3, ICEWS country
 * names through ent_state_resolve (name, year) and membership on the day.
 * The engine calls these only to fill its lookup tables, never per row.
 */
#include "events.h"

static int reg_iso3(void *ud, const char *iso3, int y, int m, int d)
{
    return ent_state_from_iso3((const ent_registry *)ud, iso3, y, m, d);
}

/* with year 0 the registry skips the dates: the code names a state at all */
static int reg_iso3_any(void *ud, const char *iso3)
{
    return ent_state_from_iso3((const ent_registry *)ud, iso3, 0, 0, 0) >= 0;
}

static int reg_name(void *ud, void *tls, const char *name, int y, int m, int d)
{
    const ent_registry *reg = ud;
    int cc = -1;
    if (!tls || ent_state_resolve((ent_ctx *)tls, reg, name, y, &cc) != ENT_OK)
        return -1;
    return ent_state_member_on(reg, cc, y, m, d) ? cc : -1;
}

static void *reg_tls_new(void *ud)
{
    (void)ud;
    return ent_ctx_new();
}

static void reg_tls_free(void *ud, void *tls)
{
    (void)ud;
    ent_ctx_free(tls);
}

static const char *reg_abb(void *ud, int ccode)
{
    return ent_state_abb((const ent_registry *)ud, ccode);
}

void ent_ev_mapper_registry(ent_ev_mapper *m, const ent_registry *reg)
{
    m->iso3 = reg_iso3;
    m->name = reg_name;
    m->tls_new = reg_tls_new;
    m->tls_free = reg_tls_free;
    m->abb = reg_abb;
    m->iso3_any = reg_iso3_any;
    m->ud = (void *)(uintptr_t)reg;
}
