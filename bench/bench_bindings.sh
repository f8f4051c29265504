#!/bin/sh
# bench_bindings.sh -- the cost of a call from Python and from R against the
# CLI doing the same work (issue 13: "a call costs no more than the CLI"):
# the headline claim `compare CHN-RUS --with allies:USA@2018 --from 2014
# --to 2023` (the subject and the 30-odd US defence allies of 2018 scored
# among all ~19,000 dyads of each of ten years) on the real warehouse.
#   CLI:    the whole `entente compare ... --format csv` process, best of 3
#   Python: entente.compare(...) in a warm interpreter (result to a
#           DataFrame included), best of 5; then the interpreter's start
#           and import once
#   R:      ent_compare(...) likewise (package installed into a temporary
#           library through pkg-config)
# Uses the warehouse $DB (default entente.db), building it from $DATA when
# missing.  Python needs pandas; R is skipped when absent.
set -e
B=${B:-build}; DATA=${DATA:-../shared/data}; DB=${DB:-entente.db}
E=$B/entente; ROOT=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$DB" ] || $E build --quiet --data "$DATA" --db "$DB"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
ARGS="CHN-RUS --with allies:USA@2018 --from 2014 --to 2023"
t() { s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
best() { b=""; for i in 1 2 3; do x=$(t "$@"); if [ -z "$b" ] || [ "$(echo "$x < $b" | bc)" = 1 ]; then b=$x; fi; done; echo "$b"; }
printf '%-58s %8s\n' "compare $ARGS" "seconds"
# shellcheck disable=SC2086
printf '%-58s %8.3f\n' "CLI process (best of 3)" "$(best $E compare $ARGS --format csv --db "$DB")"
export ENTENTE_LIB="$ROOT/$B/libentente.so"
/usr/bin/python3 - "$ROOT/bindings/python" "$DB" <<'PY'
import sys, time
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[1])
import entente
entente.open(sys.argv[2])
t1 = time.perf_counter()
best = min((lambda s: (entente.compare("CHN-RUS", with_="allies:USA@2018", from_=2014, to=2023),
                       time.perf_counter() - s)[1])(time.perf_counter()) for _ in range(5))
print("%-58s %8.3f" % ("Python entente.compare, warm (best of 5)", best))
print("%-58s %8.3f" % ("Python import pandas+entente and open, once", t1 - t0))
PY
if command -v Rscript >/dev/null; then
    mkdir -p "$T/lib" "$T/rsrc"
    # a copy, without objects a build in the tree may have left (they would be
    # reused after a header change)
    cp -R "$ROOT/bindings/r/entente" "$T/rsrc/" && rm -f "$T"/rsrc/entente/src/*.o "$T"/rsrc/entente/src/*.so
    PKG_CONFIG_PATH="$ROOT/$B" R CMD INSTALL --preclean -l "$T/lib" "$T/rsrc/entente" > "$T/inst.log" 2>&1 ||
        { tail -5 "$T/inst.log"; exit 1; }
    Rscript -e '
t0 <- proc.time()[["elapsed"]]
library(entente, lib.loc = commandArgs(TRUE)[1]); ent_open(commandArgs(TRUE)[2])
t1 <- proc.time()[["elapsed"]]
b <- min(sapply(1:5, function(i) system.time(
  ent_compare("CHN-RUS", "allies:USA@2018", from = 2014, to = 2023))[["elapsed"]]))
cat(sprintf("%-58s %8.3f\n", "R ent_compare, warm (best of 5)", b))
cat(sprintf("%-58s %8.3f\n", "R library(entente) and ent_open, once", t1 - t0))' "$T/lib" "$DB"
fi
