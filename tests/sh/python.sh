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
"$ENTENTE" build --quiet --only states --data "$FIX/states" --db "$W/w.db"
sqlite3 "$W/w.db" < "$FIX/index/panel.sql"
# the panel fixture with the UN votes of sessions 75-78 (dyad, panel, agree, cite),
# and the meetings fixture (meetings)
mkdir -p "$W/d"; cp -r "$FIX/panel/." "$FIX/srcdata/unga_votes_voeten" "$W/d/"
"$ENTENTE" build --quiet --data "$W/d" --db "$W/p.db"
"$ENTENTE" build --quiet --data "$FIX/meetings" --db "$W/m.db"
export ENTENTE_TEST_DB="$W/w.db" ENTENTE_TEST_CONF="$FIX/index/small.conf" ENTENTE
export ENTENTE_TEST_PANEL_DB="$W/p.db" ENTENTE_TEST_MEET_DB="$W/m.db" ENTENTE_TEST_DATA="$FIX/meetings"
export ENTENTE_LIB="$ROOT/$B/libentente.so"
"$PY" -m unittest discover -v -s "$ROOT/bindings/python/tests" 2>&1 | tee "$W/ut.out"
grep -q '^OK' "$W/ut.out"
# installable with pip (no network: the venv sees Debian's setuptools and pandas)
"$PY" -m venv --system-site-packages "$W/venv" >/dev/null 2>&1 || { echo "no venv module"; exit 0; }
cp -r "$ROOT/bindings/python" "$W/src"
"$W/venv/bin/pip" install -q --no-build-isolation --no-deps "$W/src" 2>&1 | tail -3
(cd "$W" && "$W/venv/bin/python" -c 'import entente, sys; df = entente.codebook("military"); sys.exit(0 if len(df) > 5 else 1)')
echo "pip install: ok"
