"""entente -- how consequential is the relationship between two states?

A Python interface to libentente. Every query returns a pandas DataFrame
(fetch() a dict of counts, resolve() an int) with typed columns (Int64,
float64, string) and missing values as <NA>/NaN, never 0; the notes that go
with the rows (the verdict, the robustness line, missing indicators,
coverage warnings) are in df.attrs.
Errors raise entente.Error with the library's message.

    import entente
    entente.open("entente.db")
    df = entente.compare("CHN-RUS", with_="allies:USA@2018", from_=2014, to=2023)
    print(df.attrs["verdict"])
"""
import builtins
import ctypes
import os
import tempfile

import pandas as pd

from . import _lib
from ._lib import lib

__all__ = ["Error", "Warehouse", "open", "build", "codebook", "compare", "rank", "trend",
           "dyad", "panel", "agree", "agree_with", "meetings", "meetings_by_year", "cite",
           "states", "resolve", "sources", "similarity", "idealpoints", "events", "fetch",
           "fetch_check", "report"]
__version__ = "0.1.0"

INT, REAL, TEXT = 1, 2, 3


class Error(Exception):
    """An error reported by libentente; str(e) is its message."""


class _Ctx:
    """One library context; its error message goes into Error."""

    def __init__(self):
        self.ptr = lib.ent_ctx_new()
        if not self.ptr:
            raise MemoryError("entente: no memory for a context")

    def check(self, status):
        if status != 0:
            msg = lib.ent_errmsg(self.ptr) or lib.ent_strerror(status) or b"error"
            raise Error(msg.decode("utf-8", "replace"))

    def close(self):
        if self.ptr:
            lib.ent_ctx_free(self.ptr)
            self.ptr = None

    def __del__(self):
        self.close()


def _frame(ctx, res):
    """_frame turns an ent_result into a DataFrame and frees it."""
    try:
        nc, nr = lib.ent_result_ncols(res), lib.ent_result_nrows(res)
        data = {}
        for j in range(nc):
            name = lib.ent_result_colname(res, j).decode()
            t = lib.ent_result_coltype(res, j)
            if t == INT:
                buf = (ctypes.c_int64 * max(nr, 1))()
                ctx.check(lib.ent_result_ints(res, j, buf))
                vals = [None if v == _lib.ENT_NA else v for v in buf[:nr]]
                data[name] = pd.array(vals, dtype="Int64")
            elif t == REAL:
                buf = (ctypes.c_double * max(nr, 1))()
                ctx.check(lib.ent_result_reals(res, j, buf))
                data[name] = pd.array(list(buf[:nr]), dtype="float64")
            else:
                vals = []
                for i in range(nr):
                    s = lib.ent_result_text(res, i, j)
                    vals.append(None if s is None else s.decode("utf-8", "replace"))
                data[name] = pd.array(vals, dtype="string")
        df = pd.DataFrame(data)
        notes = []
        for k in range(lib.ent_result_nnotes(res)):
            kind = lib.ent_result_note_kind(res, k).decode()
            text = lib.ent_result_note_text(res, k).decode("utf-8", "replace")
            notes.append((kind, text))
            # several notes of a kind (one verdict per year) become a list
            if kind in df.attrs:
                prev = df.attrs[kind]
                df.attrs[kind] = (prev if isinstance(prev, list) else [prev]) + [text]
            else:
                df.attrs[kind] = text
        df.attrs["notes"] = notes
        return df
    finally:
        lib.ent_result_free(res)


class Warehouse:
    """An open entente warehouse (made by `entente build` or build())."""

    def __init__(self, path=None, create=False):
        self.path = path or os.environ.get("ENTENTE_DB") or "entente.db"
        self._ctx = _Ctx()
        db = ctypes.c_void_p()
        self._ctx.check(lib.ent_db_open(self._ctx.ptr, self.path.encode(), int(create),
                                        ctypes.byref(db)))
        self._db = db

    def close(self):
        if getattr(self, "_db", None):
            lib.ent_db_close(self._db)
            self._db = None
        if getattr(self, "_ctx", None):
            self._ctx.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()

    def __repr__(self):
        return f"<entente.Warehouse {self.path!r}>"

    def _query(self, fn, *args):
        res = ctypes.c_void_p()
        self._ctx.check(fn(self._db, *args, ctypes.byref(res)))
        return _frame(self._ctx, res)


