/*
 * srcutil.c -- shared helpers of the raw-source loaders (see srcutil.h).
 */
#include "srcutil.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int ent_src_ccode_known(const ent_load *ld, int64_t ccode)
{
    if (ccode <= 0 || ccode > 9999)
        return 0;
    return ent_state_abb(ld->reg, (int)ccode) != NULL;
}

int ent_src_iso3(const ent_load *ld, const char *iso3, int y)
{
    int c = ent_state_from_iso3(ld->reg, iso3, y, 7, 1);
    if (c < 0)
        c = ent_state_from_iso3(ld->reg, iso3, y, 12, 31);
    if (c < 0)
        c = ent_state_from_iso3(ld->reg, iso3, y, 1, 1);
    return c;
}

ent_status ent_src_int(ent_reader *r, ent_cell *cells, int col, int req, int64_t *v)
{
    int k = ent_cell_i64(cells[col], v);
    if (k < 0)
        return ent_reader_fail(r, ENT_EPARSE, col, "'%s' is not an integer", cells[col].p);
    if (k == 0) {
        *v = ENT_NA;
        if (req)
            return ent_reader_fail(r, ENT_EPARSE, col, "missing value");
    }
    return ENT_OK;
}

ent_status ent_src_real(ent_reader *r, ent_cell *cells, int col, int req, double *v)
{
    int k = ent_cell_f64(cells[col], v);
    if (k < 0 || (k > 0 && !isfinite(*v)))
        return ent_reader_fail(r, ENT_EPARSE, col, "'%s' is not a number", cells[col].p);
    if (k == 0) {
        *v = NAN;
        if (req)
            return ent_reader_fail(r, ENT_EPARSE, col, "missing value");
    }
    return ENT_OK;
}

#define MAXCOLS 40

typedef struct val {
    int64_t i;
    double d;
    const char *t; /* TEXT / ISO3 text, NULL = NULL */
} val;

