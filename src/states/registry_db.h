/*
 * registry_db.h -- the registry's persistence: storing the state registry in
 * the warehouse's tables states, state_spells and state_names, and loading it
 * back, so that commands reading the warehouse need no data folder.  The
 * registry owns these three tables; the store calls these two functions.
 */
#ifndef ENT_REGISTRY_DB_H
#define ENT_REGISTRY_DB_H

#include "../core/core.h"
#include <sqlite3.h>

/* ent_registry_save replaces the three tables' rows with reg's. */
ent_status ent_registry_save(ent_ctx *ctx, const ent_registry *reg, sqlite3 *db);
/* ent_registry_load_db builds a registry from the tables; ENT_ENODATA when
 * the warehouse has none (not built) or it is empty. *out is the caller's. */
ent_status ent_registry_load_db(ent_ctx *ctx, sqlite3 *db, ent_registry **out);

#endif
