/*
 * un_agree.c -- the derived source `un_agree`: UN General Assembly vote
 * agreement of every pair of COW system members in every session year the
 * vote record covers (unvotes, sessions 1-74, then unga_votes_voeten,
 * sessions 75 on), read through the vote record of measures/votes_db.h.
 *
 *   un_agree(a, b, year, n, agree, s, pi, kappa)
 *       every pair a < b of COW members x every session year with roll calls;
 *       the measures over the roll calls both voted on (pi, kappa quadratic);
 *       n = 0 and every measure NULL when they shared no vote.
 *
 * Rows: one derived row per dyad-year written (read = loaded).
 */
#include "../store/store.h"
#include "../measures/votes_db.h"
#include "un_agree.h"
#include "srcutil.h"

/* Writing un_agree: rows arrive in key order, inserted in batches. */
typedef struct agree_writer {
    ent_batch *b;
    ent_load *ld; /* NULL outside a build */
} agree_writer;

static ent_status write_row(void *ud, int a, int b, int year, const ent_agree_row *row)
{
    agree_writer *w = ud;
    ent_batch_i64(w->b, a);
    ent_batch_i64(w->b, b);
    ent_batch_i64(w->b, year);
    ent_batch_i64(w->b, row->n);
    ent_batch_f64(w->b, row->agree);
    ent_batch_f64(w->b, row->s);
    ent_batch_f64(w->b, row->pi);
    ent_batch_f64(w->b, row->kappa);
    if (w->ld) {
        w->ld->read++;
        ent_load_ok(w->ld);
    }
    return ent_batch_row(w->b);
}

static ent_status write_agree(ent_ctx *ctx, sqlite3 *db, ent_vpanel *panel,
                              const ent_registry *reg, int ylo, int yhi, ent_load *ld)
{
    agree_writer w = {NULL, ld};
    ent_status st = ent_batch_open(ctx, db, "INSERT INTO un_agree", 8, &w.b);
    if (st == ENT_OK)
        st = ent_vpanel_run(panel, ylo, yhi, ENT_AGREE_QUADRATIC, ent_vpanel_members_registry,
                            (void *)reg, write_row, &w);
    return ent_batch_close(w.b, st);
}

ent_status ent_un_agree_write(ent_ctx *ctx, sqlite3 *db, ent_vpanel *panel,
                              const ent_registry *reg, int ylo, int yhi)
{
    return write_agree(ctx, db, panel, reg, ylo, yhi, NULL);
}

static ent_status load(ent_load *ld)
{
    ent_ctx *ctx = ld->ctx;
    ent_vrec *rec = NULL;
    ent_vpanel *panel = NULL;
    int ylo = 0, yhi = 0;
    ent_status st = ent_vrec_load(ctx, ld->db, 0, 0, &rec);
    if (st != ENT_OK)
        return st;
    if (!(panel = ent_vpanel_new(ctx))) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    /* the panel's roll-call id is the record's index: rcids repeat across sources */
    for (size_t i = 0; i < ent_vrec_count(rec); i++) {
        const ent_rollcall *rc = ent_vrec_rc(rec, i);
        const int16_t *cc;
        const uint8_t *v;
        size_t n;
        if (!ylo || rc->year < ylo)
            ylo = rc->year;
        if (rc->year > yhi)
            yhi = rc->year;
        if (ent_vpanel_add_rc(panel, (int64_t)i, rc->year) != ENT_OK) {
            st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        ent_vrec_votes(rec, i, &cc, &v, &n);
        for (size_t k = 0; k < n; k++)
            if ((st = ent_vpanel_add_vote(panel, (int64_t)i, cc[k], v[k])) != ENT_OK) {
                st = ent_err(ctx, st, "un_agree: a vote of %d on roll call %lld cannot be "
                             "stored", cc[k], (long long)rc->rcid);
                goto out;
            }
    }
    if (ylo) {
        ent_load_year(ld, ylo);
        ent_load_year(ld, yhi);
        st = write_agree(ctx, ld->db, panel, ld->reg, ylo, yhi, ld);
    }
out:
    ent_vpanel_free(panel);
    ent_vrec_free(rec);
    return st;
}

const ent_source ent_src_un_agree = {
    .name = "un_agree",
    .dir = NULL,
    .files = {NULL},
    .version = 1,
    .schema = ENT_UN_AGREE_SCHEMA,
    .tables = "un_agree",
    .deps = "states,unvotes,unga_votes_voeten",
    .year_lo = 1946,
    .year_hi = 2023,
    .coverage = "partial: derived from unvotes (sessions 1-74, 1946-2019) and "
                "unga_votes_voeten (sessions 75-78, 2020-2023); 2023 = session 78, still "
                "open when the file ends (2024-06-04); 2024 (session 79) not in the data",
    .cite = "Voeten, Strezhnev & Bailey (2009) United Nations General Assembly Voting Data, "
            "Harvard Dataverse hdl:1902.1/12379",
    .load = load,
};
