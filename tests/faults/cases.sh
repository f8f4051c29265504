# cases.sh -- the commands of each case of matrix.tsv, sourced by run.sh.
# Each case_NAME runs in a fresh folder holding d/ (a copy of
# tests/fixtures/panel with one file changed, so that a build has work to do),
# w.db (the warehouse built from the unchanged copy) and iofail.so; its stderr
# and exit status are what the matrix checks.  $ENTENTE, $FIX, $DATA are set.

iofail() { mode=$1; shift; IOFAIL="$mode" LD_PRELOAD="$SHIM" "$@"; }

case_build_enospc() { iofail enospc:w.db:4096 $ENTENTE build --quiet --data d --db w.db; }
case_build_eio() { iofail eio:w.db:4096 $ENTENTE build --quiet --data d --db w.db; }
case_build_short() { iofail short:w.db:0 $ENTENTE build --quiet --data d --db w.db; }
case_build_fsync_eio() { iofail fsync-eio:w.db:0 $ENTENTE build --quiet --data d --db w.db; }
case_build_journal_enospc() { iofail enospc:w.db-journal:0 $ENTENTE build --quiet --data d --db w.db; }
case_build_ulimit() { (ulimit -f 64; $ENTENTE build --quiet --force --data d --db w.db); }
case_build_killed_journal() {
    ENTENTE_FAULT=kill-after:sipri_arms_transfers_tiv $ENTENTE build --quiet --data d --db w.db 2>/dev/null
    [ -e w.db-journal ] || { echo "no journal after the kill" >&2; return 9; }
    $ENTENTE states JPN --db w.db >/dev/null || return $?
    [ ! -e w.db-journal ] || { echo "the stale journal is still there" >&2; return 9; }
}

# -o files: out.csv holds "old" before; after a failure it must still, and no
# temporary may be left beside it.
out_check() {
    rc=$1
    if [ "$rc" -ne 0 ]; then
        [ "$(cat out.csv)" = old ] || { echo "out.csv was changed by a failed write" >&2; return 9; }
    fi
    [ -z "$(ls | grep 'out\.csv\.tmp')" ] || { echo "a temporary was left" >&2; return 9; }
    return "$rc"
}
case_out_enospc() { echo old > out.csv; iofail enospc:out.csv:10 $ENTENTE states --db w.db -o out.csv; out_check $?; }
case_out_eio() { echo old > out.csv; iofail eio:out.csv:100 $ENTENTE panel --db w.db -o out.csv; out_check $?; }
case_out_short() {
    $ENTENTE panel --db w.db -o want.csv
    iofail short:out.csv:0 $ENTENTE panel --db w.db -o out.csv || return $?
    cmp want.csv out.csv >&2 || return 9
}
case_out_fsync_eio() {
    echo old > out.csv
    ENTENTE_DATA="$DATA" iofail fsync-eio:out.csv:0 $ENTENTE events "$FIX/events/good.tsv" \
        --db w.db --partial --quiet -o out.csv
    out_check $?
}
case_out_ulimit() { echo old > out.csv; (ulimit -f 1; $ENTENTE panel --db w.db -o out.csv); out_check $?; }

# allocation loops: the command of each N; reference output in want.out
alloc_build() { $ENTENTE build --quiet --data d --db w.db; }
alloc_compare() {
    $ENTENTE compare CHN-RUS --with allies:USA --config "$FIX/index/small.conf" --db c.db \
        --draws 20 --seed 1
}
alloc_rank() { $ENTENTE rank --config "$FIX/index/small.conf" --db c.db; }
alloc_events() { ENTENTE_DATA="$DATA" $ENTENTE events "$FIX/events/good.tsv" --threads 1 --quiet --db w.db --format json; }
alloc_report() { $ENTENTE panel --from 2014 --to 2014 --format json -o out.json --db w.db && cat out.json; }
alloc_states() { $ENTENTE states --year 2014 --db w.db -o out.txt && cat out.txt; }
