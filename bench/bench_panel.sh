#!/bin/sh
# bench_panel.sh -- timings of the panel and the index on the real data:
#   a full build of every source into a fresh warehouse (target <= 30 s),
#   the panel step alone with and without its covering indexes,
#   `entente panel --from 1946 --to 2019` (target <= 5 s),
#   `entente rank --year 2014` over all dyads (target <= 1 s),
#   `entente compare CHN-RUS --with allies:USA --draws 1000` (target <= 10 s).
# Anchors (peacesciencer, R): create_dyadyears() ~4.7 s; its alliance-portfolio
# similarity matrices ~2.7 hours.
set -e
B=${B:-build}; DATA=${DATA:-../shared/data}
E=$B/entente
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
t() { s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
printf '%-58s %8s\n' "step" "seconds"
printf '%-58s %8.2f\n' "entente build (all sources, fresh warehouse)" "$(t $E build --data $DATA --db $T/w.db)"
printf '%-58s %8.2f\n' "panel step alone (indexes exist)" "$(t $E build --data $DATA --db $T/w.db --only panel --force)"
n=$(sqlite3 $T/w.db "SELECT count(*) FROM panel")
printf '%-58s %8s\n' "dyad-years in the panel" "$n"
printf '%-58s %8.2f\n' "entente panel --from 1946 --to 2019 -o panel.csv" "$(t $E panel --from 1946 --to 2019 --db $T/w.db -o $T/p.csv)"
printf '%-58s %8s\n' "  rows written" "$(($(wc -l < $T/p.csv) - 1))"
printf '%-58s %8.2f\n' "entente rank --year 2014 (all dyads)" "$(t $E rank --year 2014 --db $T/w.db)"
printf '%-58s %8.2f\n' "entente compare CHN-RUS --with allies:USA --draws 1000" "$(t $E compare CHN-RUS --with allies:USA --draws 1000 --seed 1 --db $T/w.db)"
