"""entente -- how consequential is the relationship between two states?

A Python interface to libentente.  Every function returns a pandas
DataFrame with typed columns (Int64, float64, string) and missing values as
<NA>/NaN, never 0; the notes that go with the rows (the verdict, the
robustness line, missing indicators, coverage warnings) are in df.attrs.
Errors raise entente.Error with the library's message.

    import entente
    entente.open("entente.db")
    df = entente.compare("CHN-RUS", with_="allies:USA@2018", from_=2014, to=2023)
    print(df.attrs["verdict"])
"""
import ctypes
import os

import pandas as pd

from . import _lib
from ._lib import lib

__all__ = ["Error", "Warehouse", "open", "build", "codebook", "compare", "rank", "trend",
           "dyad", "panel", "agree", "meetings", "cite"]
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


def agree(a, b, from_=None, to=None, db=None):
    """agree("CHN", "RUS", 2010, 2020): UN General Assembly vote agreement per
    year: a, b, year, n, agree, s, pi, kappa (quadratic weights), partial.
    attrs["coverage"] says where the votes begin or end inside the range."""
    return _wh(db)._query(lib.ent_agree, _s(a), _s(b), from_ or 0, to or 0)


def meetings(leader, from_=None, to=None, partners=True, db=None):
    """meetings("Xi Jinping", "2013-01-01", "2018-12-31"): the heads of state or
    government the leader met, ranked by in-person episodes (partners=True), or
    the leader's meeting records (partners=False).  Dates "YYYY-MM-DD" or None."""
    return _wh(db)._query(lib.ent_meetings, _s(leader), _s(from_), _s(to), int(partners))


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
