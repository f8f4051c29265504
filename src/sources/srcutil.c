/*
 * srcutil.c -- shared helpers of the raw-source loaders (see srcutil.h).
 */
#include "srcutil.h"
#include "../core/dynbuf.h"

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

/* ------------------------------------------------------------ batches */

typedef struct bvalue {
    char type; /* 'i', 'd', 't', 'n' */
    union {
        int64_t i;
        double d;
        const char *t;
    } u;
} bvalue;

struct ent_batch {
    ent_ctx *ctx;
    sqlite3 *db;
    sqlite3_stmt *many, *one; /* ENT_BATCH rows, one row */
    char table[64];           /* for messages */
    int ncol, n, nv;          /* values a row, rows held, values held */
    bvalue *v;                /* ENT_BATCH * ncol */
};

/* prepare_rows prepares insert + " VALUES(?,...),..." with k rows of ncol */
static ent_status prepare_rows(ent_batch *b, const char *insert, int k, sqlite3_stmt **q)
{
    size_t len = strlen(insert) + 8 + (size_t)k * (3 + 2 * (size_t)b->ncol), o;
    char *sql = ent_malloc(b->ctx, len);
    ent_status st;
    if (!sql)
        return ent_err(b->ctx, ENT_ENOMEM, "out of memory");
    o = (size_t)snprintf(sql, len, "%s VALUES", insert);
    for (int r = 0; r < k; r++) {
        sql[o++] = r ? ',' : ' ';
        sql[o++] = '(';
        for (int c = 0; c < b->ncol; c++) {
            if (c)
                sql[o++] = ',';
            sql[o++] = '?';
        }
        sql[o++] = ')';
    }
    sql[o] = '\0';
    st = ent_sql_prepare(b->ctx, b->db, sql, q);
    ent_free(b->ctx, sql);
    return st;
}

ent_status ent_batch_open(ent_ctx *ctx, sqlite3 *db, const char *insert, int ncol,
                          ent_batch **out)
{
    ent_batch *b = ent_calloc(ctx, 1, sizeof *b);
    ent_status st;
    *out = NULL;
    if (!b)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    b->ctx = ctx;
    b->db = db;
    b->ncol = ncol;
    sscanf(insert, "INSERT INTO %63[A-Za-z0-9_]", b->table);
    if (!(b->v = ent_malloc(ctx, (size_t)ENT_BATCH * (size_t)ncol * sizeof *b->v)))
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
    else if ((st = prepare_rows(b, insert, ENT_BATCH, &b->many)) == ENT_OK)
        st = prepare_rows(b, insert, 1, &b->one);
    if (st != ENT_OK)
        return ent_batch_close(b, st);
    *out = b;
    return ENT_OK;
}

void ent_batch_i64(ent_batch *b, int64_t v)
{
    bvalue *x = &b->v[b->nv++];
    x->type = v == ENT_NA ? 'n' : 'i';
    x->u.i = v;
}

void ent_batch_f64(ent_batch *b, double v)
{
    bvalue *x = &b->v[b->nv++];
    x->type = isnan(v) ? 'n' : 'd';
    x->u.d = v;
}

void ent_batch_text(ent_batch *b, const char *t)
{
    bvalue *x = &b->v[b->nv++];
    x->type = t ? 't' : 'n';
    x->u.t = t;
}

/* write runs q over the values of rows first..first+k-1 */
static ent_status batch_write(ent_batch *b, sqlite3_stmt *q, int first, int k)
{
    const bvalue *x = b->v + (size_t)first * (size_t)b->ncol;
    for (int i = 0; i < k * b->ncol; i++) {
        switch (x[i].type) {
        case 'i': sqlite3_bind_int64(q, i + 1, x[i].u.i); break;
        case 'd': sqlite3_bind_double(q, i + 1, x[i].u.d); break;
        case 't': sqlite3_bind_text(q, i + 1, x[i].u.t, -1, SQLITE_STATIC); break;
        default: sqlite3_bind_null(q, i + 1); break;
        }
    }
    if (sqlite3_step(q) != SQLITE_DONE) {
        ent_status st = ent_err(b->ctx, ENT_EDB, "%s: %s", b->table, sqlite3_errmsg(b->db));
        sqlite3_reset(q);
        return st;
    }
    sqlite3_reset(q);
    return ENT_OK;
}

ent_status ent_batch_row(ent_batch *b)
{
    if (++b->n < ENT_BATCH)
        return ENT_OK;
    b->n = b->nv = 0;
    return batch_write(b, b->many, 0, ENT_BATCH);
}

