#!/bin/sh
# Scale-out equivalence on the real samples: threads, byte-range splits,
# partial aggregates merged, and mpirun with 2 and 4 ranks all give output
# byte-identical to the single-threaded run.
[ -d "$DATA/gdelt_sample" ] || { echo "no $DATA/gdelt_sample"; exit 77; }
W="$TMPD/evmpi"; mkdir -p "$W"; cd "$W" || exit 1
export ENTENTE_DATA="$DATA"
G=$(ls "$DATA"/gdelt_sample/GDELT1_Georgia_*.csv)
T="$DATA/gdelt_sample/GDELT1_raw_daily_export_sample_710rows.tsv"
I="$DATA/icews_sample/events.2018.sample.tab"
fail=0
same() { if cmp -s "$1" "$2"; then echo "$3: identical"; else echo "FAIL $3 differs"; diff "$1" "$2" | head -5; fail=1; fi; }
"$ENTENTE" events $G $T $I --by month --key code --threads 1 -o one.csv --quiet || exit 1
"$ENTENTE" events $G $T $I --by month --key code --threads 2 --split-bytes 4096 -o split.csv --quiet || exit 1
same one.csv split.csv "2 threads, 4 KiB byte ranges"
"$ENTENTE" events $G --by month --key code --partial -o a.part --quiet || exit 1
"$ENTENTE" events $T --by month --key code --partial --split-bytes 10000 -o b.part --quiet || exit 1
"$ENTENTE" events $I --by month --key code --partial -o c.part --quiet || exit 1
"$ENTENTE" events --merge c.part a.part b.part -o merged.csv --quiet || exit 1
same one.csv merged.csv "merge of 3 partials"
if ! command -v mpirun >/dev/null; then echo "no mpirun: MPI not checked"; exit $fail; fi
MPI="mpirun --oversubscribe"
# Open MPI's runtime keeps allocations in plugins it unloads at exit, which
# LeakSanitizer reports from "<unknown module>"; leak checking of entente's own
# code is done by every single-process test, so it is off under mpirun only.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"; export ASAN_OPTIONS
[ "$(id -u)" = 0 ] && MPI="$MPI --allow-run-as-root"
for n in 2 4; do
    $MPI -np $n "$ENTENTE" events $G $T $I --by month --key code --split-bytes 5000 \
        -o mpi$n.csv > mpi$n.log 2>&1 || { echo "FAIL mpirun -np $n"; cat mpi$n.log; fail=1; continue; }
    same one.csv mpi$n.csv "mpirun -np $n"
    grep -q "rows read = " mpi$n.log || { echo "FAIL: no row accounting from -np $n"; fail=1; }
done
# a malformed row found by some rank is the same first error as in one process
"$ENTENTE" events "$FIX/events/good.tsv" "$FIX/events/bad_date.tsv" > one.err 2>&1
$MPI -np 2 "$ENTENTE" events "$FIX/events/good.tsv" "$FIX/events/bad_date.tsv" > mpi.err 2>&1
grep -v "^-----\|^prterun\|^mpirun\|^Primary\|^$\|^ *Process\|^ *Exit\|job" mpi.err | head -1 > mpi.err1
same one.err mpi.err1 "first error under mpirun"
exit $fail
