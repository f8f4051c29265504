/*
 * un_agree.h -- the all-pairs UN vote agreement panel (table un_agree),
 * shared by the derived source un_agree and bench/bench_agree.c.
 */
#ifndef ENT_UN_AGREE_H
#define ENT_UN_AGREE_H

#include "../store/store.h"
#include "../measures/votepanel.h"

/* The table, created by the un_agree source. */
#define ENT_UN_AGREE_SCHEMA                                                                   \
    "CREATE TABLE IF NOT EXISTS un_agree("                                                    \
    " a INTEGER NOT NULL, b INTEGER NOT NULL, year INTEGER NOT NULL,"                         \
    " n INTEGER NOT NULL," /* roll calls both voted on */                                     \
    " agree REAL, s REAL, pi REAL, kappa REAL," /* NULL when n = 0 */                         \
    " PRIMARY KEY(a, b, year)) WITHOUT ROWID;"

/* ent_un_agree_write computes every member pair x year ylo..yhi of panel
 * (quadratic weights) and inserts it into the existing table un_agree of
 * db, inside the caller's transaction. */
ent_status ent_un_agree_write(ent_ctx *ctx, sqlite3 *db, ent_vpanel *panel,
                              const ent_registry *reg, int ylo, int yhi);

#endif