_default = None


def open(db=None):
    """open(db) opens a warehouse and makes it the default of the functions below."""
    global _default
    if _default is not None:
        _default.close()
    _default = Warehouse(db)
    return _default


def _wh(db):
    if isinstance(db, Warehouse):
        return db
    if db is not None:
        return Warehouse(db)
    return _default if _default is not None else open()


def _s(x):
    return None if x is None else str(x).encode()


def codebook(dimension=None):
    """codebook() lists every panel indicator: dimension, unit, directedness,
    source, coverage, what an absent row means, definition."""
    ctx = _Ctx()
    try:
        res = ctypes.c_void_p()
        ctx.check(lib.ent_codebook(ctx.ptr, _s(dimension), ctypes.byref(res)))
        return _frame(ctx, res)
    finally:
        ctx.close()


def _index_opts(**kw):
    o = _lib.IndexOpts()
    o.seed = 1
    for k, v in kw.items():
        if v is None:
            continue
        if isinstance(v, bool):
            v = int(v)
        setattr(o, k, _s(v) if isinstance(v, str) else v)
    return o


def compare(pair, with_, year=None, from_=None, to=None, draws=0, seed=1, config=None,
            normalize=None, db=None):
    """compare("CHN-RUS", with_="allies:USA@2018", from_=2014, to=2023) scores the pair
    and every dyad of the group, per year.  attrs: verdict, robustness, missing,
    dims, carried, coverage (a list when there is one per year), notes."""
    o = _index_opts(subject=pair, group=with_, year=year or 0, from_=from_ or 0, to=to or 0,
                    draws=draws, seed=seed, config=config, normalize=normalize)
    w = _wh(db)
    return w._query(lib.ent_compare, ctypes.byref(o))


def rank(year=None, state=None, dimension=None, top=20, complete=False, config=None,
         normalize=None, db=None):
    """rank(2014, state="RUS") lists the best dyads of a year with world ranks."""
    o = _index_opts(year=year or 0, state=state, dimension=dimension, top=top,
                    complete=complete, config=config, normalize=normalize)
    return _wh(db)._query(lib.ent_rank, ctypes.byref(o))


def trend(pair, from_, to, config=None, normalize=None, db=None):
    """trend("CHN-RUS", 2003, 2016): the pair's scores and world ranks year by year."""
    o = _index_opts(subject=pair, from_=from_, to=to, config=config, normalize=normalize)
    return _wh(db)._query(lib.ent_trend, ctypes.byref(o))


def dyad(a, b, year=None, from_=None, to=None, db=None):
    """dyad("CHN", "RUS", 2014): every panel indicator of the pair, long: a, b,
    year, dimension, indicator, value (float, NaN when missing), text (the value
    of a text indicator such as meet_coverage), source.  Directed indicators read
    from a's side.  No year and no range: the latest year in which the dyad has
    at least half the indicators of its best year (attrs["year"] says which)."""
    return _wh(db)._query(lib.ent_dyad, _s(a), _s(b), year or 0, from_ or 0, to or 0)


def panel(from_, to, indicators=None, directed=False, db=None):
    """panel(2010, 2014, indicators=["atop_defense", "trade_total"]): the dyad-year
    panel, wide: ccode1, ccode2, abb1, abb2, year, one column per indicator;
    directed=True gives each pair twice with the directed columns swapped."""
    if indicators is not None and not isinstance(indicators, str):
        indicators = ",".join(indicators)
    return _wh(db)._query(lib.ent_panel, from_ or 0, to or 0, _s(indicators), int(directed))


