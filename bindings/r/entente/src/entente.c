/*
 * entente.c -- the .Call glue between R and libentente: a warehouse handle
 * as an external pointer, and one converter from an ent_result to a base
 * data.frame (typed columns, NA for missing, notes as attributes).
 *
 * Errors: a glue function never longjmps out of library state; it frees
 * what it holds and returns a string with class "entente_error", which the
 * R side turns into a condition (R/entente.R, .ent_check).
 */
#include <entente.h>
#include <entente/query.h>
#include <entente/index.h>

#include <R.h>
#include <Rinternals.h>
#include <R_ext/Rdynload.h>
#include <limits.h>
#include <math.h>
#include <string.h>

typedef struct handle {
    ent_ctx *ctx;
    ent_db *db;
} handle;

static SEXP error_value(const char *msg)
{
    SEXP s = PROTECT(Rf_mkString(msg && *msg ? msg : "entente: unknown error"));
    Rf_setAttrib(s, R_ClassSymbol, Rf_mkString("entente_error"));
    UNPROTECT(1);
    return s;
}

static void handle_free(SEXP x)
{
    handle *h = R_ExternalPtrAddr(x);
    if (!h)
        return;
    ent_db_close(h->db);
    ent_ctx_free(h->ctx);
    free(h);
    R_ClearExternalPtr(x);
}

static handle *get(SEXP x)
{
    handle *h = TYPEOF(x) == EXTPTRSXP ? R_ExternalPtrAddr(x) : NULL;
    if (!h || !h->db)
        Rf_error("entente: the warehouse handle is closed or invalid; use ent_open()");
    return h;
}

static const char *opt_str(SEXP x)
{
    if (Rf_isNull(x) || !Rf_isString(x) || XLENGTH(x) < 1 || STRING_ELT(x, 0) == NA_STRING)
        return NULL;
    return CHAR(STRING_ELT(x, 0));
}

static int opt_int(SEXP x, int dflt)
{
    if (Rf_isNull(x) || XLENGTH(x) < 1)
        return dflt;
    int v = Rf_asInteger(x);
    return v == NA_INTEGER ? dflt : v;
}

/* frame converts r into a data.frame and frees r. */
static SEXP frame(ent_result *r)
{
    size_t nc = ent_result_ncols(r), nr = ent_result_nrows(r), nn = ent_result_nnotes(r);
    SEXP df = PROTECT(Rf_allocVector(VECSXP, (R_xlen_t)nc));
    SEXP names = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)nc));
    for (size_t j = 0; j < nc; j++) {
        SEXP col;
        SET_STRING_ELT(names, (R_xlen_t)j, Rf_mkCharCE(ent_result_colname(r, j), CE_UTF8));
        switch (ent_result_coltype(r, j)) {
        case ENT_COL_INT: {
            int fits = 1;
            for (size_t i = 0; i < nr && fits; i++) {
                int64_t v = ent_result_int(r, i, j);
                fits = v == ENT_NA || (v > INT_MIN && v <= INT_MAX);
            }
            if (fits) { /* an R integer; else a double, which holds 2^53 exactly */
                col = PROTECT(Rf_allocVector(INTSXP, (R_xlen_t)nr));
                for (size_t i = 0; i < nr; i++) {
                    int64_t v = ent_result_int(r, i, j);
                    INTEGER(col)[i] = v == ENT_NA ? NA_INTEGER : (int)v;
                }
            } else {
                col = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)nr));
                for (size_t i = 0; i < nr; i++) {
                    int64_t v = ent_result_int(r, i, j);
                    REAL(col)[i] = v == ENT_NA ? NA_REAL : (double)v;
                }
            }
            break;
        }
        case ENT_COL_REAL:
            col = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)nr));
            for (size_t i = 0; i < nr; i++) {
                double v = ent_result_real(r, i, j);
                REAL(col)[i] = isnan(v) ? NA_REAL : v;
            }
            break;
        default:
            col = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)nr));
            for (size_t i = 0; i < nr; i++) {
                const char *s = ent_result_text(r, i, j);
                SET_STRING_ELT(col, (R_xlen_t)i, s ? Rf_mkCharCE(s, CE_UTF8) : NA_STRING);
            }
            break;
        }
        SET_VECTOR_ELT(df, (R_xlen_t)j, col);
        UNPROTECT(1);
    }
    Rf_setAttrib(df, R_NamesSymbol, names);
    SEXP rn = PROTECT(Rf_allocVector(INTSXP, 2)); /* compact row names: no row names */
    INTEGER(rn)[0] = NA_INTEGER;
    INTEGER(rn)[1] = -(int)nr;
    Rf_setAttrib(df, R_RowNamesSymbol, rn);
    Rf_setAttrib(df, R_ClassSymbol, Rf_mkString("data.frame"));
    SEXP notes = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)nn));
    SEXP kinds = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)nn));
    for (size_t k = 0; k < nn; k++) {
        SET_STRING_ELT(notes, (R_xlen_t)k, Rf_mkCharCE(ent_result_note_text(r, k), CE_UTF8));
        SET_STRING_ELT(kinds, (R_xlen_t)k, Rf_mkCharCE(ent_result_note_kind(r, k), CE_UTF8));
    }
    Rf_setAttrib(notes, R_NamesSymbol, kinds);
    Rf_setAttrib(df, Rf_install("notes"), notes);
    ent_result_free(r);
    UNPROTECT(5);
    return df;
}

