#!/bin/sh
# bench_ideal.sh -- the ideal-point estimator (src/ideal/, issue 15), on the
# real warehouse (the shape of the real thing: every stored roll call).
#   1. the whole Assembly (1946-2023: ~6,500 roll calls, 199 states, ~915,000
#      yes/abstain/no votes) to convergence: EM steps, user CPU and wall
#      (target <= 10 s on this 2-core machine).  The machine is shared by
#      several engineers: wall time is inflated by the load, so the figure
#      to read is user CPU (both threads' work added) and the EM steps.
#   2. the bootstrap on sessions $Y1-$Y2 (default 2005-2014: ~950 roll calls,
#      192 states): 8 replicates on 1 and on 2 threads (CPU equal, wall
#      halved when two cores are free), and 16 on 2 threads (linear in N).
#   3. peers on sessions $PY1-$PY2 (default 2010-2014: 419 roll calls, 193
#      states, ~74,000 votes; binarised for them, yes 1, no 0, abstain
#      missing, as their users do), in the same run: entente, pscl's ideal
#      (static, state-years as legislators; $PSCL_ITER iterations, default
#      2000, half burn-in, thin 10) and MCMCpack's MCMCdynamicIRT1d (dynamic;
#      a budget of $MCMC_ITER kept draws, default 200, after $MCMC_ITER/2
#      burn-in, thin 2: about 2 minutes of CPU).  MCMCdynamicIRT1d costs
#      ~0.4 s of CPU per iteration on this subset; the 3,000 iterations of an
#      earlier version of this bench on 2005-2014 did not finish in 30
#      minutes, so its chain here is short and its correlation is a floor.
#      PEERS=0 skips step 3.
#      Each prints seconds and the median / minimum yearly correlation across
#      states with BSV's published IdealPointAll (July 2025).
# Uses the warehouse $DB (default entente.db), building it from $DATA when
# missing; step 3 needs Rscript with r-cran-pscl and r-cran-mcmcpack.
set -e
B=${B:-build}; DATA=${DATA:-../shared/data}; DB=${DB:-entente.db}
Y1=${Y1:-2005}; Y2=${Y2:-2014}; PY1=${PY1:-2010}; PY2=${PY2:-2014}
PSCL_ITER=${PSCL_ITER:-2000}; MCMC_ITER=${MCMC_ITER:-200}
E=$B/entente
BSV=$DATA/unga_ideal_points/IdealpointsJuly2025.csv
[ -f "$DB" ] || $E build --quiet --data "$DATA" --db "$DB"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
HERE=$(cd "$(dirname "$0")" && pwd)
timed() { # timed NAME CMD...: runs CMD, leaves "wall user sys" in $T/NAME.time
    n=$1; shift
    /usr/bin/time -f '%e %U %S' -o "$T/$n.time" "$@"
}

echo "== whole Assembly (all stored sessions), 2 threads"
timed all $E idealpoints --db "$DB" --format csv -o "$T/all.csv" 2> "$T/all.err"
sed 's/^/  /' "$T/all.err"
read wall usr sys < "$T/all.time"
printf '  CPU %s s user + %s s sys (both threads), wall %s s at load average %s\n' \
    "$usr" "$sys" "$wall" "$(cut -d' ' -f1 /proc/loadavg)"
printf '  target: <= 10 s; reading the votes from the warehouse included\n'
python3 "$HERE/../tests/data/ideal_bsv.py" "$T/all.csv" "$BSV" | sed 's/^/  vs BSV: /' || true

echo "== bootstrap, sessions $Y1-$Y2"
for run in "8 1" "8 2" "16 2"; do
    set -- $run
    timed boot $E idealpoints --db "$DB" --from "$Y1" --to "$Y2" --bootstrap "$1" --threads "$2" \
        --format csv -o "$T/boot.csv" 2> "$T/boot.err"
    read wall usr sys < "$T/boot.time"
    printf '  %2d replicates, --threads %d: wall %6.2f s, CPU %6.2f s user (whole run, fit included); %s\n' \
        "$1" "$2" "$wall" "$usr" "$(grep '^se, lo' "$T/boot.err" | sed 's/.*interval, //')"
done

echo "== sessions $PY1-$PY2: entente vs pscl::ideal vs MCMCpack::MCMCdynamicIRT1d"
timed sub $E idealpoints --db "$DB" --from "$PY1" --to "$PY2" --format csv -o "$T/sub.csv" 2>/dev/null
read wall usr sys < "$T/sub.time"
printf '%-36s %7.1f s CPU %7.1f s wall   ' "entente idealpoints (ordinal)" "$usr" "$wall"
python3 "$HERE/../tests/data/ideal_bsv.py" "$T/sub.csv" "$BSV" | sed 's/.*median correlation \([0-9.]*\); min \([0-9.]*\) (\([0-9]*\)).*/median r \1   min r \2 (\3)/'
if [ "${PEERS:-1}" = 0 ]; then
    echo "  (PEERS=0: R estimators skipped)"
elif command -v Rscript >/dev/null && Rscript -e 'library(pscl); library(MCMCpack)' >/dev/null 2>&1; then
    sqlite3 -csv -header "$DB" "SELECT v.rcid, r.year, v.ccode, v.vote FROM un_votes v
        JOIN un_roll_calls r ON r.rcid = v.rcid WHERE r.year BETWEEN $PY1 AND $PY2" > "$T/votes.csv"
    python3 - "$BSV" > "$T/bsv.csv" <<'PY'
import csv, sys
w = csv.writer(sys.stdout); w.writerow(["ccode", "year", "idealpointall"])
for r in csv.DictReader(open(sys.argv[1])):
    try: w.writerow([int(float(r["ccode"])), int(float(r["year"])), float(r["idealpointall"])])
    except ValueError: pass
PY
    Rscript "$HERE/bench_ideal.R" "$T/votes.csv" "$T/bsv.csv" "$PSCL_ITER" "$MCMC_ITER"
else
    echo "  (Rscript with r-cran-pscl and r-cran-mcmcpack not installed: R estimators skipped)"
fi