def _agree_query(from_=None, to=None, measures=None, weights=None, issue=None,
                 important=False, calendar=False):
    if measures is not None and not isinstance(measures, str):
        measures = ",".join(measures)
    return _lib.AgreeQuery(from_=from_ or 0, to=to or 0, measures=_s(measures),
                           weights=_s(weights), issue=_s(issue), important=int(important),
                           calendar=int(calendar))


def agree(a, b, from_=None, to=None, measures=None, weights=None, issue=None, important=False,
          calendar=False, db=None):
    """agree("CHN", "RUS", 2010, 2020): UN General Assembly vote agreement per
    year, as `entente agree A B`: a, b, year, n, then one column per measure
    (agree, s, pi, kappa by default; measures="s,kappa" or a list picks them),
    partial.  weights: pi and kappa weights, "nominal", "linear" or None
    (quadratic); issue: only roll calls on me, nu, di, hr, co or ec;
    important=True: the US State Department's important votes; calendar=True:
    the year of a vote's date, not session + 1945.  No range: only the years in
    which the two form a dyad.  attrs["coverage"] says where the votes begin or
    end inside the range and which year is partial; attrs["info"] the weights."""
    q = _agree_query(from_, to, measures, weights, issue, important, calendar)
    return _wh(db)._query(lib.ent_agreement, _s(a), _s(b), ctypes.byref(q))


def agree_with(a, year, top=0, measures=None, weights=None, issue=None, important=False,
               calendar=False, db=None):
    """agree_with("CHN", 2020, top=10): the states that voted most like a in
    year, best first by the first measure (then n, then COW code), as `entente
    agree --with A --year Y`; the columns and options of agree().  top=0: all."""
    q = _agree_query(None, None, measures, weights, issue, important, calendar)
    return _wh(db)._query(lib.ent_agreement_with, _s(a), int(year), int(top), ctypes.byref(q))


def meetings(leader, from_=None, to=None, partners=True, db=None):
    """meetings("Xi Jinping", "2013-01-01", "2018-12-31"): the heads of state or
    government the leader met, ranked by in-person episodes (partners=True), or
    the leader's meeting records (partners=False).  Dates "YYYY-MM-DD" or None."""
    return _wh(db)._query(lib.ent_meetings, _s(leader), _s(from_), _s(to), int(partners))


def meetings_by_year(a, b, from_=None, to=None, db=None):
    """meetings_by_year("CHN", "RUS", 2009, 2018): the leader-level meetings of a
    and b per year, as `entente meetings A B --by year`: state_a, state_b, year,
    meet_episodes, meet_days, meet_calls (<NA> where no source covers the
    dyad-year, never 0), meet_coverage.  attrs["coverage"] when the range runs
    outside the years the records cover the dyad."""
    return _wh(db)._query(lib.ent_meetings_by_year, _s(a), _s(b), from_ or 0, to or 0)


def cite(db=None):
    """cite(): what to cite for each data folder the warehouse was built from:
    source, folder, release, licence, citation."""
    return _wh(db)._query(lib.ent_cite)


def build(data, db, only=None, force=False):
    """build("../shared/data", "entente.db") loads every known source under data
    into the warehouse db (made when absent), in one transaction, and returns the
    open Warehouse, made the default."""
    global _default
    w = Warehouse(db, create=True)
    o = _lib.BuildOpts(datadir=_s(data), only=_s(only), force=int(force), accept_shrink=0)
    w._ctx.check(lib.ent_build(w._db, ctypes.byref(o)))
    if _default is not None:
        _default.close()
    _default = w
    return w


