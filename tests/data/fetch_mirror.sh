#!/bin/sh
# fetch_mirror.sh -- the whole manifest fetched from a loopback mirror
# (tests/fetch/server.py on 127.0.0.1 serving ../shared/upstream and the
# verbatim files of $DATA in the raw-URL layout) into an empty folder: every
# file arrives with its sha256, and --verify finds the folder complete.
: "${ENTENTE:?}" "${ROOT:?}" "${DATA:?}"
UP="$DATA/../upstream"
[ -f "$DATA/UPSTREAM.tsv" ] && [ -d "$UP" ] || { echo "no $DATA/UPSTREAM.tsv or $UP"; exit 77; }
W=$(mktemp -d)
SRV=""
trap '[ -n "$SRV" ] && kill "$SRV"; rm -rf "$W"' EXIT
awk -F'\t' -v D="$DATA" '$3 == "verbatim" { print $5 "\t" D "/" $1 }' "$ROOT/data/manifest.tsv" > "$W/map.tsv"
python3 "$ROOT/tests/fetch/server.py" --root "$UP" --map "$W/map.tsv" --portfile "$W/port" &
SRV=$!
i=0
while [ ! -s "$W/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
URL="http://127.0.0.1:$(cat "$W/port")/ok"
"$ENTENTE" fetch --data "$W/d" --mirror "$URL" > "$W/out" 2>&1 || { cat "$W/out"; exit 1; }
n=$(awk -F'\t' '$3 != "prepared" && NR > 2' "$ROOT/data/manifest.tsv" | wc -l)
grep -q "$n fetched" "$W/out" || { echo "want $n fetched"; tail -3 "$W/out"; exit 1; }
"$ENTENTE" fetch --verify --data "$W/d" > "$W/vout" 2>&1 || { cat "$W/vout"; exit 1; }
grep -q "^verify: .*: $n ok, 0 missing, .* 0 changed, 0 extra, 1 not obtainable" "$W/vout" || { cat "$W/vout"; exit 1; }
# the prepared folder, checked against the same manifest, is complete too
"$ENTENTE" fetch --verify --data "$DATA" > "$W/vout" 2>&1 || { cat "$W/vout"; exit 1; }
tail -1 "$W/out"; tail -1 "$W/vout"
