#!/bin/sh
# panel_coverage: both sides of every coverage edge, for every indicator of the
# codebook (`entente codebook --format csv`), over the panel built from $DATA:
#  - outside [lo, hi] every value is NULL (one year before lo, one after hi, and all years);
#  - inside, an indicator whose "absent" is 0 has a value in every dyad-year
#    (no row in the source = 0), and any indicator has values at lo and at hi;
#  - partial sources (meetings, events, the DE extract): values only where the source has rows.
[ -f "$DATADB" ] || { echo "no warehouse"; exit 77; }
sqlite3 "$DATADB" "SELECT 1 FROM panel LIMIT 1" >/dev/null 2>&1 || { echo "no panel"; exit 77; }
"$ENTENTE" codebook --format csv > "$TMPD/codebook.csv" || exit 1
python3 - "$TMPD/codebook.csv" "$DATADB" <<'PY'
import csv, sqlite3, sys
cb = list(csv.DictReader(open(sys.argv[1])))
db = sqlite3.connect(sys.argv[2])
LO, HI = 1816, 2024
fails = 0
names = [r['indicator'] for r in cb]
# one scan: per year, the dyads and the non-NULL values of every indicator
per = {row[0]: row[1:] for row in db.execute(
    "SELECT year, count(*), " + ", ".join(f"count({n})" for n in names) +
    " FROM panel GROUP BY year")}
nchecks = 0
def expect(ok, msg):
    global fails, nchecks
    nchecks += 1
    if not ok:
        fails += 1
        print("FAIL " + msg)
for i, r in enumerate(cb):
    name, cov, absent = r['indicator'], r['coverage'], r['absent']
    if not cov[:4].isdigit():
        continue
    lo, hi = (int(x) for x in cov[:9].split('-'))  # "1950-2024; dyads of the USA only"
    for y, v in sorted(per.items()):
        n, c = v[0], v[1 + i]
        if y < lo or y > hi:
            expect(c == 0, f"{name}: {c} values in {y}, outside {lo}-{hi}")
        elif absent == '0':
            expect(c == n, f"{name}: {n - c} NULLs in {y}, inside {lo}-{hi} (no row must be 0)")
    for y in sorted({max(lo, LO), min(hi, HI)}):
        expect(per[y][1 + i] > 0, f"{name}: no value in {y}, an edge inside the coverage")
    for y in (lo - 1, hi + 1):
        if LO <= y <= HI:
            expect(per[y][1 + i] == 0, f"{name}: values in {y}, just outside the coverage")
print(f"{nchecks} coverage checks over {len(cb)} indicators and {len(per)} years")
# partial sources: values only in dyad-years the source has rows for
for name, table, cond in (
        ("meet_episodes", "meet_dyad_year", None),
        ("dip_exchange", "cow_dipex", None)):
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name=?", (table,)).fetchone():
        continue
    n = db.execute(f"SELECT count(*) FROM panel p WHERE {name} IS NOT NULL AND NOT EXISTS "
                   f"(SELECT 1 FROM {table} t WHERE t.year = p.year AND "
                   f"((t.ccode1 = p.ccode1 AND t.ccode2 = p.ccode2) OR (t.ccode1 = p.ccode2 AND t.ccode2 = p.ccode1)))").fetchone()[0]
    print(f"{name}: {n} values without a {table} row")
    fails += n > 0
# us_troops: dyads of the USA (COW 2, always ccode1) only; every other dyad NULL
ut = db.execute("SELECT count(*) FROM panel WHERE us_troops IS NOT NULL AND ccode1 <> 2").fetchone()[0]
print(f"us_troops: {ut} values outside the dyads of the USA (must be 0)")
fails += ut > 0
ev = db.execute("SELECT count(*) FROM panel WHERE ev_verbal_coop IS NOT NULL").fetchone()[0]
if not db.execute("SELECT 1 FROM sqlite_master WHERE name='events_dyad_year'").fetchone():
    print(f"ev_*: no events_dyad_year table, {ev} values (must be 0)")
    fails += ev > 0
sys.exit(1 if fails else 0)
PY
