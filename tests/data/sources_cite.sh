#!/bin/sh
# sources --cite on the real warehouse: every source loaded from a data folder
# has a citation; every citation, licence and folder printed appears in
# docs/data.md word for word (the doc repeats the one table, it does not fork
# it); every folder the build reads (build --list) has a section there.
[ -d "$DATA/cow_states" ] || { echo "no $DATA"; exit 77; }
cd "$TMPD" || exit 1
fail=0
$ENTENTE sources --cite --db "$DATADB" --format json > cite.json || exit 1
python3 - "$ROOT/docs/data.md" cite.json <<'PY' || fail=1
import json, sys
doc = open(sys.argv[1]).read()
rows = json.load(open(sys.argv[2]))
bad = 0
for r in rows:
    for k in ("citation", "licence", "release"):
        if not r[k] or r[k] not in doc:
            print("FAIL: %s (%s): %s not in docs/data.md: %r" % (r["source"], r["folder"], k, r[k])); bad = 1
    if "### %s\n" % r["folder"] not in doc:
        print("FAIL: no section ### %s in docs/data.md" % r["folder"]); bad = 1
print("%d citations checked" % len(rows))
sys.exit(bad)
PY
# every non-derived source of the build has at least one citation
for s in $($ENTENTE build --list --format csv | awk -F, 'NR > 1 && $2 == "data" { print $1 }'); do
    grep -q "\"source\": \"$s\"" cite.json || { echo "FAIL: no citation for source $s"; fail=1; }
done
for d in $($ENTENTE build --list --format csv | awk -F, 'NR > 1 && $2 == "data" { print $3 }' | tr ';' ' '); do
    grep -q "^### $d\$" "$ROOT/docs/data.md" || { echo "FAIL: folder $d missing from docs/data.md"; fail=1; }
done
exit $fail