ent_status ent_batch_close(ent_batch *b, ent_status st)
{
    if (!b)
        return st;
    for (int r = 0; st == ENT_OK && r < b->n; r++)
        st = batch_write(b, b->one, r, 1);
    sqlite3_finalize(b->many);
    sqlite3_finalize(b->one);
    ent_free(b->ctx, b->v);
    ent_free(b->ctx, b);
    return st;
}

/* ------------------------------------------------------------ copying */

#define MAXCOLS 40
#define MAXKEY 3    /* sorted mode: key columns, packed KEYBITS each into one integer */
#define KEYBITS 21  /* COW codes and years fit */
#define MAXHELD ((size_t)1 << 30)      /* sorted mode: rows held (ITPD-E: ~70 million) */
#define MAXHELDTEXT ((size_t)64 << 30) /* sorted mode: bytes of their text values */

/* the last mapping of an ISO3 code (26^3 slots): its year and COW code */
typedef struct iso3_memo {
    int year, code;
} iso3_memo;

typedef struct val {
    int64_t i;
    double d;
    const char *t; /* TEXT / ISO3 text, NULL = NULL */
} val;

/* One value to bind, by the column's kind: 'i' integer, 'c' a COW code or a
 * year (an integer in 0..2^KEYBITS), 'd' real, 't' text. */
typedef union bval {
    int64_t i; /* ENT_NA: NULL */
    double d;  /* NAN: NULL */
    size_t t;  /* text: offset + 1 in the text arena (sorted mode), 0: NULL */
} bval;

/* Sorted mode (ent_copy.sort): the checked rows are held in memory and
 * inserted in the table's primary-key order once the file is read, because
 * appending to a B-tree is several times cheaper than inserting at random
 * (cow_mindist: 1.2 s in the file's year order, 0.3 s in key order).  The key
 * (codes and years) is packed into one integer; a row whose key repeats an
 * earlier row's is found when it is read (a hash set of keys), so rejections
 * and errors are those, in the same order, of inserting row by row. */
typedef struct keyrow {
    uint64_t key;
    size_t row;
} keyrow;

typedef struct rowbuf {
    const char *table;     /* for messages */
    int nb;                /* values per row */
    int nkey, key[MAXKEY]; /* value positions of the key columns, in key order */
    bval *v;               /* row r's values at v[r * nb] */
    keyrow *order;         /* per row: its packed key */
    size_t n, cap;         /* rows */
    char *text;            /* text arena */
    size_t tlen, tcap;
    int64_t prev[MAXKEY];  /* the last held row's key columns */
    unsigned sorted;       /* bit p: the held rows are in the order of perms[p] */
    uint64_t *set;         /* keys held, + 1 (0: empty slot), open addressing; NULL
                            * while the rows are in some order (see is_repeat) */
    size_t scap;           /* a power of two */
} rowbuf;

/* sort_keys sorts a[0..n) by key: a radix sort, 11 bits a pass, a pass
 * skipped when every key has the same digit (most high bits are 0). */
