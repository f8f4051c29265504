#!/bin/sh
# run.sh -- the fault-injection matrix (tests/faults/matrix.tsv, commands in
# cases.sh): I/O failures through the LD_PRELOAD shim iofail.c, kills, file
# size limits, and a failed allocation at every N along build, compare,
# events and the report writers.  Prints "fault CASE: passed" or
# "FAIL fault/CASE: why" per case, then "faults: P passed, F failed".
# tests/run.sh runs it with ENTENTE, FIX and DATA set.
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
B=${B:-build}
ENTENTE=${ENTENTE:-$ROOT/$B/entente}
FIX=${FIX:-$ROOT/tests/fixtures}
DATA=${DATA:-$ROOT/../shared/data}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
SHIM="$T/iofail.so"
export ENTENTE FIX DATA SHIM
# ASan: a distinct exit status for its reports; the shim is preloaded before it
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=86:verify_asan_link_order=0"
export ASAN_OPTIONS
. "$ROOT/tests/faults/cases.sh"
pass=0 fail=0

${CC:-cc} -shared -fPIC -O1 -o "$SHIM" "$ROOT/tests/faults/iofail.c" -ldl || {
    echo "FAIL fault/shim: cannot build tests/faults/iofail.c"; echo "faults: 0 passed, 1 failed"; exit 1; }

# the warehouses: base (before), updated (after a fault-free build of d/)
sig() {
    sqlite3 "$1" "SELECT name, sha256, version, rows_read, rows_loaded, rows_rejected FROM sources
                  ORDER BY name; SELECT count(*), sum(tiv) FROM sipri_tiv;
                  SELECT count(*) FROM panel; PRAGMA integrity_check" 2>&1
}
cp -r "$FIX/panel" "$T/d"
"$ENTENTE" build --quiet --data "$T/d" --db "$T/base.db" || { echo "FAIL fault/setup"; exit 1; }
echo '2016,"United States","Japan",2,740,"USA","JPN",40' >> "$T/d/sipri_arms_transfers_tiv/sipri_tiv_orders_dyadic_1950_2018.csv"
cp "$T/base.db" "$T/updated.db"
"$ENTENTE" build --quiet --data "$T/d" --db "$T/updated.db" || { echo "FAIL fault/setup"; exit 1; }
"$ENTENTE" build --quiet --only states --data "$FIX/states" --db "$T/c.db" &&
    sqlite3 "$T/c.db" < "$FIX/index/panel.sql" || { echo "FAIL fault/setup"; exit 1; }
SIG_BASE=$(sig "$T/base.db")
SIG_UPDATED=$(sig "$T/updated.db")
[ "$SIG_BASE" != "$SIG_UPDATED" ] || { echo "FAIL fault/setup: the change made no difference"; exit 1; }

# wh_ok STATE: the warehouse w.db is in STATE (intact, updated, intact|updated, -)
wh_ok() {
    [ "$1" = - ] && return 0
    s=$(sig w.db)
    case "|$1|" in *"|intact|"*) [ "$s" = "$SIG_BASE" ] && return 0 ;; esac
    case "|$1|" in *"|updated|"*) [ "$s" = "$SIG_UPDATED" ] && return 0 ;; esac
    return 1
}

# alloc_loop NAME MSG WH: run alloc_NAME failing allocation N = 1..T
alloc_loop() {
    fn=alloc_$1 msg=$2 wh=$3
    cp "$T/base.db" w.db
    ENTENTE_FAULT=alloc:0 $fn >want.out 2>count.err || { why="fault-free run failed: $(tail -1 count.err)"; return 1; }
    total=$(sed -n 's/^fault: \([0-9]*\) allocations$/\1/p' count.err)
    [ -n "$total" ] && [ "$total" -gt 0 ] || { why="no allocations counted"; return 1; }
    n=1
    while [ $n -le "$total" ]; do
        cp "$T/base.db" w.db
        ENTENTE_FAULT=alloc:$n $fn >got.out 2>got.err
        rc=$?
        case $rc in
            0) cmp -s want.out got.out || { why="N=$n: exit 0 with other output"; return 1; }
               [ "$wh" = - ] || wh_ok updated || wh_ok "$wh" || { why="N=$n: exit 0, warehouse not as stated"; return 1; } ;;
            1) grep -Eq "$msg" got.err || { why="N=$n: unclear error: $(head -1 got.err)"; return 1; }
               [ "$wh" = - ] || wh_ok intact || { why="N=$n: exit 1 and the warehouse changed"; return 1; } ;;
            70) why="N=$n: leak: $(grep '^fault:' got.err)"; return 1 ;;
            *) why="N=$n: exit $rc (crash or sanitizer report): $(head -3 got.err | tr '\n' ' ')"; return 1 ;;
        esac
        n=$((n + 1))
    done
    why="$total allocation points"
    return 0
}

tab=$(printf '\t')
grep -v '^#' "$ROOT/tests/faults/matrix.tsv" | while IFS="$tab" read -r name want msg wh what; do
    [ -n "$name" ] || continue
    work="$T/case-$name"
    mkdir -p "$work"
    ln -s "$T/d" "$work/d"
    cp "$T/base.db" "$work/w.db"
    cp "$T/c.db" "$work/c.db"
    why=""
    case $name in
        alloc-*)
            if [ "$name" = alloc-events ] && [ ! -d "$DATA/cameo_codebook" ]; then
                echo "fault $name: skipped (no $DATA/cameo_codebook)"; continue
            fi
            (cd "$work" && alloc_loop "${name#alloc-}" "$msg" "$wh" && echo "ok: $why" >result || echo "$why" >result)
            r=$(cat "$work/result")
            case $r in ok:*) ok=1; why=${r#ok: } ;; *) ok=0; why=$r ;; esac ;;
        *)
            fn=case_$(echo "$name" | tr - _)
            (cd "$work" && $fn) >"$work/out" 2>"$work/err"
            rc=$?
            ok=1
            if [ "$rc" != "$want" ]; then ok=0; why="exit $rc, want $want: $(head -2 "$work/err" | tr '\n' ' ')"
            elif [ "$want" != 0 ] && ! grep -Eq "$msg" "$work/err"; then ok=0; why="message: $(head -2 "$work/err" | tr '\n' ' ')"
            elif ! (cd "$work" && wh_ok "$wh"); then ok=0; why="the warehouse is not $wh"
            fi ;;
    esac
    if [ $ok = 1 ]; then echo "fault $name: passed${why:+ ($why)}"; else echo "FAIL fault/$name: $why"; fi
done > "$T/results"
cat "$T/results"
pass=$(grep -c '^fault .*: passed' "$T/results")
fail=$(grep -c '^FAIL' "$T/results")
echo "faults: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
