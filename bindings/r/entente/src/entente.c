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
#include <entente/agree.h>
#include <entente/ideal.h>
#include <entente/events.h>
#include <entente/fetch.h>
#include <entente/report.h>

#include <R.h>
#include <Rinternals.h>
#include <R_ext/Rdynload.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

static double opt_real(SEXP x, double dflt)
{
    if (Rf_isNull(x) || XLENGTH(x) < 1)
        return dflt;
    double v = Rf_asReal(x);
    return ISNA(v) ? dflt : v;
}

/* arg returns the element of the named list args called name, or NULL */
static SEXP arg(SEXP args, const char *name)
{
    SEXP nm = Rf_getAttrib(args, R_NamesSymbol);
    for (R_xlen_t i = 0; i < XLENGTH(args); i++)
        if (!strcmp(CHAR(STRING_ELT(nm, i)), name))
            return VECTOR_ELT(args, i);
    return R_NilValue;
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

/* ---- the newer calls: states, sources, agreement, ideal points, events,
 * data folders, the report ---- */

SEXP C_states(SEXP db, SEXP names, SEXP year)
{
    handle *h = get(db);
    ent_result *r = NULL;
    R_xlen_t n = Rf_isString(names) ? XLENGTH(names) : 0;
    const char **v = n ? (const char **)R_alloc((size_t)n, sizeof *v) : NULL;
    for (R_xlen_t i = 0; i < n; i++) {
        if (STRING_ELT(names, i) == NA_STRING)
            return error_value("entente: states: a name is NA");
        v[i] = CHAR(STRING_ELT(names, i));
    }
    return result(h, ent_states(h->db, v, (size_t)n, opt_int(year, 0), &r), &r);
}

SEXP C_sources(SEXP db, SEXP rejects)
{
    handle *h = get(db);
    ent_result *r = NULL;
    return result(h, ent_loaded_sources(h->db, opt_int(rejects, 0), &r), &r);
}

SEXP C_meetings_by_year(SEXP db, SEXP a, SEXP b, SEXP from, SEXP to)
{
    handle *h = get(db);
    ent_result *r = NULL;
    return result(h, ent_meetings_by_year(h->db, opt_str(a), opt_str(b), opt_int(from, 0),
                                          opt_int(to, 0), &r), &r);
}

static ent_agree_query agree_query(SEXP args)
{
    ent_agree_query q = {0};
    q.from = opt_int(arg(args, "from"), 0);
    q.to = opt_int(arg(args, "to"), 0);
    q.measures = opt_str(arg(args, "measures"));
    q.weights = opt_str(arg(args, "weights"));
    q.issue = opt_str(arg(args, "issue"));
    q.important = opt_int(arg(args, "important"), 0);
    q.calendar = opt_int(arg(args, "calendar"), 0);
    return q;
}

SEXP C_agreement(SEXP db, SEXP a, SEXP b, SEXP args)
{
    handle *h = get(db);
    ent_result *r = NULL;
    ent_agree_query q = agree_query(args);
    return result(h, ent_agreement(h->db, opt_str(a), opt_str(b), &q, &r), &r);
}

SEXP C_agreement_with(SEXP db, SEXP a, SEXP year, SEXP top, SEXP args)
{
    handle *h = get(db);
    ent_result *r = NULL;
    ent_agree_query q = agree_query(args);
    return result(h, ent_agreement_with(h->db, opt_str(a), opt_int(year, 0), opt_int(top, 0), &q,
                                        &r), &r);
}

SEXP C_similarity(SEXP x, SEXP y, SEXP w, SEXP levels, SEXP path, SEXP weight_column)
{
    ent_similarity_input in = {0};
    ent_ctx *ctx;
    ent_result *r;
    SEXP out;
    if (!Rf_isReal(levels) || XLENGTH(levels) != 2)
        return error_value("entente: similarity: levels must be c(lo, hi)");
    in.lo = (int)REAL(levels)[0];
    in.hi = (int)REAL(levels)[1];
    in.path = opt_str(path);
    in.weight_column = opt_str(weight_column);
    if (!in.path) {
        if (!Rf_isReal(x) || !Rf_isReal(y))
            return error_value("entente: similarity: give x and y (or path)");
        if (XLENGTH(x) != XLENGTH(y))
            return error_value("entente: similarity: x and y must have the same number of items");
        if (Rf_isReal(w) && XLENGTH(w) != XLENGTH(x))
            return error_value("entente: similarity: w must have as many items as x");
        in.n = (size_t)XLENGTH(x);
        in.x = REAL(x);
        in.y = REAL(y);
        in.w = Rf_isReal(w) ? REAL(w) : NULL;
    }
    if (!(ctx = ent_ctx_new()))
        return error_value("entente: out of memory");
    if (ent_similarity(ctx, &in, &r) != ENT_OK)
        out = error_value(ent_errmsg(ctx));
    else
        out = frame(r);
    ent_ctx_free(ctx);
    return out;
}

SEXP C_idealpoints(SEXP db, SEXP args)
{
    handle *h = get(db);
    ent_result *r = NULL;
    ent_idealpoints_opts o = ENT_IDEALPOINTS_OPTS_INIT;
    o.from = opt_int(arg(args, "from"), 0);
    o.to = opt_int(arg(args, "to"), 0);
    o.issues = opt_str(arg(args, "issues"));
    o.important = opt_int(arg(args, "important"), 0);
    o.bootstrap = opt_int(arg(args, "bootstrap"), 0);
    o.seed = (unsigned long long)opt_real(arg(args, "seed"), 1);
    o.store = opt_int(arg(args, "store"), 0);
    o.omega2 = opt_real(arg(args, "omega2"), 0);
    o.tol = opt_real(arg(args, "tol"), 0);
    o.prior_item = opt_real(arg(args, "prior_item"), 0);
    o.prior_x = opt_real(arg(args, "prior_x"), 0);
    o.max_step = opt_real(arg(args, "max_step"), 0);
    o.threads = opt_int(arg(args, "threads"), 0);
    return result(h, ent_idealpoints(h->db, &o, &r), &r);
}

SEXP C_report(SEXP db, SEXP args, SEXP path)
{
    handle *h = get(db);
    ent_result *r = NULL;
    ent_report_opts o = ENT_REPORT_OPTS_INIT;
    o.subject = opt_str(arg(args, "subject"));
    o.group = opt_str(arg(args, "group"));
    o.from = opt_int(arg(args, "from"), 0);
    o.to = opt_int(arg(args, "to"), 0);
    o.year = opt_int(arg(args, "year"), 0);
    o.draws = opt_int(arg(args, "draws"), 0);
    o.seed = (unsigned long long)opt_real(arg(args, "seed"), 1);
    o.config = opt_str(arg(args, "config"));
    o.normalize = opt_str(arg(args, "normalize"));
    o.svgdir = opt_str(arg(args, "svgdir"));
    o.dbname = opt_str(arg(args, "dbname"));
    return result(h, ent_report(h->db, &o, opt_str(path), &r), &r);
}

SEXP C_fetch_check(SEXP data, SEXP manifest, SEXP only)
{
    ent_ctx *ctx = ent_ctx_new();
    ent_result *r;
    SEXP out;
    if (!ctx)
        return error_value("entente: out of memory");
    if (ent_fetch_check(ctx, opt_str(data), opt_str(manifest), opt_str(only), &r) != ENT_OK)
        out = error_value(ent_errmsg(ctx));
    else
        out = frame(r);
    ent_ctx_free(ctx);
    return out;
}

/* C_fetch returns c(fetched, present, failed, bytes, seconds) */
SEXP C_fetch(SEXP args)
{
    ent_fetch_opts o = {0};
    ent_fetch_result res = {0};
    ent_ctx *ctx = ent_ctx_new();
    SEXP out;
    if (!ctx)
        return error_value("entente: out of memory");
    o.datadir = opt_str(arg(args, "data"));
    o.manifest = opt_str(arg(args, "manifest"));
    o.only = opt_str(arg(args, "only"));
    o.mirror = opt_str(arg(args, "mirror"));
    o.jobs = opt_int(arg(args, "jobs"), 0);
    o.retries = opt_int(arg(args, "retries"), -1);
    o.backoff = opt_real(arg(args, "backoff"), 0);
    o.connect_timeout = opt_int(arg(args, "connect_timeout"), 0);
    o.stall_timeout = opt_int(arg(args, "stall_timeout"), 0);
    o.max_redirs = opt_int(arg(args, "max_redirs"), 0);
    if (ent_fetch(ctx, &o, &res) != ENT_OK) {
        out = error_value(ent_errmsg(ctx));
    } else {
        out = PROTECT(Rf_allocVector(REALSXP, 5));
        REAL(out)[0] = (double)res.fetched;
        REAL(out)[1] = (double)res.present;
        REAL(out)[2] = (double)res.failed;
        REAL(out)[3] = (double)res.bytes;
        REAL(out)[4] = res.seconds;
        UNPROTECT(1);
    }
    ent_ctx_free(ctx);
    return out;
}

/* events_out returns list(groups, counts): ev's groups as a data.frame
 * (ent_events_groups) and c(read, aggregated, filtered, rejected, groups);
 * the row accounting goes to the file acct */
static SEXP events_out(ent_ctx *ctx, const ent_events *ev, const ent_registry *reg,
                       const char *acct)
{
    FILE *fp;
    ent_result *r = NULL;
    if (!(fp = fopen(acct, "w")))
        return error_value("entente: events: cannot write the row accounting");
    ent_events_report(ev, fp);
    if (fclose(fp) != 0)
        return error_value("entente: events: cannot write the row accounting");
    if (ent_events_groups(ctx, ev, reg, &r) != ENT_OK)
        return error_value(ent_errmsg(ctx));
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 2));
    SET_VECTOR_ELT(out, 0, frame(r));
    SEXP n = PROTECT(Rf_allocVector(REALSXP, 5));
    REAL(n)[0] = (double)ent_events_read(ev);
    REAL(n)[1] = (double)ent_events_aggregated(ev);
    REAL(n)[2] = (double)ent_events_filtered(ev);
    REAL(n)[3] = (double)ent_events_rejected(ev);
    REAL(n)[4] = (double)ent_events_ngroups(ev);
    SET_VECTOR_ELT(out, 1, n);
    UNPROTECT(2);
    return out;
}

