#!/bin/sh
# Agreement 2020-2023 (sessions 75-78, from unga_votes_voeten) against an
# independent Python computation from the raw wide CSV (tests/data/agree_ref.py
# with ISO3 columns): CHN-RUS, USA-GBR, USA-CHN over the stored panel, other
# weights, calendar years (2024 partial) and an issue filter; years 2017-2019
# still come from unvotes in the same run.  Also: 2023 is marked partial and
# 2024 is past the votes, on stderr.
cd "$TMPD" || exit 1
[ -f "$DATA/unga_votes_voeten/ungaVoting_003.csv" ] || { echo "no unga_votes_voeten"; exit 77; }
. "$ROOT/tests/data/agree_lib.inc"
WIDE="CHN RUS"
check CHN RUS CN RU 2017 2023 quadratic session - -
check CHN RUS CN RU 2019 2024 quadratic calendar - - --calendar-year
check CHN RUS CN RU 2020 2023 nominal session - - --weights nominal
WIDE="USA GBR"
check USA UKG US GB 2018 2023 quadratic session - -
check USA UKG US GB 2020 2023 quadratic session hr - --issue hr
WIDE="USA CHN"
check USA CHN US CN 2020 2023 linear session - - --weights linear
check USA CHN US CN 2020 2023 quadratic session me - --issue me
WIDE=
# the partial session and the end of the votes are said on stderr; the rows say partial
"$ENTENTE" agree CHN RUS --from 2018 --to 2024 --format csv --db "$DATADB" > out.csv 2> err.txt
grep -q "^entente: agree: the UN votes end in 2023 (unga_votes_voeten, last roll call 2024-06-04): 2024 has no data$" err.txt \
    || { echo "FAIL: no end-of-coverage note"; cat err.txt; fails=$((fails + 1)); }
grep -q "^entente: agree: 2023 is partial: session 78 was still open" err.txt \
    || { echo "FAIL: no partial note"; fails=$((fails + 1)); }
[ "$(cut -d, -f3,9 out.csv | tr '\n' ' ')" = "year,partial 2018,0 2019,0 2020,0 2021,0 2022,0 2023,1 2024, " ] \
    || { echo "FAIL: partial column"; cat out.csv; fails=$((fails + 1)); }
# the panel's un_* columns carry the same values past 2019 (the years the panel has)
for y in 2020 2021 2022; do
    a=$(grep "^CHN,RUS,$y," out.csv | cut -d, -f4,5)
    p=$(sqlite3 "$DATADB" "SELECT un_n || ',' || printf('%.4f', un_agree) FROM panel WHERE ccode1 = 365 AND ccode2 = 710 AND year = $y")
    [ -z "$p" ] || [ "$a" = "$p" ] || { echo "FAIL: panel $y: $p, agree $a"; fails=$((fails + 1)); }
done
# the sessions: opened on the table's dates, 78 partial
[ "$(sqlite3 "$DATADB" "SELECT group_concat(session || ':' || roll_calls || ':' || partial, ' ') FROM unga_sessions")" \
    = "75:96:0 76:77:0 77:89:0 78:86:1 79:0:0" ] || { echo "FAIL: unga_sessions"; fails=$((fails + 1)); }
# the build says which members the file codes 9 (not a member) after they voted
if [ -f "$TMPD/build.out" ]; then
    grep -q "TUR is coded 9 (not a member) on 19 roll calls 2023-12-19 to 2024-06-04" "$TMPD/build.out" \
        || { echo "FAIL: the build does not report TUR's gap"; fails=$((fails + 1)); }
fi
[ $fails -eq 0 ]