ent_status ent_src_copy(ent_load *ld, const ent_copy *cp)
{
    ent_ctx *ctx = ld->ctx;
    ent_reader *r = NULL;
    sqlite3_stmt *ins = NULL;
    ent_status st = ENT_OK;
    ent_reader_opts ro = {0};
    const char *names[MAXCOLS];
    int idx[MAXCOLS];
    val v[MAXCOLS];
    unsigned char known[1000];
    char sql[2048], reason[160];
    size_t n = cp->ncols, len;
    int nbind = 0, yearcol = -1;

    if (n > MAXCOLS)
        return ent_err(ctx, ENT_EINVAL, "%s: too many columns", cp->file);
    for (int c = 0; c < 1000; c++)
        known[c] = (unsigned char)ent_src_ccode_known(ld, c);

    /* INSERT INTO t(a,b,...) VALUES(?,?,...) */
    len = (size_t)snprintf(sql, sizeof sql, "INSERT INTO %s(", cp->table);
    for (size_t i = 0; i < n; i++) {
        names[i] = cp->cols[i].name;
        if (cp->cols[i].type == ENT_COL_YEAR && yearcol < 0)
            yearcol = (int)i;
        if (cp->cols[i].sql) {
            len += (size_t)snprintf(sql + len, sizeof sql - len, "%s%s", nbind ? "," : "",
                                    cp->cols[i].sql);
            nbind++;
        }
        if (cp->cols[i].type == ENT_COL_ISO3 && cp->cols[i].sql2) {
            len += (size_t)snprintf(sql + len, sizeof sql - len, "%s%s", nbind ? "," : "",
                                    cp->cols[i].sql2);
            nbind++;
        }
    }
    len += (size_t)snprintf(sql + len, sizeof sql - len, ") VALUES(");
    for (int b = 0; b < nbind; b++)
        len += (size_t)snprintf(sql + len, sizeof sql - len, "%s?", b ? "," : "");
    snprintf(sql + len, sizeof sql - len, ")");

    if ((st = ent_sql_prepare(ctx, ld->db, sql, &ins)) != ENT_OK)
        goto out;
    if (cp->ropts)
        ro = *cp->ropts;
    if (!ro.label)
        ro.label = cp->file; /* messages name the file, not its full path */
    if ((st = ent_load_open(ld, cp->file, &ro, &r)) != ENT_OK)
        goto out;
    if ((st = ent_reader_cols(r, names, idx, n)) != ENT_OK)
        goto out;

    for (;;) {
        ent_cell *cells;
        size_t nc;
        int year = 0, b = 1, rc;
        int64_t code[2] = {0, 0};
        const char *pairtext[2] = {NULL, NULL};
        int ncode = 0, npair = 0;
        st = ent_reader_next(r, &cells, &nc);
        if (st == ENT_DONE) {
            st = ENT_OK;
            break;
        }
        if (st != ENT_OK)
            goto out;
        reason[0] = '\0';
        if (yearcol >= 0) {
            int64_t y;
            if ((st = ent_src_int(r, cells, idx[yearcol], 1, &y)) != ENT_OK)
                goto out;
            if (y < 1400 || y > 2100) {
                st = ent_reader_fail(r, ENT_EPARSE, idx[yearcol], "year out of range: %lld",
                                     (long long)y);
                goto out;
            }
            year = (int)y;
        }
        for (size_t i = 0; i < n; i++) {
            const ent_colspec *s = &cp->cols[i];
            int col = idx[i];
            int req = (s->flags & ENT_COL_REQ) || s->type == ENT_COL_YEAR ||
                      s->type == ENT_COL_CCODE || s->type == ENT_COL_ISO3;
            val *x = &v[i];
            x->t = NULL;
            switch (s->type) {
            case ENT_COL_YEAR:
                x->i = year;
                break;
            case ENT_COL_CCODE:
                if ((st = ent_src_int(r, cells, col, 1, &x->i)) != ENT_OK)
                    goto out;
                if (x->i <= 0 || x->i >= 1000) {
                    st = ent_reader_fail(r, ENT_EPARSE, col, "not a COW code: %lld",
                                         (long long)x->i);
                    goto out;
                }
                if (!known[x->i] && !reason[0])
                    snprintf(reason, sizeof reason, "unknown COW code %lld (%s)",
                             (long long)x->i, s->name);
                if (ncode < 2)
                    code[ncode++] = x->i;
                if (npair < 2)
                    npair++;
                break;
            case ENT_COL_ISO3: {
                const char *t = cells[col].p;
                size_t tn = cells[col].n;
                if (ent_cell_is_na(cells[col]) && strcmp(t, "0") != 0) {
                    st = ent_reader_fail(r, ENT_EPARSE, col, "missing value");
                    goto out;
                }
                x->t = t;
                x->i = -1;
                if (tn == 1 && t[0] == '0') {
                    if (!reason[0])
                        snprintf(reason, sizeof reason, "non-state actor (iso3 0)");
                } else if (tn != 3 || !((t[0] >= 'A' && t[0] <= 'Z') &&
                                        (t[1] >= 'A' && t[1] <= 'Z') &&
                                        (t[2] >= 'A' && t[2] <= 'Z'))) {
                    st = ent_reader_fail(r, ENT_EPARSE, col, "'%s' is not an ISO3 code", t);
                    goto out;
                } else {
                    x->i = -2;
                    for (size_t a = 0; a < cp->nalias; a++)
                        if (!strcmp(cp->alias[a].iso3, t))
                            x->i = ent_state_member(ld->reg, cp->alias[a].ccode, year)
                                       ? cp->alias[a].ccode
                                       : -1;
                    if (x->i == -2)
                        x->i = ent_src_iso3(ld, t, year);
                    if (x->i < 0 && !reason[0])
                        snprintf(reason, sizeof reason, "ISO3 %s not a COW state that year",
                                 t);
                }
                if (npair < 2)
                    pairtext[npair++] = t;
                break;
            }
            case ENT_COL_INT:
            case ENT_COL_FLAG1:
                if (s->type == ENT_COL_FLAG1) {
                    if ((st = ent_src_int(r, cells, col, 0, &x->i)) != ENT_OK)
                        goto out;
                    if (x->i == ENT_NA)
                        x->i = 0;
                    else if (x->i != 1) {
                        st = ent_reader_fail(r, ENT_EPARSE, col, "expected 1 or empty: '%s'",
                                             cells[col].p);
                        goto out;
                    }
                    break;
                }
                if ((st = ent_src_int(r, cells, col, 0, &x->i)) != ENT_OK)
                    goto out;
                if (((s->flags & ENT_COL_NEG9) && x->i == -9) ||
                    ((s->flags & ENT_COL_NA9) && x->i == 9))
                    x->i = ENT_NA;
                if (x->i == ENT_NA) {
                    if (req) {
                        st = ent_reader_fail(r, ENT_EPARSE, col, "missing value");
                        goto out;
                    }
                    break;
                }
                if ((s->flags & ENT_COL_RANGE) && (x->i < s->lo || x->i > s->hi)) {
                    st = ent_reader_fail(r, ENT_EPARSE, col, "out of range %d..%d: %lld",
                                         s->lo, s->hi, (long long)x->i);
                    goto out;
                }
                if ((s->flags & ENT_COL_NONNEG) && x->i < 0) {
                    st = ent_reader_fail(r, ENT_EPARSE, col, "negative value: %lld",
                                         (long long)x->i);
                    goto out;
                }
                break;
            case ENT_COL_REAL:
                if ((st = ent_src_real(r, cells, col, req, &x->d)) != ENT_OK)
                    goto out;
                if ((s->flags & ENT_COL_NEG9) && x->d == -9.0)
                    x->d = NAN;
                if ((s->flags & ENT_COL_NONNEG) && x->d < 0) {
                    st = ent_reader_fail(r, ENT_EPARSE, col, "negative value: %s",
                                         cells[col].p);
                    goto out;
                }
                break;
            case ENT_COL_TEXT:
                if (cells[col].n == 0) {
                    if (req) {
                        st = ent_reader_fail(r, ENT_EPARSE, col, "missing value");
                        goto out;
                    }
                } else
                    x->t = cells[col].p;
                break;
            }
        }
        if (cp->same_pair_reason && npair == 2 &&
            (pairtext[0] ? !strcmp(pairtext[0], pairtext[1]) : code[0] == code[1]))
            snprintf(reason, sizeof reason, "%s", cp->same_pair_reason); /* takes precedence */
        if (reason[0]) {
            ent_load_reject(ld, r, reason);
            continue;
        }
        for (size_t i = 0; i < n; i++) {
            const ent_colspec *s = &cp->cols[i];
            if (s->sql) {
                if (s->type == ENT_COL_REAL)
                    ent_sql_bind_f64(ins, b, v[i].d);
                else if (s->type == ENT_COL_TEXT)
                    sqlite3_bind_text(ins, b, v[i].t, -1, SQLITE_TRANSIENT);
                else
                    ent_sql_bind_i64(ins, b, v[i].i);
                b++;
            }
            if (s->type == ENT_COL_ISO3 && s->sql2)
                sqlite3_bind_text(ins, b++, v[i].t, -1, SQLITE_TRANSIENT);
        }
        rc = sqlite3_step(ins);
        sqlite3_reset(ins);
        if (rc == SQLITE_CONSTRAINT && cp->dup_reason) {
            ent_load_reject(ld, r, cp->dup_reason);
            continue;
        }
        if (rc == SQLITE_CONSTRAINT) {
            st = ent_reader_fail(r, ENT_EPARSE, -1, "duplicate row: its key repeats an "
                                 "earlier row of %s", cp->table);
            goto out;
        }
        if (rc != SQLITE_DONE) {
            st = ent_err(ctx, ENT_EDB, "%s: %s", cp->table, sqlite3_errmsg(ld->db));
            goto out;
        }
        ent_load_ok(ld);
        ent_load_year(ld, year);
    }
out:
    ent_load_close(ld, r);
    sqlite3_finalize(ins);
    return st;
}
