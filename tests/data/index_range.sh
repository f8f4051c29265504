#!/bin/sh
# The claim year by year on the real warehouse (issue 9 s2): compare CHN-RUS
# with the allies of the USA pinned to ATOP's last year, 2014-2023.  Each year
# has a verdict line or a line saying why not; each scored year a line naming
# the missing dimensions (CHN-RUS's personal dimension ends with China's leader
# records in 2018); the pinned group of every year is the 2018 allies, checked
# against the raw ATOP file; the CSV is one header and the single-year rows of
# each year; allies:USA unpinned past 2018 is refused; trend marks incomplete
# composites on their own line; coverage is named on stderr.
[ -d "$DATA/atop_alliance" ] || { echo "no $DATA/atop_alliance"; exit 77; }
cd "$TMPD" || exit 1
fail=0
bad() { echo "FAIL: $*"; fail=1; }
$ENTENTE compare CHN-RUS --with allies:USA@2018 --from 2014 --to 2023 --db "$DATADB" \
    > table.txt 2> err.txt || { bad "compare range exit $?"; cat err.txt; exit 1; }
for y in 2014 2015 2016 2017 2018 2019 2020 2021 2022 2023; do
    if grep -q "^$y: CHN-RUS ranks above" table.txt; then
        grep -q "^$y: missing for CHN-RUS: " table.txt || bad "$y: no missing-dimensions line"
    else
        grep -q "^$y: " table.txt || bad "$y: neither a verdict nor a reason"
    fi
done
for y in 2019 2020 2021 2022; do
    grep -q "^$y: missing for CHN-RUS: personal" table.txt ||
        bad "$y: personal not said missing (China Vitae ends 2018-12-07)"
done
grep -q "coverage: atop_alliance ends in 2018" err.txt || bad "ATOP's end not said on stderr"
# the pinned group: the 2018 ATOP defense partners of the USA, every year
python3 - "$DATA" > want <<'PY'
import csv, sys
data = sys.argv[1]
abb = {int(r['ccode']): r['stateabb'] for r in csv.DictReader(open(f"{data}/cow_states/cow_states.csv"))}
out = set()
for r in csv.DictReader(open(f"{data}/atop_alliance/atop_alliance.csv")):
    a, b = int(r['ccode1']), int(r['ccode2'])
    if int(r['year']) == 2018 and 2 in (a, b) and r['atop_defense'] == '1':
        out.add(abb[b if a == 2 else a])
print("\n".join(sorted(out)))
PY
$ENTENTE compare CHN-RUS --with allies:USA@2018 --from 2014 --to 2023 --db "$DATADB" \
    --format csv 2> /dev/null > range.csv || bad "csv range"
[ "$(grep -c '^a,b,year,' range.csv)" = 1 ] || bad "CSV has more than one header"
for y in 2018 2020 2022; do
    awk -F, -v y=$y 'NR > 1 && $3 == y && $11 == 0 { print ($1 == "USA" ? $2 : $1) }' range.csv |
        sort > got
    cmp -s got want || { bad "$y: pinned group differs from the 2018 ATOP allies"; diff got want | head -5; }
done
# one year of the range = the single-year CSV
$ENTENTE compare CHN-RUS --with allies:USA@2018 --year 2020 --db "$DATADB" --format csv \
    2> /dev/null | sed 1d > one.csv
grep ',2020,' range.csv | cmp -s - one.csv || bad "2020 rows of the range differ from --year 2020"
# unpinned past ATOP: refused, with the way out
if $ENTENTE compare CHN-RUS --with allies:USA --from 2014 --to 2023 --db "$DATADB" > /dev/null 2> e2.txt; then
    bad "allies:USA past 2018 accepted"
fi
grep -q "allies:USA@2018" e2.txt || bad "no allies:USA@2018 suggestion: $(cat e2.txt)"
# trend: an incomplete composite's world rank is marked on its own row
$ENTENTE trend CHN-RUS --from 2012 --to 2022 --db "$DATADB" 2> /dev/null > trend.txt || bad "trend"
awk 'NR > 1 && $1 == "CHN" && $NF != "1" && $0 !~ /\* .*0 \(no / { print "unmarked: " $0; bad = 1 }
     END { exit bad }' trend.txt || bad "trend: an incomplete composite ranked without a mark"
[ $fail = 0 ] && echo "ok: claim year by year 2014-2023, pinned group = 2018 ATOP allies ($(wc -l < want) states)"
exit $fail
