#!/bin/sh
# The unvotes-vs-unga_votes_voeten overlap report (sessions 1-74, which both
# cover): for seven states whose codes map without dates or merges (USA,
# GBR, FRA, RUS incl. the USSR, JPN, IND, and China: CN, plus the ROC seat
# TW before 1949-12-08 = COW 710), an independent Python pass over the raw
# CSVs counts every country-vote on which the two disagree; the warehouse's
# unga_overlap_diff must hold exactly as many per state, the summary table
# must add up, and the build output must report the count.
cd "$TMPD" || exit 1
[ -f "$DATA/unga_votes_voeten/ungaVoting_003.csv" ] && [ -d "$DATA/unvotes" ] \
    || { echo "no unga_votes_voeten or unvotes"; exit 77; }
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
fails=0
python3 - "$DATA" > want.txt <<'PY'
import csv, sys
d = sys.argv[1]
states = {"USA": (2, ["US"]), "GBR": (200, ["GB"]), "FRA": (220, ["FR"]), "RUS": (365, ["RU", "SU"]),
          "JPN": (740, ["JP"]), "IND": (750, ["IN"]), "CHN": (710, ["CN"])}
iso2 = {c: iso3 for iso3, (_, cs) in states.items() for c in cs}
date = {r["rcid"]: r["date"] for r in csv.DictReader(open(f"{d}/unvotes/un_roll_calls.csv"))}
code = {"yes": 1, "abstain": 2, "no": 3}
un = {}
for r in csv.DictReader(open(f"{d}/unvotes/un_votes.csv")):
    c = r["country_code"]
    if c == "TW" and date[r["rcid"]] < "1949-12-08":
        c = "CN"
    if c in iso2:
        un[(r["rcid"], iso2[c])] = code[r["vote"]]
n = {s: 0 for s in states}
for r in csv.DictReader(open(f"{d}/unga_votes_voeten/ungaVoting_003.csv")):
    if date.get(r["rcid"]) != r["date"]:
        continue  # not a roll call of unvotes
    for s in states:
        f = int(float(r[s]))
        if un.get((r["rcid"], s), 0) != (f if f <= 3 else 0):
            n[s] += 1
for s, (cc, _) in sorted(states.items(), key=lambda x: x[1][0]):
    print(cc, n[s])
PY
sqlite3 -separator ' ' "$DATADB" "SELECT c, (SELECT count(*) FROM unga_overlap_diff WHERE ccode = c) FROM (SELECT 2 c UNION ALL SELECT 200 UNION ALL SELECT 220 UNION ALL SELECT 365 UNION ALL SELECT 710 UNION ALL SELECT 740 UNION ALL SELECT 750) ORDER BY c" > got.txt
if diff want.txt got.txt; then echo "ok: disagreements per state: $(tr '\n' ' ' < got.txt)"; else echo "FAIL: disagreements per state"; fails=$((fails + 1)); fi
# the summary adds up, and the build reported it
total=$(sqlite3 "$DATADB" "SELECT count(*) FROM unga_overlap_diff")
[ "$(sqlite3 "$DATADB" "SELECT sum(n) FROM unga_overlap")" = "$total" ] && [ "$total" -gt 0 ] \
    || { echo "FAIL: unga_overlap sums to $(sqlite3 "$DATADB" "SELECT sum(n) FROM unga_overlap"), diff rows $total"; fails=$((fails + 1)); }
if [ -f "$TMPD/build.out" ]; then
    grep -q "compared with unvotes on sessions 1-74: 6203 roll calls, [0-9]* country-votes; $total disagreements" "$TMPD/build.out" \
        || { echo "FAIL: the build output does not report $total disagreements"; fails=$((fails + 1)); }
fi
# every overlap roll call is rejected from the file with its reason, none silently
[ "$(sqlite3 "$DATADB" "SELECT rows_read || ' ' || rows_loaded || ' ' || rows_rejected FROM sources WHERE name = 'unga_votes_voeten'")" = "6551 348 6203" ] \
    || { echo "FAIL: row accounting"; fails=$((fails + 1)); }
sqlite3 "$DATADB" "SELECT rejects FROM sources WHERE name = 'unga_votes_voeten'" | grep -q "taken from unvotes (votes compared): 6203" \
    || { echo "FAIL: rejection reason"; fails=$((fails + 1)); }
[ $fails -eq 0 ]