/* open_handle opens (create = 1: makes) a warehouse, and with data set
 * loads every known source under that folder into it (ent_build). */
static SEXP open_handle(const char *p, int create, const char *data)
{
    handle *h = calloc(1, sizeof *h);
    ent_build_opts bo = {data, NULL, 0, 0};
    if (!h || !(h->ctx = ent_ctx_new())) {
        free(h);
        return error_value("entente: out of memory");
    }
    if (ent_db_open(h->ctx, p ? p : "entente.db", create, &h->db) != ENT_OK ||
        (data && ent_build(h->db, &bo) != ENT_OK)) {
        SEXP e = PROTECT(error_value(ent_errmsg(h->ctx)));
        ent_db_close(h->db);
        ent_ctx_free(h->ctx);
        free(h);
        UNPROTECT(1);
        return e;
    }
    SEXP x = PROTECT(R_MakeExternalPtr(h, Rf_install("entente_warehouse"), R_NilValue));
    R_RegisterCFinalizerEx(x, handle_free, TRUE);
    UNPROTECT(1);
    return x;
}

SEXP C_open(SEXP path) { return open_handle(opt_str(path), 0, NULL); }

SEXP C_build(SEXP data, SEXP path)
{
    if (!opt_str(data) || !opt_str(path))
        return error_value("entente: build: data and db are paths");
    return open_handle(opt_str(path), 1, opt_str(data));
}

SEXP C_close(SEXP x)
{
    if (TYPEOF(x) == EXTPTRSXP)
        handle_free(x);
    return R_NilValue;
}

SEXP C_codebook(SEXP dimension)
{
    ent_ctx *ctx = ent_ctx_new();
    ent_result *r;
    SEXP out;
    if (!ctx)
        return error_value("entente: out of memory");
    if (ent_codebook(ctx, opt_str(dimension), &r) != ENT_OK)
        out = error_value(ent_errmsg(ctx));
    else
        out = frame(r);
    ent_ctx_free(ctx);
    return out;
}

typedef ent_status (*index_fn)(ent_db *, const ent_index_opts *, ent_result **);

