# agree_lib.sh -- sourced by the agree_*.sh data tests: compare `entente agree`
# against tests/data/agree_ref.py (an independent computation from the raw CSVs).
[ -d "$DATA/unvotes" ] || { echo "no $DATA/unvotes"; exit 77; }
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
REF="$ROOT/tests/data/agree_ref.py"
REFCACHE="$TMPD/agree_ref_cache"; mkdir -p "$REFCACHE"; export REFCACHE
fails=0

# check A B ISO2A ISO2B FROM TO WEIGHTS CAL ISSUE IMPORTANT [entente options...]
check() {
    a=$1 b=$2 ia=$3 ib=$4 from=$5 to=$6 wt=$7 cal=$8 iss=$9 imp=${10}
    shift 10
    "$ENTENTE" agree "$a" "$b" --from "$from" --to "$to" --format csv --db "$DATADB" "$@" \
        | tail -n +2 | cut -d, -f3- > got.csv || { echo "FAIL: entente agree $a $b $*"; fails=$((fails+1)); return; }
    python3 "$REF" "$DATA" "$ia" "$ib" "$from" "$to" "$wt" "$cal" "$iss" "$imp" > want.csv
    if ! python3 - got.csv want.csv <<'PY'
import sys
got = [l.rstrip("\n").split(",") for l in open(sys.argv[1])]
want = [l.rstrip("\n").split(",") for l in open(sys.argv[2])]
ok = len(got) == len(want)
for g, w in zip(got, want):
    for x, y in zip(g, w):
        if (x == "") != (y == ""):
            ok = False
        elif x and abs(float(x) - float(y)) > 0.00006:
            ok = False
    if not ok:
        print("got ", ",".join(g)); print("want", ",".join(w)); break
sys.exit(0 if ok else 1)
PY
    then
        echo "FAIL: entente agree $a $b --from $from --to $to $*"
        fails=$((fails + 1))
    else
        echo "ok: $a $b $from-$to $*"
    fi
}