/* C_events runs ent_events_run over files with the options optnames =
 * optvalues (character vectors, `entente events` long option names), the
 * registry from db (a handle) or, db NULL, from data */
SEXP C_events(SEXP files, SEXP data, SEXP db, SEXP optnames, SEXP optvalues, SEXP acct)
{
    char msg[1024];
    handle *h = Rf_isNull(db) ? NULL : get(db); /* before anything to free: get may longjmp */
    ent_ctx *ctx = ent_ctx_new();
    ent_events_opts *o = ent_events_opts_new();
    ent_registry *own = NULL;
    const ent_registry *reg = NULL;
    ent_events *ev = NULL;
    SEXP out = R_NilValue;
    R_xlen_t nf = Rf_isString(files) ? XLENGTH(files) : 0;
    const char **fv = nf ? (const char **)R_alloc((size_t)nf, sizeof *fv) : NULL;
    for (R_xlen_t i = 0; i < nf; i++)
        fv[i] = STRING_ELT(files, i) == NA_STRING ? "NA" : CHAR(STRING_ELT(files, i));
    if (!ctx || !o) {
        out = error_value("entente: out of memory");
        goto done;
    }
    for (R_xlen_t i = 0; i < XLENGTH(optnames); i++) {
        const char *k = CHAR(STRING_ELT(optnames, i));
        if (ent_events_opts_set(ctx, o, k, CHAR(STRING_ELT(optvalues, i))) != ENT_OK) {
            snprintf(msg, sizeof msg, "events: %s: %s", k, ent_errmsg(ctx));
            out = error_value(msg);
            goto done;
        }
    }
    if (ent_events_opts_check(ctx, o) != ENT_OK) {
        out = error_value(ent_errmsg(ctx));
        goto done;
    }
    if (h) {
        if (ent_db_registry(h->db, &reg) != ENT_OK) {
            out = error_value(ent_errmsg(h->ctx));
            goto done;
        }
    } else if (ent_registry_load(ctx, opt_str(data), &own) != ENT_OK) {
        out = error_value(ent_errmsg(ctx));
        goto done;
    } else {
        reg = own;
    }
    if (ent_events_run(ctx, reg, opt_str(data), fv, (size_t)nf, o, &ev) != ENT_OK)
        out = error_value(ent_errmsg(ctx));
    else
        out = events_out(ctx, ev, reg, opt_str(acct));
done:
    PROTECT(out);
    ent_events_free(ev);
    ent_registry_free(own);
    ent_events_opts_free(o);
    ent_ctx_free(ctx);
    UNPROTECT(1);
    return out;
}

static const R_CallMethodDef calls[] = {
    {"C_states", (DL_FUNC)&C_states, 3},
    {"C_sources", (DL_FUNC)&C_sources, 2},
    {"C_meetings_by_year", (DL_FUNC)&C_meetings_by_year, 5},
    {"C_agreement", (DL_FUNC)&C_agreement, 4},
    {"C_agreement_with", (DL_FUNC)&C_agreement_with, 5},
    {"C_similarity", (DL_FUNC)&C_similarity, 6},
    {"C_idealpoints", (DL_FUNC)&C_idealpoints, 2},
    {"C_report", (DL_FUNC)&C_report, 3},
    {"C_fetch_check", (DL_FUNC)&C_fetch_check, 3},
    {"C_fetch", (DL_FUNC)&C_fetch, 1},
    {"C_events", (DL_FUNC)&C_events, 6},
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
