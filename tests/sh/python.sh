#!/bin/sh
# python.sh -- the Python module (bindings/python) on the fixture panel:
# value for value the CLI's CSV, typed columns, errors, no memory growth
# over 1,000 calls; then `pip install` of the package into a venv.
# Debian's python3 and pandas (scripts/deps.sh).
PY=${PYTHON:-/usr/bin/python3}
case "$B" in *san*) echo "not under sanitizers (ctypes loads the plain library)"; exit 77 ;; esac
"$PY" -c 'import pandas' 2>/dev/null || { echo "no pandas for $PY"; exit 77; }
set -e
W="$TMPD/python"; rm -rf "$W"; mkdir -p "$W"
. "$ROOT/tests/sh/bindings.inc"
export ENTENTE_LIB="$ROOT/$B/libentente.so"
"$PY" -m unittest discover -v -s "$ROOT/bindings/python/tests" 2>&1 | tee "$W/ut.out"
grep -q '^OK' "$W/ut.out"
# installable with pip (no network: the venv sees Debian's setuptools and pandas)
"$PY" -m venv --system-site-packages "$W/venv" >/dev/null 2>&1 || { echo "no venv module"; exit 0; }
cp -r "$ROOT/bindings/python" "$W/src"
"$W/venv/bin/pip" install -q --no-build-isolation --no-deps "$W/src" 2>&1 | tail -3
(cd "$W" && "$W/venv/bin/python" -c 'import entente, sys; df = entente.codebook("military"); sys.exit(0 if len(df) > 5 else 1)')
echo "pip install: ok"
