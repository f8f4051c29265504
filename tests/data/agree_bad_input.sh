#!/bin/sh
# Bad unvotes input: an invalid vote value, an unknown country code, a missing
# column, a roll call missing from un_roll_calls.csv.  Each is an error naming
# file:line and the column, and leaves the warehouse as it was.
[ -d "$DATA/cow_states" ] && [ -d "$DATA/country_codes" ] || { echo "no registry data"; exit 77; }
cd "$TMPD" || exit 1
mkdir -p bad/unvotes && cd bad || exit 1
ln -s "$DATA/cow_states" cow_states
ln -s "$DATA/country_codes" country_codes
fails=0
rc_csv() {
    printf '"rcid","session","importantvote","date","unres","amend","para","short","descr"\n'
    printf '1,40,1,"1985-12-01","R/40/1",0,0,"X","Y"\n2,40,0,"1985-12-02","R/40/2",,,"X","Y"\n'
}
rc_csv > unvotes/un_roll_calls.csv
printf '"rcid","short_name","issue"\n1,"me","Palestinian conflict"\n' > unvotes/un_roll_call_issues.csv
printf '"rcid","country","country_code","vote"\n1,"United States","US","yes"\n1,"China","CN","no"\n2,"United States","US","no"\n2,"China","CN","no"\n1,"Ukraine","UA","yes"\n' > unvotes/un_votes.csv
"$ENTENTE" build --data . --db w.db --only states,unvotes > build.out 2>&1 || { echo "FAIL: good build"; cat build.out; exit 1; }
before=$(sqlite3 w.db "SELECT count(*) FROM un_votes; SELECT sha256 FROM sources WHERE name = 'unvotes'")
[ "$(sqlite3 w.db "SELECT count(*) FROM un_votes")" = 4 ] || { echo "FAIL: 4 votes expected"; fails=1; }

bad() { # bad NAME EXPECTED-MESSAGE
    if "$ENTENTE" build --data . --db w.db --only states,unvotes > out 2>&1; then
        echo "FAIL: $1: build succeeded"; fails=$((fails + 1)); return
    fi
    if ! grep -qF "$2" out; then echo "FAIL: $1"; cat out; echo " want: $2"; fails=$((fails + 1)); return; fi
    after=$(sqlite3 w.db "SELECT count(*) FROM un_votes; SELECT sha256 FROM sources WHERE name = 'unvotes'")
    [ "$after" = "$before" ] || { echo "FAIL: $1: warehouse changed"; fails=$((fails + 1)); return; }
    echo "ok: $1"
}
cp unvotes/un_votes.csv good.csv
sed '3s/"no"/"yess"/' good.csv > unvotes/un_votes.csv
bad "invalid vote" "un_votes.csv:3: column 4 (vote): 'yess' is not one of yes, no, abstain"
sed '4s/"US"/"XQ"/' good.csv > unvotes/un_votes.csv
bad "unknown code" "un_votes.csv:4: column 3 (country_code): 'XQ' is not a known ISO 3166 alpha-2 code"
sed '1s/"vote"/"ballot"/' good.csv > unvotes/un_votes.csv
bad "missing column" "un_votes.csv:1: missing column 'vote'"
sed '5s/^2,/7,/' good.csv > unvotes/un_votes.csv
bad "unknown roll call" "un_votes.csv:5: column 1 (rcid): '7' is not a roll call of un_roll_calls.csv"
cp good.csv unvotes/un_votes.csv
rc_csv | sed '3s/"1985-12-02"/"1985-13-02"/' > unvotes/un_roll_calls.csv
bad "bad date" "un_roll_calls.csv:3: column 4 (date): '1985-13-02' is not a date (YYYY-MM-DD)"
[ $fails -eq 0 ]