def states(names=None, year=None, db=None):
    """states(["RUS", "Russia", 365], year=2014) resolves names (any name the
    registry knows: COW abbreviation or number, ISO3, ISO2, name) as `entente
    states NAME...`: input, ccode, abb, name, member ("yes"/"no" in year, <NA>
    without a year), one row per name in order.  states() lists every state
    ever in the system, states(year=2014) the members of 2014.  An unknown or
    ambiguous name raises Error naming the candidates."""
    if names is None:
        names = []
    elif isinstance(names, (str, int)):
        names = [names]
    arr = (ctypes.c_char_p * max(len(names), 1))(*[_s(n) for n in names])
    return _wh(db)._query(lib.ent_states, arr, len(names), year or 0)


def resolve(name, year=None, db=None):
    """resolve("Russia") is the COW code (365) of a state named any way the
    registry knows; year resolves names such as Germany for that year."""
    return int(states([name], year=year, db=db)["ccode"].iloc[0])


def sources(rejects=False, db=None):
    """sources(): what the warehouse holds, one row per loaded source in build
    order, as `entente sources`: source, read, loaded, rejected, years (found),
    stated (the codebook's coverage), coverage ("full" or "partial: why"),
    seconds, upstream (repositories and commits of the files read) and, with
    rejects=True, rejects (each reason, its count and first file:line)."""
    return _wh(db)._query(lib.ent_loaded_sources, int(rejects))


def _doubles(v, what):
    try:
        vals = [float(a) for a in v]
    except (TypeError, ValueError):
        raise Error(f"similarity: {what} is not a sequence of numbers") from None
    return (ctypes.c_double * max(len(vals), 1))(*vals), len(vals)


def similarity(x=None, y=None, levels=None, w=None, path=None, weight_column=None):
    """similarity([3, 3, 2, 2], [2, 2, 3, 3], levels=(0, 3), w=[.5, .3, .1, .1]):
    the agreement measures of two rated vectors, as `entente similarity`: one
    row per measure (measure, value) in the order s, s_weighted, s_squared,
    pi_nominal, pi_linear, pi_quadratic, kappa_nominal, kappa_linear,
    kappa_quadratic, taub; NaN where undefined (s_weighted without weights),
    never 0.  levels (lo, hi): the integer scale, at most 64 levels.  Instead of
    x and y, path names a CSV with columns x, y and an optional weight column
    (weight_column, or one named w or weight).  attrs["info"]: items and levels."""
    if levels is None or len(levels) != 2:
        raise Error("similarity: levels must be (lo, hi)")
    lo, hi = levels
    if int(lo) != lo or int(hi) != hi:
        raise Error("similarity: levels must be integers")
    inp = _lib.SimilarityInput(lo=int(lo), hi=int(hi))
    keep = []
    if path is not None:
        if x is not None or y is not None:
            raise Error("similarity: give x and y, or path, not both")
        inp.path, inp.weight_column = _s(path), _s(weight_column)
    else:
        if x is None or y is None:
            raise Error("similarity: give x and y (or path)")
        xs, n = _doubles(x, "x")
        ys, ny = _doubles(y, "y")
        if ny != n:
            raise Error("similarity: x and y must have the same number of items")
        inp.x, inp.y, inp.n = xs, ys, n
        keep += [xs, ys]
        if w is not None:
            ws, nw = _doubles(w, "w")
            if nw != n:
                raise Error("similarity: w must have as many items as x")
            inp.w = ws
            keep.append(ws)
    ctx = _Ctx()
    try:
        res = ctypes.c_void_p()
        ctx.check(lib.ent_similarity(ctx.ptr, ctypes.byref(inp), ctypes.byref(res)))
        return _frame(ctx, res)
    finally:
        ctx.close()


