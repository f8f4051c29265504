#!/bin/sh
# bench_index.sh -- timings of the index on the real data (issue targets):
#   `entente rank --year 2014` over all 18,915 dyads            (<= 1 s)
#   `entente compare CHN-RUS --with allies:USA --draws 1000`     (<= 10 s)
# Uses the warehouse $DB (default entente.db), building it from $DATA first
# when it is missing.
set -e
B=${B:-build}; DATA=${DATA:-../shared/data}; DB=${DB:-entente.db}
E=$B/entente
[ -f "$DB" ] || $E build --quiet --data "$DATA" --db "$DB"
t() { s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
best() { b=""; for i in 1 2 3; do x=$(t "$@"); if [ -z "$b" ] || [ "$(echo "$x < $b" | bc)" = 1 ]; then b=$x; fi; done; echo "$b"; }
printf '%-62s %8s %10s\n' "command (best of 3)" "seconds" "target"
printf '%-62s %8.3f %10s\n' "entente rank --year 2014 (18,915 dyads)" "$(best $E rank --year 2014 --db "$DB")" "<= 1 s"
printf '%-62s %8.3f %10s\n' "entente compare CHN-RUS --with allies:USA --draws 1000" "$(best $E compare CHN-RUS --with allies:USA --year 2014 --draws 1000 --seed 1 --db "$DB")" "<= 10 s"
