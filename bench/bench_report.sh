#!/bin/sh
# bench_report.sh -- timing of `entente report` on the real data (issue 12's
# target): a report for a 15-year span (2002-2016, every year of the group
# allies:USA@2016 scored among all ~18,000 dyads of its year) with 1,000
# robustness draws, the page and its 12 SVG files written: <= 2 s.
# Prints the best of 3 wall-clock runs and the CPU seconds of that run (the
# machine is shared: CPU time says what the report costs, wall time what a
# user waits).  Uses the warehouse $DB (default entente.db), building it from
# $DATA first when it is missing.
set -e
B=${B:-build}; DATA=${DATA:-../shared/data}; DB=${DB:-entente.db}
E=$B/entente
[ -f "$DB" ] || $E build --quiet --data "$DATA" --db "$DB"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
run() {  # prints "wall cpu"
    /usr/bin/env time -f "%e %U %S" -o "$OUT/time" "$@" > /dev/null 2>&1
    awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$OUT/time"
}
best_w=""; best_c=""
for i in 1 2 3; do
    set -- $(run $E report CHN-RUS --with allies:USA@2016 --from 2002 --to 2016 --draws 1000 \
        --seed 1 --db "$DB" --svg "$OUT/svg" -o "$OUT/report.html")
    if [ -z "$best_w" ] || [ "$(echo "$1 < $best_w" | bc)" = 1 ]; then best_w=$1; best_c=$2; fi
done
printf '%-66s %8s %8s %8s\n' "command (best of 3)" "wall s" "cpu s" "target"
printf '%-66s %8.3f %8.3f %8s\n' "entente report CHN-RUS, 15 years, 1000 draws, 12 SVG files" \
    "$best_w" "$best_c" "<= 2 s"
printf 'page: %s bytes; charts: %s files\n' "$(wc -c < "$OUT/report.html")" "$(ls "$OUT/svg" | wc -l)"