static SEXP index_query(index_fn fn, SEXP db, SEXP args)
{
    /* args: a named list made by R/entente.R (.ent_index_args) */
    handle *h = get(db);
    ent_index_opts o = ENT_INDEX_OPTS_INIT;
    ent_result *r;
    SEXP nm = Rf_getAttrib(args, R_NamesSymbol);
    for (R_xlen_t i = 0; i < XLENGTH(args); i++) {
        const char *k = CHAR(STRING_ELT(nm, i));
        SEXP v = VECTOR_ELT(args, i);
        if (!strcmp(k, "subject")) o.subject = opt_str(v);
        else if (!strcmp(k, "group")) o.group = opt_str(v);
        else if (!strcmp(k, "state")) o.state = opt_str(v);
        else if (!strcmp(k, "dimension")) o.dimension = opt_str(v);
        else if (!strcmp(k, "config")) o.config = opt_str(v);
        else if (!strcmp(k, "normalize")) o.normalize = opt_str(v);
        else if (!strcmp(k, "year")) o.year = opt_int(v, 0);
        else if (!strcmp(k, "from")) o.from = opt_int(v, 0);
        else if (!strcmp(k, "to")) o.to = opt_int(v, 0);
        else if (!strcmp(k, "top")) o.top = opt_int(v, 0);
        else if (!strcmp(k, "complete")) o.complete = opt_int(v, 0);
        else if (!strcmp(k, "draws")) o.draws = opt_int(v, 0);
        else if (!strcmp(k, "seed")) o.seed = (unsigned long long)opt_int(v, 1);
    }
    if (fn(h->db, &o, &r) != ENT_OK)
        return error_value(ent_errmsg(h->ctx));
    return frame(r);
}

SEXP C_compare(SEXP db, SEXP args) { return index_query(ent_compare, db, args); }
SEXP C_rank(SEXP db, SEXP args) { return index_query(ent_rank, db, args); }
SEXP C_trend(SEXP db, SEXP args) { return index_query(ent_trend, db, args); }

/* result turns one query's status into the frame of *r, or the message as
 * an error value (r by address: the query must have run before it is read) */
static SEXP result(handle *h, ent_status st, ent_result **r)
{
    return st != ENT_OK ? error_value(ent_errmsg(h->ctx)) : frame(*r);
}

SEXP C_dyad(SEXP db, SEXP a, SEXP b, SEXP year, SEXP from, SEXP to)
{
    handle *h = get(db);
    ent_result *r = NULL;
    return result(h, ent_dyad(h->db, opt_str(a), opt_str(b), opt_int(year, 0),
                              opt_int(from, 0), opt_int(to, 0), &r), &r);
}

SEXP C_panel(SEXP db, SEXP from, SEXP to, SEXP indicators, SEXP directed)
{
    handle *h = get(db);
    ent_result *r = NULL;
    return result(h, ent_panel(h->db, opt_int(from, 0), opt_int(to, 0), opt_str(indicators),
                               opt_int(directed, 0), &r), &r);
}

SEXP C_agree(SEXP db, SEXP a, SEXP b, SEXP from, SEXP to)
{
    handle *h = get(db);
    ent_result *r = NULL;
    return result(h, ent_agree(h->db, opt_str(a), opt_str(b), opt_int(from, 0), opt_int(to, 0),
                               &r), &r);
}

SEXP C_meetings(SEXP db, SEXP leader, SEXP from, SEXP to, SEXP partners)
{
    handle *h = get(db);
    ent_result *r = NULL;
    return result(h, ent_meetings(h->db, opt_str(leader), opt_str(from), opt_str(to),
                                  opt_int(partners, 1), &r), &r);
}

SEXP C_cite(SEXP db)
{
    handle *h = get(db);
    ent_result *r = NULL;
    return result(h, ent_cite(h->db, &r), &r);
}

static const R_CallMethodDef calls[] = {
    {"C_dyad", (DL_FUNC)&C_dyad, 6},
    {"C_panel", (DL_FUNC)&C_panel, 5},
    {"C_agree", (DL_FUNC)&C_agree, 5},
    {"C_meetings", (DL_FUNC)&C_meetings, 5},
    {"C_cite", (DL_FUNC)&C_cite, 1},
    {"C_build", (DL_FUNC)&C_build, 2},
    {"C_compare", (DL_FUNC)&C_compare, 2},
    {"C_rank", (DL_FUNC)&C_rank, 2},
    {"C_trend", (DL_FUNC)&C_trend, 2},
    {"C_open", (DL_FUNC)&C_open, 1},
    {"C_close", (DL_FUNC)&C_close, 1},
    {"C_codebook", (DL_FUNC)&C_codebook, 1},
    {NULL, NULL, 0}};

void R_init_entente(DllInfo *dll)
{
    R_registerRoutines(dll, NULL, calls, NULL, NULL);
    R_useDynamicSymbols(dll, FALSE);
}
