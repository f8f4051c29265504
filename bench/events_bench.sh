#!/bin/sh
# events_bench.sh -- the side-by-side benchmark of issue 5: the same group-by
# (actor1 country, actor2 country, year, quad class; count and sum of the
# Goldstein scale) over the same synthetic GDELT 1.0 file in the page cache,
# by entente and by DuckDB, in one run.
#
#   sh bench/events_bench.sh [SIZE_BYTES]     (default 1.6e9)
#
# Needs: make (build/entente, build/bench/events_gen), node, and
# `npm install` in bench/events_duckdb (the @duckdb/node-api package).
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SIZE=${1:-1.6e9}
DATA=${DATA:-../shared/data}
OUT=bench/out; mkdir -p $OUT
F=$OUT/events_gdelt1_synthetic.tsv
[ -x build/bench/events_gen ] || make -s build/bench/events_gen
if [ ! -f $F ] || [ "$(stat -c %s $F)" -lt "$(printf '%.0f' "$SIZE")" ]; then
    echo "generating $F ($SIZE bytes) ..."
    build/bench/events_gen -s "$SIZE" -o $F --data "$DATA"
fi
[ -d bench/events_duckdb/node_modules/@duckdb ] || (cd bench/events_duckdb && npm install --no-audit --no-fund >/dev/null)
BYTES=$(stat -c %s $F)
ROWS=$(wc -l < $F)
cat $F > /dev/null; cat $F > /dev/null   # into the page cache
echo "file: $F, $BYTES bytes, $ROWS rows, $(nproc) cores"
export ENTENTE_DATA="$DATA"
run_entente() { # threads
    /usr/bin/time -f "%e %M" -o $OUT/time.txt build/entente events $F --threads $1 -o $OUT/entente.csv 2> $OUT/entente.log
    set -- $(cat $OUT/time.txt)
    echo "$1 $2"
}
best() { # command...: best of 3 wall times, with the peak RSS of that run
    b=""; for i in 1 2 3; do r=$("$@"); t=${r% *}
        if [ -z "$b" ] || [ "$(echo "$t < ${b% *}" | bc)" = 1 ]; then b=$r; fi; done; echo "$b"; }
E1=$(best run_entente 1)
E2=$(best run_entente 2)
head -1 $OUT/entente.log
run_duck() {
    node bench/events_duckdb/events_duckdb.mjs $F 2 > $OUT/duck.txt
    sed -n 's/.*seconds=\([0-9.]*\).*/\1 0/p' $OUT/duck.txt
}
D2=$(best run_duck)
cat $OUT/duck.txt
AGG=$(sed -n 's/.*= \([0-9]*\) aggregated.*/\1/p' $OUT/entente.log | head -1)
UNM=$(grep 'unmappable' $OUT/entente.log | awk '{s+=$2} END{print s+0}')
BOTH=$(sed -n 's/.*events_with_both=\([0-9]*\).*/\1/p' $OUT/duck.txt)
DROWS=$(sed -n 's/.*rows=\([0-9]*\).*/\1/p' $OUT/duck.txt)
echo "check: entente aggregated $AGG + unmappable $UNM = $((AGG + UNM)); DuckDB rows with both countries $BOTH; DuckDB rows $DROWS, file rows $ROWS"
[ $((AGG + UNM)) -eq "$BOTH" ] && [ "$DROWS" -eq "$ROWS" ] || { echo "MISMATCH"; exit 1; }
line() { # name threads seconds rss
    echo "$1 $2 $3 $4" | awk -v B=$BYTES -v R=$ROWS '{printf "| %-22s | %d | %6.3f s | %5.2f GB/s | %6.1f M rows/s | %s |\n", $1, $2, $3, B/$3/1e9, R/$3/1e6, ($4>0? sprintf("%.0f MB", $4/1024) : "n/a")}'
}
echo
echo "| tool | threads | time | throughput | rows | peak RSS |"
echo "|---|---|---|---|---|---|"
line entente 1 $E1
line entente 2 $E2
line "$(cut -d' ' -f1-2 $OUT/duck.txt | tr ' ' '-')" 2 $D2
echo
echo "$E2 $D2" | awk '{printf "entente / DuckDB on 2 threads: %.1fx (entente wall time incl. start-up and output; DuckDB query time only)\n", $3/$1}'
