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