static int sort_keys(ent_ctx *ctx, keyrow *a, size_t n)
{
    keyrow *tmp = ent_malloc(ctx, (n ? n : 1) * sizeof *tmp), *src = a, *dst = tmp;
    if (!tmp)
        return 0;
    for (int shift = 0; shift < 64; shift += 11) {
        size_t pos[2048], sum = 0;
        memset(pos, 0, sizeof pos);
        for (size_t i = 0; i < n; i++)
            pos[src[i].key >> shift & 2047]++;
        if (n == 0 || pos[src[0].key >> shift & 2047] == n)
            continue;
        for (int d = 0; d < 2048; d++) {
            size_t c = pos[d];
            pos[d] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            dst[pos[src[i].key >> shift & 2047]++] = src[i];
        dst = src;
        src = src == a ? tmp : a;
    }
    if (src != a)
        memcpy(a, src, n * sizeof *a);
    ent_free(ctx, tmp);
    return 1;
}

static size_t key_slot(uint64_t key, size_t cap)
{
    key *= 0x9e3779b97f4a7c15ull;
    return (size_t)(key ^ (key >> 32)) & (cap - 1);
}

/* rowbuf_key finds the table's primary-key columns among the bound columns
 * (names[], kinds[]): at most MAXKEY, each a COW code or a year. */
static ent_status rowbuf_key(ent_ctx *ctx, sqlite3 *db, const char *table, const char **names,
                             const char *kinds, int nb, rowbuf *rb)
{
    sqlite3_stmt *q = NULL;
    ent_status st = ent_sql_prepare(ctx, db,
                                    "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 "
                                    "ORDER BY pk", &q);
    if (st != ENT_OK)
        return st;
    sqlite3_bind_text(q, 1, table, -1, SQLITE_STATIC);
    rb->nkey = 0;
    while (st == ENT_OK && sqlite3_step(q) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(q, 0);
        int b = 0;
        while (b < nb && strcmp(names[b], name))
            b++;
        if (rb->nkey == MAXKEY || b == nb || kinds[b] != 'c')
            st = ent_err(ctx, ENT_EINVAL, "%s: sorted loading needs a key of at most %d "
                         "COW-code or year columns ('%s')", table, MAXKEY, name);
        else
            rb->key[rb->nkey++] = b;
    }
    sqlite3_finalize(q);
    if (st == ENT_OK && !rb->nkey)
        st = ent_err(ctx, ENT_EINVAL, "%s: sorted loading needs a primary key", table);
    return st;
}

/* grow_set (re)builds the hash set of the held rows' keys, with room for
 * twice as many. */
static int grow_set(ent_ctx *ctx, rowbuf *rb)
{
    size_t cap = 131072;
    uint64_t *s;
    while (cap < 4 * (rb->n + 1))
        cap *= 2;
    if (!(s = ent_calloc(ctx, cap, sizeof *s)))
        return 0;
    for (size_t r = 0; r < rb->n; r++) {
        size_t j;
        for (j = key_slot(rb->order[r].key, cap); s[j]; j = (j + 1) & (cap - 1))
            ;
        s[j] = rb->order[r].key + 1;
    }
    ent_free(ctx, rb->set);
    rb->set = s;
    rb->scap = cap;
    return 1;
}

/* in_order: 1 when key a comes after key b in column order perm (a list of
 * key column positions) */
static int in_order(const int64_t *a, const int64_t *b, const int *perm, int nkey)
{
    for (int k = 0; k < nkey; k++)
        if (a[perm[k]] != b[perm[k]])
            return a[perm[k]] > b[perm[k]];
    return 0;
}

/* is_repeat tells whether a row's key repeats a held row's.  While the held
 * rows are in the order of some permutation of the key columns (the files by
 * dyad are in (ccode1, ccode2, year) order), a repeat can only be the last
 * row; after that, a hash set of the keys answers.  1 repeat, 0 new, -1 out of
 * memory. */
static int is_repeat(ent_ctx *ctx, rowbuf *rb, const int64_t *k, uint64_t key, size_t *slot)
{
    static const int perms[6][MAXKEY] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2},
                                         {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    if (!rb->set && rb->n) {
        if (key == rb->order[rb->n - 1].key)
            return 1;
        for (int p = 0; p < 6; p++) {
            int ok = 1; /* a permutation of the nkey columns */
            for (int c = 0; c < rb->nkey; c++)
                ok &= perms[p][c] < rb->nkey;
            if (!ok || !in_order(k, rb->prev, perms[p], rb->nkey))
                rb->sorted &= ~(1u << p);
        }
        if (rb->sorted)
            return 0;
    }
    if (!rb->set && rb->n && !grow_set(ctx, rb)) /* the held rows left every order */
        return -1;
    if (rb->set) {
        size_t j;
        if (2 * (rb->n + 1) > rb->scap && !grow_set(ctx, rb))
            return -1;
        for (j = key_slot(key, rb->scap); rb->set[j]; j = (j + 1) & (rb->scap - 1))
            if (rb->set[j] == key + 1)
                return 1;
        *slot = j;
    }
    return 0;
}

/* rowbuf_add holds a row (text values as pointers in t[]); 1 held, 0 its key
 * repeats an earlier row's, -1 out of memory, -2 a key value out of range, -3
 * out of memory or over a cap with the message set. */
static int rowbuf_add(ent_ctx *ctx, rowbuf *rb, const bval *v, const char *const *t,
                      const char *kinds)
{
    uint64_t key = 0;
    int64_t k[MAXKEY] = {0};
    bval *row;
    size_t slot = 0;
    int rep;
    for (int c = 0; c < rb->nkey; c++) {
        k[c] = v[rb->key[c]].i;
        if (k[c] < 0 || k[c] >= (int64_t)1 << KEYBITS)
            return -2; /* codes and years are checked before: not reached */
        key = key << KEYBITS | (uint64_t)k[c];
    }
    if ((rep = is_repeat(ctx, rb, k, key, &slot)) != 0)
        return rep > 0 ? 0 : -1;
    if (rb->n == rb->cap) { /* two parallel arrays: one capacity from one start */
        size_t cv = rb->cap, co = rb->cap, need = rb->n ? rb->n + 1 : 65536;
        if (ent_grow_for(ctx, rb->table, &rb->v, &cv, need, (size_t)rb->nb * sizeof *rb->v,
                         MAXHELD, "rows held for sorting") != ENT_OK ||
            ent_grow_for(ctx, rb->table, &rb->order, &co, need, sizeof *rb->order, MAXHELD,
                         "rows held for sorting") != ENT_OK)
            return -3;
        rb->cap = cv;
    }
    row = rb->v + rb->n * (size_t)rb->nb;
    memcpy(row, v, (size_t)rb->nb * sizeof *row);
    for (int b = 0; b < rb->nb; b++) {
        size_t len;
        if (kinds[b] != 't')
            continue;
        row[b].t = 0;
        if (!t[b])
            continue;
        len = strlen(t[b]) + 1;
        if (rb->tlen + len > rb->tcap &&
            ent_grow_for(ctx, rb->table, &rb->text, &rb->tcap,
                         rb->tlen + len < 65536 ? 65536 : rb->tlen + len, 1, MAXHELDTEXT,
                         "text held for sorting") != ENT_OK)
            return -3;
        memcpy(rb->text + rb->tlen, t[b], len);
        row[b].t = rb->tlen + 1;
        rb->tlen += len;
    }
    if (rb->set)
        rb->set[slot] = key + 1;
    memcpy(rb->prev, k, sizeof rb->prev);
    rb->order[rb->n].key = key;
    rb->order[rb->n].row = rb->n;
    rb->n++;
    return 1;
}

/* bind_row binds a row's values; texts with SQLITE_TRANSIENT (copied) or
 * SQLITE_STATIC (held until the statement is done with them). */
static void bind_row(sqlite3_stmt *ins, const bval *v, const char *const *t, const char *kinds,
                     int nb, sqlite3_destructor_type keep)
{
    for (int b = 0; b < nb; b++) {
        if (kinds[b] == 'd')
            ent_sql_bind_f64(ins, b + 1, v[b].d);
        else if (kinds[b] == 't')
            sqlite3_bind_text(ins, b + 1, t[b], -1, keep);
        else
            ent_sql_bind_i64(ins, b + 1, v[b].i);
    }
}

/* rowbuf_write inserts the held rows in key order, in batches (insert: the
 * statement's "INSERT INTO t(...)").  Key order is not their order in memory:
 * each row, and its texts, are fetched ahead. */
static ent_status rowbuf_write(ent_ctx *ctx, sqlite3 *db, const char *insert, rowbuf *rb,
                               const char *kinds, const char *table)
{
    ent_batch *bt = NULL;
    ent_status st;
    if (!sort_keys(ctx, rb->order, rb->n))
        return ent_err(ctx, ENT_ENOMEM, "%s: out of memory", table);
    if ((st = ent_batch_open(ctx, db, insert, rb->nb, &bt)) != ENT_OK)
        return st;
    for (size_t r = 0; r < rb->n && st == ENT_OK; r++) {
        const bval *v = rb->v + rb->order[r].row * (size_t)rb->nb;
#ifdef __GNUC__
        if (r + 16 < rb->n)
            __builtin_prefetch(rb->v + rb->order[r + 16].row * (size_t)rb->nb);
        if (r + 8 < rb->n && rb->tlen) {
            const bval *ahead = rb->v + rb->order[r + 8].row * (size_t)rb->nb;
            for (int b = 0; b < rb->nb; b++)
                if (kinds[b] == 't' && ahead[b].t)
                    __builtin_prefetch(rb->text + ahead[b].t - 1);
        }
#endif
        for (int b = 0; b < rb->nb; b++) {
            if (kinds[b] == 'd')
                ent_batch_f64(bt, v[b].d);
            else if (kinds[b] == 't')
                ent_batch_text(bt, v[b].t ? rb->text + v[b].t - 1 : NULL);
            else
                ent_batch_i64(bt, v[b].i);
        }
        st = ent_batch_row(bt);
    }
    return ent_batch_close(bt, st);
}

static void rowbuf_free(ent_ctx *ctx, rowbuf *rb)
{
    ent_free(ctx, rb->v);
    ent_free(ctx, rb->order);
    ent_free(ctx, rb->text);
    ent_free(ctx, rb->set);
}

ent_status ent_src_copy(ent_load *ld, const ent_copy *cp)
{
    ent_ctx *ctx = ld->ctx;
    ent_reader *r = NULL;
    sqlite3_stmt *ins = NULL;
    ent_status st = ENT_OK;
    ent_reader_opts ro = {0};
    const char *names[MAXCOLS], *bname[2 * MAXCOLS], *bt[2 * MAXCOLS];
    char kinds[2 * MAXCOLS]; /* per bound value: 'i', 'd' or 't' */
    bval bv[2 * MAXCOLS];
    rowbuf rb = {0};
    iso3_memo *memo = NULL;
    int idx[MAXCOLS];
    val v[MAXCOLS];
    unsigned char known[1000];
    char sql[2048], prefix[2048], reason[160];
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
            bname[nbind] = cp->cols[i].sql;
            switch (cp->cols[i].type) {
            case ENT_COL_REAL: kinds[nbind] = 'd'; break;
            case ENT_COL_TEXT: kinds[nbind] = 't'; break;
            case ENT_COL_YEAR: case ENT_COL_CCODE: case ENT_COL_ISO3: kinds[nbind] = 'c'; break;
            default: kinds[nbind] = 'i'; break;
            }
            nbind++;
        }
        if (cp->cols[i].type == ENT_COL_ISO3 && cp->cols[i].sql2) {
            len += (size_t)snprintf(sql + len, sizeof sql - len, "%s%s", nbind ? "," : "",
                                    cp->cols[i].sql2);
            bname[nbind] = cp->cols[i].sql2;
            kinds[nbind++] = 't';
        }
    }
    snprintf(prefix, sizeof prefix, "%.*s)", (int)len, sql); /* for batches */
    len += (size_t)snprintf(sql + len, sizeof sql - len, ") VALUES(");
    for (int b = 0; b < nbind; b++)
        len += (size_t)snprintf(sql + len, sizeof sql - len, "%s?", b ? "," : "");
    snprintf(sql + len, sizeof sql - len, ")");

    if ((st = ent_sql_prepare(ctx, ld->db, sql, &ins)) != ENT_OK)
        goto out;
    rb.table = cp->table;
    rb.nb = nbind;
    rb.sorted = 0x3f; /* in every order until two rows say otherwise */
    if (cp->sort &&
        (st = rowbuf_key(ctx, ld->db, cp->table, bname, kinds, nbind, &rb)) != ENT_OK)
        goto out;
    if (!(memo = ent_malloc(ctx, 26 * 26 * 26 * sizeof *memo))) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    for (int i = 0; i < 26 * 26 * 26; i++)
        memo[i].year = -1; /* no year yet (a file without years has year 0) */
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
        int year = 0, b = 0, rc;
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
                    iso3_memo *m = &memo[((t[0] - 'A') * 26 + (t[1] - 'A')) * 26 + (t[2] - 'A')];
                    if (m->year == year) { /* rows come by year: mapped once per year */
                        x->i = m->code;
                    } else {
                        x->i = -2;
                        for (size_t a = 0; a < cp->nalias; a++)
                            if (!strcmp(cp->alias[a].iso3, t))
                                x->i = ent_state_member(ld->reg, cp->alias[a].ccode, year)
                                           ? cp->alias[a].ccode
                                           : -1;
                        if (x->i == -2)
                            x->i = ent_src_iso3(ld, t, year);
                        m->year = year;
                        m->code = (int)x->i;
                    }
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
                bt[b] = NULL;
                if (s->type == ENT_COL_REAL)
                    bv[b].d = v[i].d;
                else if (s->type == ENT_COL_TEXT)
                    bt[b] = v[i].t;
                else
                    bv[b].i = v[i].i;
                b++;
            }
            if (s->type == ENT_COL_ISO3 && s->sql2)
                bt[b++] = v[i].t;
        }
        if (cp->sort) { /* held, inserted in key order below */
            rc = rowbuf_add(ctx, &rb, bv, bt, kinds);
            if (rc < 0) {
                st = rc == -3   ? ENT_ENOMEM /* the message is set */
                     : rc == -1 ? ent_err(ctx, ENT_ENOMEM, "%s: out of memory", cp->table)
                                : ent_reader_fail(r, ENT_EPARSE, -1, "key out of range");
                goto out;
            }
            rc = rc ? SQLITE_DONE : SQLITE_CONSTRAINT;
        } else {
            bind_row(ins, bv, bt, kinds, nbind, SQLITE_TRANSIENT);
            rc = sqlite3_step(ins);
            sqlite3_reset(ins);
        }
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
    if (cp->sort)
        st = rowbuf_write(ctx, ld->db, prefix, &rb, kinds, cp->table);
out:
    ent_load_close(ld, r);
    sqlite3_finalize(ins);
    rowbuf_free(ctx, &rb);
    ent_free(ctx, memo);
    return st;
}
