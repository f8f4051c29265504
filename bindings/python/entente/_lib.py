"""_lib.py -- loading libentente.so and declaring the C functions (ctypes).

The library is found, in order, at $ENTENTE_LIB, beside the source tree's
build (../../../build/libentente.so, for use in place), or where the dynamic
linker finds it (after `make install`).
"""
import ctypes
import ctypes.util
import os

c_char_p, c_int, c_size_t, c_long = ctypes.c_char_p, ctypes.c_int, ctypes.c_size_t, ctypes.c_long
c_double, c_int64, c_void_p = ctypes.c_double, ctypes.c_int64, ctypes.c_void_p
ENT_NA = -(2 ** 63)


class IndexOpts(ctypes.Structure):
    """struct ent_index_opts (entente/index.h)"""
    _fields_ = [("subject", c_char_p), ("group", c_char_p), ("state", c_char_p),
                ("dimension", c_char_p), ("year", c_int), ("from_", c_int), ("to", c_int),
                ("top", c_int), ("complete", c_int), ("draws", c_int),
                ("seed", ctypes.c_ulonglong), ("config", c_char_p), ("normalize", c_char_p),
                ("progress", c_void_p), ("progress_ud", c_void_p)]


class BuildOpts(ctypes.Structure):
    """struct ent_build_opts (entente.h)"""
    _fields_ = [("datadir", c_char_p), ("only", c_char_p), ("force", c_int),
                ("accept_shrink", c_int)]


class AgreeQuery(ctypes.Structure):
    """struct ent_agree_query (entente/agree.h)"""
    _fields_ = [("from_", c_int), ("to", c_int), ("measures", c_char_p), ("weights", c_char_p),
                ("issue", c_char_p), ("important", c_int), ("calendar", c_int)]


class SimilarityInput(ctypes.Structure):
    """struct ent_similarity_input (entente/agree.h)"""
    _fields_ = [("path", c_char_p), ("weight_column", c_char_p),
                ("x", ctypes.POINTER(c_double)), ("y", ctypes.POINTER(c_double)),
                ("w", ctypes.POINTER(c_double)), ("n", c_size_t), ("lo", c_int), ("hi", c_int)]


class IdealOpts(ctypes.Structure):
    """struct ent_idealpoints_opts (entente/ideal.h)"""
    _fields_ = [("from_", c_int), ("to", c_int), ("issues", c_char_p), ("important", c_int),
                ("bootstrap", c_int), ("seed", ctypes.c_ulonglong), ("store", c_int),
                ("omega2", c_double), ("tol", c_double), ("prior_item", c_double),
                ("prior_x", c_double), ("max_step", c_double), ("threads", c_int)]


class FetchOpts(ctypes.Structure):
    """struct ent_fetch_opts (entente/fetch.h)"""
    _fields_ = [("datadir", c_char_p), ("manifest", c_char_p), ("only", c_char_p),
                ("mirror", c_char_p), ("jobs", c_int), ("retries", c_int), ("backoff", c_double),
                ("connect_timeout", c_long), ("stall_timeout", c_long), ("max_redirs", c_long),
                ("progress_bar", c_int), ("progress", c_void_p)]


class FetchResult(ctypes.Structure):
    """struct ent_fetch_result (entente/fetch.h)"""
    _fields_ = [("fetched", c_size_t), ("present", c_size_t), ("failed", c_size_t),
                ("bytes", c_int64), ("seconds", c_double)]


class ReportOpts(ctypes.Structure):
    """struct ent_report_opts (entente/report.h)"""
    _fields_ = [("subject", c_char_p), ("group", c_char_p), ("from_", c_int), ("to", c_int),
                ("year", c_int), ("draws", c_int), ("seed", ctypes.c_ulonglong),
                ("config", c_char_p), ("normalize", c_char_p), ("svgdir", c_char_p),
                ("dbname", c_char_p)]


def _candidates():
    env = os.environ.get("ENTENTE_LIB")
    if env:
        yield env
    here = os.path.dirname(os.path.abspath(__file__))
    for b in (os.environ.get("B", "build"), "build"):
        yield os.path.normpath(os.path.join(here, "..", "..", "..", b, "libentente.so"))
    found = ctypes.util.find_library("entente")
    if found:
        yield found


def _load():
    errors = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            errors.append(f"{path}: {e}")
    raise ImportError("entente: libentente.so not found (set ENTENTE_LIB, or build the tree, "
                      "or `make install`): " + "; ".join(errors))


lib = _load()

