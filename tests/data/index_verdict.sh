#!/bin/sh
# The index on the real panel against an independent implementation
# (tests/data/index_ref.py: python3 over the warehouse's panel table and
# docs/index-default.conf): for several subjects, groups and years, the
# verdict sentence must be identical, and every row's composite must agree
# to the printed 0.1.  Also: rank and trend agree on CHN-RUS's world rank,
# and partners:CHN has one row per dyad of CHN in the panel.
[ -f "$DATADB" ] || { echo "no warehouse"; exit 77; }
[ -d "$DATA/cow_states" ] || { echo "no $DATA/cow_states"; exit 77; }
cd "$TMPD" || exit 1
fail=0
while read -r subj group year; do
    $ENTENTE compare "$subj" --with "$group" --year "$year" --db "$DATADB" --format csv \
        > rows.csv 2> verdict.txt || { echo "FAIL: compare $subj $group $year"; cat verdict.txt; fail=1; continue; }
    python3 "$ROOT/tests/data/index_ref.py" "$DATADB" "$ROOT/docs/index-default.conf" "$DATA" \
        "$year" "$subj" "$group" > ref.txt || { echo "FAIL: index_ref.py"; fail=1; continue; }
    got=$(grep -v "^entente: compare: coverage: " verdict.txt | head -1); want=$(head -1 ref.txt)
    if [ "$got" = "$want" ]; then
        echo "ok: $subj --with $group $year: $got"
    else
        echo "FAIL: $subj --with $group $year"; echo "  entente: $got"; echo "  ref:     $want"; fail=1
    fi
    # every composite to 0.1 (pairs in either order)
    bad=$(awk -F'[, ]' 'NR == FNR { if (FNR > 1) { ref[$1 "-" $2] = $3; ref[$2 "-" $1] = $3 }; next }
        FNR == 1 { next }
        { k = $1 "-" $2; r = ref[k]; if (!(k in ref)) { print "no ref row " k; next }
          if (($8 == "") != (r == "")) { print k ": " $8 " vs " r; next }
          if ($8 != "" && (($8 - r) > 0.0501 || (r - $8) > 0.0501)) print k ": " $8 " vs " r }' \
        ref.txt rows.csv)
    [ -z "$bad" ] || { echo "FAIL: composites differ:"; echo "$bad" | head; fail=1; }
    [ "$(awk 'END { print NR - 1 }' rows.csv)" = "$(awk 'END { print NR - 1 }' ref.txt)" ] ||
        { echo "FAIL: group sizes differ"; fail=1; }
done <<'CASES'
CHN-RUS allies:USA 2014
CHN-RUS allies:USA:any 2016
USA-JPN partners:CHN 2010
RUS-IND USA-UKG,USA-JPN,USA-FRN 2012
CHN-RUS allies:USA 2000
CASES
# rank and trend agree on the world rank of CHN-RUS in 2014
r1=$($ENTENTE rank --year 2014 --state CHN --top 500 --db "$DATADB" --format csv | awk -F, '$3 == "RUS" { print $1 }')
r2=$($ENTENTE trend CHN-RUS --from 2014 --to 2014 --db "$DATADB" --format csv | awk -F, 'NR == 2 { print $13 }')
if [ -n "$r1" ] && [ "$r1" = "$r2" ]; then echo "ok: CHN-RUS 2014 world rank $r1 in rank and trend"
else echo "FAIL: rank says '$r1', trend says '$r2'"; fail=1; fi
# partners:CHN: every dyad containing CHN = one per other system member
n=$($ENTENTE compare CHN-RUS --with partners:CHN --year 2014 --db "$DATADB" --format csv 2>/dev/null | awk 'END { print NR - 1 }')
m=$(sqlite3 "$DATADB" "SELECT count(*) FROM panel WHERE year = 2014 AND (ccode1 = 710 OR ccode2 = 710)")
if [ "$n" = "$m" ] && [ "$n" -gt 150 ]; then echo "ok: partners:CHN 2014 has $n dyads"
else echo "FAIL: partners:CHN has $n rows, the panel $m dyads of CHN"; fail=1; fi
exit $fail
