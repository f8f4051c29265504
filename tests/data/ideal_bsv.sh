#!/bin/sh
# ideal_bsv.sh -- `entente idealpoints` on every stored roll call against
# Bailey-Strezhnev-Voeten's published IdealPointAll: median yearly
# correlation across states >= 0.95, no year below 0.85 unexplained
# (tests/data/ideal_bsv.py), USA on the positive side, convergence reached.
BSV="$DATA/unga_ideal_points/IdealpointsJuly2025.csv"
[ -f "$BSV" ] && [ -d "$DATA/unvotes" ] || { echo "no unvotes / unga_ideal_points data"; exit 77; }
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
cd "$TMPD" || exit 1
"$ENTENTE" idealpoints --db "$DATADB" --format csv -o ideal.csv 2> ideal.err || { cat ideal.err; exit 1; }
cat ideal.err
grep -q "^convergence: converged" ideal.err || { echo "FAIL: not converged"; exit 1; }
grep -q "^USA,2,1990,[0-9]" ideal.csv || { echo "FAIL: USA not positive in 1990"; exit 1; }
grep -q "^RUS,365,1960,-" ideal.csv || { echo "FAIL: USSR not negative in 1960"; exit 1; }
python3 "$ROOT/tests/data/ideal_bsv.py" ideal.csv "$BSV"