def idealpoints(from_=None, to=None, issues=None, important=False, bootstrap=0, seed=1,
                store=False, omega2=None, tol=None, prior_item=None, prior_x=None,
                max_step=None, threads=None, db=None):
    """idealpoints(2000, 2020, bootstrap=100, seed=3): entente's own ideal points
    from the UN votes, as `entente idealpoints`: state, ccode, year, estimate
    (the USA positive), se, lo, hi (bootstrap standard error and 2.5%/97.5%
    quantiles; NaN without a bootstrap), nvotes, partial.  issues: a comma list
    or list of issue codes (me, nu, di, hr, co, ec); important=True: important
    votes only; store=True replaces the warehouse's ideal_estimates (the panel's
    ideal_distance_own).  omega2, tol, prior_item, prior_x, max_step, threads:
    the model's settings (None: the defaults, docs/measures.md).  attrs: data,
    convergence, bootstrap or info, identification, coverage, store."""
    if issues is not None and not isinstance(issues, str):
        issues = ",".join(issues)
    o = _lib.IdealOpts(from_=from_ or 0, to=to or 0, issues=_s(issues), important=int(important),
                       bootstrap=int(bootstrap or 0), seed=int(seed), store=int(store),
                       omega2=omega2 or 0, tol=tol or 0, prior_item=prior_item or 0,
                       prior_x=prior_x or 0, max_step=max_step or 0, threads=threads or 0)
    return _wh(db)._query(lib.ent_idealpoints, ctypes.byref(o))


def report(pair, with_, path, from_=None, to=None, year=None, draws=0, seed=1, config=None,
           normalize=None, svgdir=None, db=None):
    """report("CHN-RUS", "allies:USA", "report.html", from_=2009, to=2023) writes
    the comparison as one self-contained HTML page (and, with svgdir, each chart
    as an SVG there), as `entente report`; files are replaced whole or not at
    all.  Returns one row: subject, group, from, to, year (the comparison year),
    charts, path, svgdir.  draws=0: 1000 robustness draws."""
    w = _wh(db)
    o = _lib.ReportOpts(subject=_s(pair), group=_s(with_), from_=from_ or 0, to=to or 0,
                        year=year or 0, draws=int(draws), seed=int(seed), config=_s(config),
                        normalize=_s(normalize), svgdir=_s(svgdir), dbname=_s(w.path))
    return w._query(lib.ent_report, ctypes.byref(o), _s(path))


def fetch(data, only=None, manifest=None, mirror=None, jobs=0, retries=-1, backoff=0.0,
          connect_timeout=0, stall_timeout=0, max_redirs=0):
    """fetch("../shared/data", only="cow_states") downloads the pinned upstream
    files the data folder lacks or holds changed (size and sha256 from the
    manifest built into the library), as `entente fetch`; a failed download
    never replaces a file.  Returns a dict: fetched, present, failed, bytes,
    seconds.  Any file that could not be had raises Error (the first's URL)."""
    o = _lib.FetchOpts(datadir=_s(data), manifest=_s(manifest), only=_s(only), mirror=_s(mirror),
                       jobs=int(jobs), retries=int(retries), backoff=float(backoff),
                       connect_timeout=int(connect_timeout), stall_timeout=int(stall_timeout),
                       max_redirs=int(max_redirs))
    r = _lib.FetchResult()
    ctx = _Ctx()
    try:
        ctx.check(lib.ent_fetch(ctx.ptr, ctypes.byref(o), ctypes.byref(r)))
    finally:
        ctx.close()
    return {"fetched": r.fetched, "present": r.present, "failed": r.failed, "bytes": r.bytes,
            "seconds": r.seconds}


def fetch_check(data, only=None, manifest=None):
    """fetch_check("../shared/data") checks the data folder against the pinned
    manifest without the network, as `entente fetch --check`: one row per file,
    path, state (ok, missing, covered, changed, extra, absent), why.
    attrs["verdict"] is "complete" or "incomplete", attrs["summary"] the counts."""
    ctx = _Ctx()
    try:
        res = ctypes.c_void_p()
        ctx.check(lib.ent_fetch_check(ctx.ptr, _s(data), _s(manifest), _s(only),
                                      ctypes.byref(res)))
        return _frame(ctx, res)
    finally:
        ctx.close()


_EVENT_OPTS = ("input_format", "by", "key", "from_", "to", "countries", "threads", "split_bytes",
               "max_groups", "dedupe", "lenient")


