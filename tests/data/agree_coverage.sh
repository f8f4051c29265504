#!/bin/sh
# Coverage edges of the agreement panel: n = 0 gives empty measures (never 0),
# a non-member year gives an empty row, the panel holds every member pair of
# a year, and the unvotes row accounting balances.
[ -d "$DATA/unvotes" ] || { echo "no $DATA/unvotes"; exit 77; }
cd "$TMPD" || exit 1
fails=0
expect() { # expect WHAT GOT WANT
    if [ "$2" = "$3" ]; then echo "ok: $1"; else
        echo "FAIL: $1"; echo " got:  $2"; echo " want: $3"; fails=$((fails + 1)); fi
}
q() { sqlite3 "$DATADB" "$1"; }

# Taiwan lost the UN seat in 1971 but stays a COW member: n = 0, measures empty
expect "TAW-USA 1972 n=0" "$("$ENTENTE" agree TAW USA --from 1972 --to 1972 --format csv --db "$DATADB" | tail -1)" \
       "TAW,USA,1972,0,,,,,0"
# the GDR is not a member in 1995: the whole row is empty
expect "GDR-USA 1995 not a dyad" "$("$ENTENTE" agree GDR USA --from 1995 --to 1995 --format csv --db "$DATADB" | tail -1)" \
       "GDR,USA,1995,,,,,,"
# JSON says null, not 0
expect "json null" "$("$ENTENTE" agree TAW USA --from 1972 --to 1972 --format json --db "$DATADB" | sed -n 2p)" \
       ' {"a": "TAW", "b": "USA", "year": 1972, "n": 0, "agree": null, "s": null, "pi": null, "kappa": null, "partial": 0}'
# without a range: only the years the dyad exists (the GFR 1955-1990)
expect "GFR-USA years" "$("$ENTENTE" agree GFR USA --format csv --db "$DATADB" | tail -n +2 | cut -d, -f3 | sed -n '1p;$p' | tr '\n' ' ')" \
       "1955 1990 "
# stored panel: n = 0 exactly when the measures are NULL; no measure outside [-1, 1]
expect "n=0 <=> NULL" "$(q "SELECT count(*) FROM un_agree WHERE (n = 0) <> (agree IS NULL) OR (n = 0) <> (s IS NULL)")" "0"
expect "range" "$(q "SELECT count(*) FROM un_agree WHERE agree < 0 OR agree > 1 OR s < -1 OR s > 1 OR kappa > 1 OR pi > 1")" "0"
expect "years" "$(q "SELECT min(year) || '-' || max(year) FROM un_agree")" "1946-2023"
# every pair of the 2019 members
m=$("$ENTENTE" states --year 2019 --format csv --db "$DATADB" | tail -n +2 | wc -l)
expect "2019 pairs" "$(q "SELECT count(*) FROM un_agree WHERE year = 2019")" "$((m * (m - 1) / 2))"
# rows read = loaded + rejected, and non-members on the vote date are rejected, not loaded
expect "accounting" "$(q "SELECT rows_read = rows_loaded + rows_rejected AND rows_rejected > 0 FROM sources WHERE name = 'unvotes'")" "1"
expect "Ukraine before 1991 rejected" "$(q "SELECT count(*) FROM un_votes v JOIN un_roll_calls r USING(rcid) WHERE v.ccode = 369 AND r.date < '1991-08-24'")" "0"
# the rows without a code are placed by name, dated: the FRG (260 until
# 1990-10-03), the Yemen Arab Republic (678 until 1990-05-22)
byname() { python3 - "$DATA/unvotes" "$1" "$2" <<'PY'
import csv, sys
d = {r["rcid"]: r["date"] for r in csv.DictReader(open(sys.argv[1] + "/un_roll_calls.csv"))}
print(sum(1 for r in csv.DictReader(open(sys.argv[1] + "/un_votes.csv"))
          if r["country"] == sys.argv[2] and not r["country_code"] and d[r["rcid"]] < sys.argv[3]))
PY
}
expect "FRG by name" "$(q "SELECT count(*) FROM un_votes WHERE ccode = 260")" \
       "$(byname 'Federal Republic of Germany' 1990-10-03)"
expect "YAR by name" "$(q "SELECT count(*) FROM un_votes WHERE ccode = 678")" \
       "$(byname 'Yemen Arab Republic' 1990-05-22)"
# --with: the best partner first, none with n = 0
expect "with USA 2019" "$("$ENTENTE" agree --with USA --year 2019 --top 1 --format csv --db "$DATADB" | tail -1 | cut -d, -f1,2)" "USA,ISR"
[ $fails -eq 0 ]
