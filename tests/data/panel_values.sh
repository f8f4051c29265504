#!/bin/sh
# panel_values: the panel's derived indicators against values computed
# independently from the raw files (tests/data/panel_ref.py: Python's csv
# module, no warehouse table) for CHN-RUS, USA-JPN and USA-GBR in several years,
# with both sides of each source's coverage edge; then the directed export.
[ -d "$DATA/atop_alliance" ] || { echo "no $DATA/atop_alliance"; exit 77; }
python3 "$ROOT/tests/data/panel_ref.py" "$DATA" "$DATADB" > "$TMPD/panel_ref.out"
rc=$?
grep -v '^ok' "$TMPD/panel_ref.out"
[ $rc = 0 ] || exit 1
# the universe in 2014: every pair of the 195 system members, ccode1 < ccode2
n=$(sqlite3 "$DATADB" "SELECT count(*) FROM panel WHERE year = 2014")
[ "$n" = "$((195 * 194 / 2))" ] || { echo "FAIL: 2014 has $n dyads"; exit 1; }
[ "$(sqlite3 "$DATADB" "SELECT count(*) FROM panel WHERE ccode1 >= ccode2")" = 0 ] || exit 1
# directed export: the reversed row swaps the directed columns, not the others
cd "$TMPD" || exit 1
"$ENTENTE" panel --from 2014 --to 2014 --directed --indicators trade_1to2,trade_2to1,cinc_1,atop_level \
    --db "$DATADB" -o d.csv || exit 1
fwd=$(grep '^2,740,' d.csv | cut -d, -f6-9)
rev=$(grep '^740,2,' d.csv | cut -d, -f6-9)
echo "USA->JPN: $fwd; JPN->USA: $rev"
[ "$(echo "$fwd" | cut -d, -f1)" = "$(echo "$rev" | cut -d, -f2)" ] || { echo "FAIL: directed swap"; exit 1; }
[ "$(echo "$fwd" | cut -d, -f4)" = "$(echo "$rev" | cut -d, -f4)" ] || { echo "FAIL: non-directed column"; exit 1; }
[ "$(wc -l < d.csv)" = "$((195 * 194 + 1))" ] || { echo "FAIL: directed rows"; exit 1; }
# the export (read and written in blocks of 4,096 rows by two threads) keeps
# the table's rows, in order: keys and one integer column against SQLite's own
"$ENTENTE" panel --from 2013 --to 2014 --indicators atop_level --db "$DATADB" -o nd.csv || exit 1
tail -n +2 nd.csv | cut -d, -f1,2,5,6 > nd.keys
sqlite3 -csv "$DATADB" "SELECT ccode1, ccode2, year, atop_level FROM panel WHERE year BETWEEN 2013 AND 2014 ORDER BY year, ccode1, ccode2" > sql.keys
cmp nd.keys sql.keys || { echo "FAIL: the export's rows differ from the table's"; exit 1; }
# the view panel_directed has the same rows
[ "$(sqlite3 "$DATADB" "SELECT count(*) FROM panel_directed WHERE year = 2014")" = "$((195 * 194))" ] || { echo "FAIL: view rows"; exit 1; }
# a dyad-year outside the universe is an error, not an empty answer
"$ENTENTE" dyad RUS UKR --year 1980 --db "$DATADB" && { echo "FAIL: UKR 1980 accepted"; exit 1; }
echo ok
