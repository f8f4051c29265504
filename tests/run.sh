#!/bin/sh
# run.sh -- the whole test suite: cmocka unit tests, golden CLI tests
# (tests/cli/NAME/{cmd,expected[,rc]}), and data-backed tests over $DATA
# (tests/data/*.sh; exit 0 pass, 77 skipped, else fail).  Ends with the line
# "N passed, N failed, N skipped".
B=${B:-build}
DATA=${DATA:-../shared/data}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case "$DATA" in /*) ;; *) DATA="$ROOT/$DATA" ;; esac
ENTENTE="$ROOT/$B/entente"
FIX="$ROOT/tests/fixtures"
TMPD=$(mktemp -d)
trap 'rm -rf "$TMPD"' EXIT
export ENTENTE FIX DATA ROOT B TMPD
pass=0 fail=0 skip=0
failed=""

# 1. unit tests (cmocka prints its own summary per binary)
for t in "$ROOT/$B"/tests/test_*; do
    [ -x "$t" ] || continue
    out="$TMPD/unit.out"
    (cd "$ROOT" && "$t") >"$out" 2>&1
    rc=$?
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -1)
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -1)
    p=${p:-0}; f=${f:-0}
    if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    pass=$((pass + p)); fail=$((fail + f))
    if [ "$f" -ne 0 ]; then
        failed="$failed $(basename "$t")"
        cat "$out"
    fi
    echo "unit $(basename "$t"): $p passed, $f failed"
done

# 2. golden CLI tests
for d in "$ROOT"/tests/cli/*/; do
    [ -f "$d/cmd" ] || continue
    name=$(basename "$d")
    want_rc=0
    [ -f "$d/rc" ] && want_rc=$(cat "$d/rc")
    work="$TMPD/cli-$name"; mkdir -p "$work"
    (cd "$work" && sh "$d/cmd") >"$TMPD/got" 2>&1
    rc=$?
    if [ "$rc" = "$want_rc" ] && diff -u "$d/expected" "$TMPD/got" >"$TMPD/diff"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1)); failed="$failed cli/$name"
        echo "FAIL cli/$name (exit $rc, want $want_rc)"; head -40 "$TMPD/diff"
    fi
done
echo "cli: golden tests done"

# 3. data-backed tests, over one warehouse built from $DATA (DATADB)
DATADB="$TMPD/data.db"; export DATADB
if [ -d "$DATA" ] && ls "$ROOT"/tests/data/*.sh >/dev/null 2>&1; then
    if "$ENTENTE" build --data "$DATA" --db "$DATADB" >"$TMPD/build.out" 2>&1; then
        echo "data: warehouse built from $DATA"
    else
        echo "FAIL data/build"; tail -20 "$TMPD/build.out"
        fail=$((fail + 1)); failed="$failed data/build"
    fi
fi
# script tests: each tests/KIND/*.sh exits 0 pass, 77 skipped, else fail
run_scripts() {  # KIND
    for t in "$ROOT/tests/$1"/*.sh; do
        [ -f "$t" ] || continue
        name=$(basename "$t" .sh)
        sh "$t" >"$TMPD/script.out" 2>&1
        case $? in
            0) pass=$((pass + 1)); echo "$1 $name: passed" ;;
            77) skip=$((skip + 1)); echo "$1 $name: skipped ($(tail -1 "$TMPD/script.out"))" ;;
            *) fail=$((fail + 1)); failed="$failed $1/$name"
               echo "FAIL $1/$name"; tail -30 "$TMPD/script.out" ;;
        esac
    done
}
run_scripts data

# 4. standalone script tests that need no data (install, ...)
run_scripts sh

# 5. fetch tests: a loopback HTTP server injecting faults (no data needed)
run_scripts fetch

# 4. the fault-injection matrix (tests/faults/matrix.tsv)
if [ -f "$ROOT/tests/faults/run.sh" ]; then
    sh "$ROOT/tests/faults/run.sh" >"$TMPD/faults.out" 2>&1
    grep -E '^(FAIL|fault .*skipped)' "$TMPD/faults.out"
    p=$(sed -n 's/^faults: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$TMPD/faults.out")
    f=$(sed -n 's/^faults: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$TMPD/faults.out")
    [ -n "$p" ] || { p=0; f=1; tail -5 "$TMPD/faults.out"; }
    pass=$((pass + p)); fail=$((fail + f))
    [ "$f" -eq 0 ] || failed="$failed faults"
    echo "faults: $p passed, $f failed"
fi

# 5. report pages in a real browser (headless Chromium; skipped without it)
run_scripts report

[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