_protos = {
    # context and errors
    "ent_ctx_new": (c_void_p, []),
    "ent_ctx_free": (None, [c_void_p]),
    "ent_errmsg": (c_char_p, [c_void_p]),
    "ent_strerror": (c_char_p, [c_int]),
    # warehouse
    "ent_db_open": (c_int, [c_void_p, c_char_p, c_int, ctypes.POINTER(c_void_p)]),
    "ent_db_close": (None, [c_void_p]),
    # results
    "ent_result_free": (None, [c_void_p]),
    "ent_result_ncols": (c_size_t, [c_void_p]),
    "ent_result_nrows": (c_size_t, [c_void_p]),
    "ent_result_colname": (c_char_p, [c_void_p, c_size_t]),
    "ent_result_coltype": (c_int, [c_void_p, c_size_t]),
    "ent_result_text": (c_char_p, [c_void_p, c_size_t, c_size_t]),
    "ent_result_reals": (c_int, [c_void_p, c_size_t, ctypes.POINTER(c_double)]),
    "ent_result_ints": (c_int, [c_void_p, c_size_t, ctypes.POINTER(c_int64)]),
    "ent_result_nnotes": (c_size_t, [c_void_p]),
    "ent_result_note_kind": (c_char_p, [c_void_p, c_size_t]),
    "ent_result_note_text": (c_char_p, [c_void_p, c_size_t]),
    # queries
    "ent_codebook": (c_int, [c_void_p, c_char_p, ctypes.POINTER(c_void_p)]),
    "ent_compare": (c_int, [c_void_p, ctypes.POINTER(IndexOpts), ctypes.POINTER(c_void_p)]),
    "ent_rank": (c_int, [c_void_p, ctypes.POINTER(IndexOpts), ctypes.POINTER(c_void_p)]),
    "ent_trend": (c_int, [c_void_p, ctypes.POINTER(IndexOpts), ctypes.POINTER(c_void_p)]),
    "ent_dyad": (c_int, [c_void_p, c_char_p, c_char_p, c_int, c_int, c_int,
                         ctypes.POINTER(c_void_p)]),
    "ent_panel": (c_int, [c_void_p, c_int, c_int, c_char_p, c_int, ctypes.POINTER(c_void_p)]),
    "ent_agree": (c_int, [c_void_p, c_char_p, c_char_p, c_int, c_int, ctypes.POINTER(c_void_p)]),
    "ent_meetings": (c_int, [c_void_p, c_char_p, c_char_p, c_char_p, c_int,
                             ctypes.POINTER(c_void_p)]),
    "ent_cite": (c_int, [c_void_p, ctypes.POINTER(c_void_p)]),
    "ent_agreement": (c_int, [c_void_p, c_char_p, c_char_p, ctypes.POINTER(AgreeQuery),
                              ctypes.POINTER(c_void_p)]),
    "ent_agreement_with": (c_int, [c_void_p, c_char_p, c_int, c_int, ctypes.POINTER(AgreeQuery),
                                   ctypes.POINTER(c_void_p)]),
    "ent_similarity": (c_int, [c_void_p, ctypes.POINTER(SimilarityInput),
                               ctypes.POINTER(c_void_p)]),
    "ent_states": (c_int, [c_void_p, ctypes.POINTER(c_char_p), c_size_t, c_int,
                           ctypes.POINTER(c_void_p)]),
    "ent_loaded_sources": (c_int, [c_void_p, c_int, ctypes.POINTER(c_void_p)]),
    "ent_meetings_by_year": (c_int, [c_void_p, c_char_p, c_char_p, c_int, c_int,
                                     ctypes.POINTER(c_void_p)]),
    "ent_idealpoints": (c_int, [c_void_p, ctypes.POINTER(IdealOpts), ctypes.POINTER(c_void_p)]),
    "ent_report": (c_int, [c_void_p, ctypes.POINTER(ReportOpts), c_char_p,
                           ctypes.POINTER(c_void_p)]),
    # data folders
    "ent_fetch": (c_int, [c_void_p, ctypes.POINTER(FetchOpts), ctypes.POINTER(FetchResult)]),
    "ent_fetch_check": (c_int, [c_void_p, c_char_p, c_char_p, c_char_p,
                                ctypes.POINTER(c_void_p)]),
    # events
    "ent_db_registry": (c_int, [c_void_p, ctypes.POINTER(c_void_p)]),
    "ent_registry_load": (c_int, [c_void_p, c_char_p, ctypes.POINTER(c_void_p)]),
    "ent_registry_free": (None, [c_void_p]),
    "ent_events_opts_new": (c_void_p, []),
    "ent_events_opts_free": (None, [c_void_p]),
    "ent_events_opts_set": (c_int, [c_void_p, c_void_p, c_char_p, c_char_p]),
    "ent_events_opts_check": (c_int, [c_void_p, c_void_p]),
    "ent_events_run": (c_int, [c_void_p, c_void_p, c_char_p, ctypes.POINTER(c_char_p), c_size_t,
                               c_void_p, ctypes.POINTER(c_void_p)]),
    "ent_events_free": (None, [c_void_p]),
    "ent_events_error": (c_char_p, [c_void_p]),
    "ent_events_read": (ctypes.c_uint64, [c_void_p]),
    "ent_events_aggregated": (ctypes.c_uint64, [c_void_p]),
    "ent_events_filtered": (ctypes.c_uint64, [c_void_p]),
    "ent_events_rejected": (ctypes.c_uint64, [c_void_p]),
    "ent_events_ngroups": (c_size_t, [c_void_p]),
    "ent_events_report": (None, [c_void_p, c_void_p]),
    "ent_events_write": (c_int, [c_void_p, c_void_p, c_void_p, c_char_p, c_char_p]),
    "ent_events_groups": (c_int, [c_void_p, c_void_p, c_void_p, ctypes.POINTER(c_void_p)]),
    # building
    "ent_build": (c_int, [c_void_p, ctypes.POINTER(BuildOpts)]),
}


def declare(name, restype, argtypes):
    """declare sets the prototype of one C function; None when the library lacks it."""
    fn = getattr(lib, name, None)
    if fn is not None:
        fn.restype, fn.argtypes = restype, argtypes
    return fn


for _n, (_r, _a) in _protos.items():
    declare(_n, _r, _a)

# the C library's stdio, for the calls that write to a FILE * (ent_events_report)
libc = ctypes.CDLL(None)
libc.fopen.restype, libc.fopen.argtypes = c_void_p, [c_char_p, c_char_p]
libc.fclose.restype, libc.fclose.argtypes = c_int, [c_void_p]
