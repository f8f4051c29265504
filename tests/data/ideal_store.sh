#!/bin/sh
# ideal_store.sh -- `entente idealpoints --store` writes ideal_estimates,
# marks the panel stale; the next build fills the panel's ideal_distance_own
# with |x_a - x_b| of the stored estimates (missing where none is stored);
# an index config can put it in place of BSV's ideal_point_distance.
[ -d "$DATA/unvotes" ] || { echo "no $DATA/unvotes"; exit 77; }
cd "$TMPD" || exit 1
cp "$DATADB" ip.db
$ENTENTE idealpoints --from 2000 --to 2019 --store --db ip.db --format csv -o ip.csv 2> ip.err ||
    { cat ip.err; exit 1; }
rows=$(sqlite3 ip.db "SELECT count(*) FROM ideal_estimates")
csv=$(($(wc -l < ip.csv) - 1))
echo "stored $rows state-years, printed $csv"
[ "$rows" -gt 3000 ] && [ "$rows" = "$csv" ] || { echo "FAIL: stored rows"; exit 1; }
[ "$(sqlite3 ip.db "SELECT value FROM ideal_runs WHERE key = 'years'")" = "2000-2019" ] ||
    { echo "FAIL: ideal_runs"; exit 1; }
[ "$(sqlite3 ip.db "SELECT sha256 FROM sources WHERE name = 'panel'")" = "stale: ideal points stored" ] ||
    { echo "FAIL: panel not marked stale"; exit 1; }
$ENTENTE build --data "$DATA" --db ip.db 2>&1 | grep '^panel' || exit 1
want=$(sqlite3 ip.db "SELECT printf('%.6f', abs(a.estimate - b.estimate)) FROM ideal_estimates a, ideal_estimates b
    WHERE a.ccode = 365 AND b.ccode = 710 AND a.year = 2010 AND b.year = 2010")
got=$(sqlite3 ip.db "SELECT printf('%.6f', ideal_distance_own) FROM panel WHERE ccode1 = 365 AND ccode2 = 710 AND year = 2010")
echo "RUS-CHN 2010 ideal_distance_own: panel $got, stored estimates $want"
[ -n "$got" ] && [ "$got" = "$want" ] || { echo "FAIL"; exit 1; }
[ "$(sqlite3 ip.db "SELECT count(*) FROM panel WHERE year = 1990 AND ideal_distance_own IS NOT NULL")" = 0 ] ||
    { echo "FAIL: a year without stored estimates has values"; exit 1; }
# the index can use it in place of BSV's
sed 's/^diplomatic ideal_point_distance /diplomatic ideal_distance_own   /' "$ROOT/docs/index-default.conf" > own.conf
grep -q '^diplomatic ideal_distance_own' own.conf || { echo "FAIL: config edit"; exit 1; }
$ENTENTE trend CHN-RUS --from 2008 --to 2010 --config own.conf --db ip.db --format csv > own.csv || exit 1
$ENTENTE trend CHN-RUS --from 2008 --to 2010 --db ip.db --format csv > bsv.csv || exit 1
cat own.csv
[ "$(wc -l < own.csv)" = 4 ] || { echo "FAIL: trend with the config"; exit 1; }
cmp -s own.csv bsv.csv && { echo "FAIL: the choice made no difference"; exit 1; }
echo ok
