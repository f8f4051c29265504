#!/bin/sh
# fetch_build_equal.sh -- the big proof of the reader backends: a data folder
# fetched from a loopback mirror (publishers' originals: R .rda read through
# librdata, Stata .dta read through libreadstat) builds a warehouse whose every table equals, row for row, the one
# built from the prepared $DATA (a sha256 of each table's sorted rows).  Only
# the sources whose originals a backend reads are compared; the build must
# name each original it read, and skip (saying why) those it cannot read yet.
: "${ENTENTE:?}" "${ROOT:?}" "${DATA:?}"
UP="$DATA/../upstream"
[ -f "$DATA/UPSTREAM.tsv" ] && [ -d "$UP" ] || { echo "no $DATA/UPSTREAM.tsv or $UP"; exit 77; }
command -v sqlite3 >/dev/null || { echo "no sqlite3"; exit 77; }
W=$(mktemp -d)
SRV=""
trap '[ -n "$SRV" ] && kill "$SRV"; rm -rf "$W"' EXIT
ONLY=states,unvotes,archigos,icews_meetings,atop_alliance,cow_alliance,cow_trade,unsc_vetoes,cow_nmc,cow_contiguity,distance,cow_mid,rivalries,cow_igo,democracy_gdp,unga_ideal_points
awk -F'\t' -v D="$DATA" '$3 == "verbatim" { print $5 "\t" D "/" $1 }' "$ROOT/data/manifest.tsv" > "$W/map.tsv"
python3 "$ROOT/tests/fetch/server.py" --root "$UP" --map "$W/map.tsv" --portfile "$W/port" &
SRV=$!
i=0
while [ ! -s "$W/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
"$ENTENTE" fetch --quiet --data "$W/d" --mirror "http://127.0.0.1:$(cat "$W/port")/ok" || exit 1
kill "$SRV"; SRV=""
"$ENTENTE" build --data "$W/d" --db "$W/orig.db" --only "$ONLY" > "$W/orig.out" 2>&1 || { tail "$W/orig.out"; exit 1; }
"$ENTENTE" build --data "$DATA" --db "$W/prep.db" --only "$ONLY" > "$W/prep.out" 2>&1 || { tail "$W/prep.out"; exit 1; }
n=$(grep -c ": reading the original .*/upstream/.*\.\(rda\|dta\)$" "$W/orig.out")
[ "$n" -ge 20 ] || { echo "only $n originals read"; cat "$W/orig.out"; exit 1; }
if grep -q "reading the original" "$W/prep.out"; then echo "the prepared build read an original"; exit 1; fi
bad=0 k=0
for t in $(sqlite3 "$W/orig.db" "SELECT name FROM sqlite_master WHERE type='table' AND name <> 'sources' ORDER BY name"); do
    a=$(sqlite3 "$W/orig.db" "SELECT * FROM \"$t\"" | LC_ALL=C sort | sha256sum | cut -c1-16)
    b=$(sqlite3 "$W/prep.db" "SELECT * FROM \"$t\"" 2>/dev/null | LC_ALL=C sort | sha256sum | cut -c1-16)
    r=$(sqlite3 "$W/orig.db" "SELECT count(*) FROM \"$t\"")
    k=$((k + 1))
    if [ "$a" = "$b" ]; then echo "same     $t ($r rows, $a)"; else echo "DIFFERS  $t ($a vs $b)"; bad=$((bad + 1)); fi
done
# row accounting per source is the same too
a=$(sqlite3 "$W/orig.db" "SELECT name, rows_read, rows_loaded, rows_rejected, rejects FROM sources ORDER BY name" | sed 's/([^)]*:[0-9]*)//g' | sha256sum)
b=$(sqlite3 "$W/prep.db" "SELECT name, rows_read, rows_loaded, rows_rejected, rejects FROM sources ORDER BY name" | sed 's/([^)]*:[0-9]*)//g' | sha256sum)
[ "$a" = "$b" ] || { echo "row accounting differs"; bad=$((bad + 1)); sqlite3 "$W/orig.db" "SELECT name, rows_read, rows_loaded, rows_rejected, rejects FROM sources ORDER BY name" > "$W/a"; sqlite3 "$W/prep.db" "SELECT name, rows_read, rows_loaded, rows_rejected, rejects FROM sources ORDER BY name" > "$W/b"; diff "$W/a" "$W/b" | cut -c1-300; }
echo "$k tables compared, $bad differ; $n originals read"
[ $bad -eq 0 ] && [ $k -gt 20 ]