def _read_text(path):
    with builtins.open(path, encoding="utf-8") as f:  # open() is this module's
        return f.read()


def events(files, data=None, db=None, **options):
    """events(["20160101.export.CSV"], by="month", key="root") aggregates GDELT
    1.0/2.0 or ICEWS event files per (actor1 state, actor2 state, period, key),
    as `entente events`: actor1, actor2 (COW abbreviations), period, key (text,
    as "04"), events, goldstein_sum, goldstein_mean (NaN over no present
    value), mentions, sources, articles (<NA> for ICEWS).  data: the data folder
    with cameo_codebook/ (default $ENTENTE_DATA or ../shared/data); the state
    registry comes from db (a warehouse) when given, else from data.  Options,
    as the CLI's long options: input_format (gdelt1, gdelt2, gdelt1-csv, icews,
    auto), by (day, month, year), key (quad, root, code), from_, to (YYYY,
    YYYY-MM or YYYY-MM-DD), countries (comma list or list of states), threads,
    split_bytes, max_groups, dedupe, lenient.  attrs: read, aggregated,
    filtered, rejected, groups, and accounting (the CLI's row accounting text).
    A malformed row (without lenient) raises Error with its file:line."""
    if isinstance(files, (str, bytes, os.PathLike)):
        files = [files]
    files = [os.fspath(f) for f in files]
    data = data or os.environ.get("ENTENTE_DATA") or "../shared/data"
    ctx = _Ctx()
    o = lib.ent_events_opts_new()
    if not o:
        raise MemoryError("entente: no memory for events options")
    own_reg = ctypes.c_void_p()
    ev = ctypes.c_void_p()
    w = None
    try:
        for k, v in options.items():
            if k not in _EVENT_OPTS:
                raise TypeError(f"events() got an unexpected keyword argument {k!r}")
            if v is None:
                continue
            if isinstance(v, bool):
                v = int(v)
            elif k == "countries" and not isinstance(v, str):
                v = ",".join(str(c) for c in v)
            name = "from" if k == "from_" else k.replace("_", "-")
            if lib.ent_events_opts_set(ctx.ptr, o, name.encode(), str(v).encode()) != 0:
                raise Error(f"events: {k}: " + lib.ent_errmsg(ctx.ptr).decode("utf-8", "replace"))
        ctx.check(lib.ent_events_opts_check(ctx.ptr, o))
        if db is not None:
            w = _wh(db)
            reg = ctypes.c_void_p()
            w._ctx.check(lib.ent_db_registry(w._db, ctypes.byref(reg)))
        else:
            ctx.check(lib.ent_registry_load(ctx.ptr, _s(data), ctypes.byref(own_reg)))
            reg = own_reg
        arr = (ctypes.c_char_p * max(len(files), 1))(*[f.encode() for f in files])
        st = lib.ent_events_run(ctx.ptr, reg, _s(data), arr, len(files), o, ctypes.byref(ev))
        ctx.check(st)
        res = ctypes.c_void_p()
        ctx.check(lib.ent_events_groups(ctx.ptr, ev, reg, ctypes.byref(res)))
        df = _frame(ctx, res)
        with tempfile.TemporaryDirectory() as d:
            acc = os.path.join(d, "accounting.txt")
            fp = _lib.libc.fopen(acc.encode(), b"w")
            if not fp:
                raise Error(f"events: cannot write {acc}")
            lib.ent_events_report(ev, fp)
            _lib.libc.fclose(fp)
            df.attrs["accounting"] = _read_text(acc)
        for k in ("read", "aggregated", "filtered", "rejected"):
            df.attrs[k] = int(getattr(lib, "ent_events_" + k)(ev))
        df.attrs["groups"] = int(lib.ent_events_ngroups(ev))
        return df
    finally:
        lib.ent_events_free(ev)
        lib.ent_registry_free(own_reg)
        lib.ent_events_opts_free(o)
        ctx.close()
        if w is not None and not isinstance(db, Warehouse):
            w.close()
