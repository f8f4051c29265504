#!/bin/sh
# r.sh -- the R package (bindings/r/entente): R CMD build, then R CMD check
# --no-manual (which runs its testthat tests on the fixture panel against
# the CLI), against the tree's libentente through pkg-config.  Debian's
# r-base-dev and r-cran-testthat (scripts/deps.sh).
case "$B" in *san*) echo "not under sanitizers"; exit 77 ;; esac
command -v R >/dev/null || { echo "no R"; exit 77; }
Rscript -e 'library(testthat)' >/dev/null 2>&1 || { echo "no testthat"; exit 77; }
set -e
W="$TMPD/r"; rm -rf "$W"; mkdir -p "$W"
. "$ROOT/tests/sh/bindings.inc"
export PKG_CONFIG_PATH="$ROOT/$B"
cd "$W"
R CMD build --no-build-vignettes "$ROOT/bindings/r/entente" > build.out 2>&1 || { cat build.out; exit 1; }
_R_CHECK_FORCE_SUGGESTS_=false R CMD check --no-manual entente_*.tar.gz > check.out 2>&1 || {
    cat check.out; cat entente.Rcheck/tests/testthat.Rout.fail 2>/dev/null; exit 1; }
cat check.out | grep -E 'Status|WARNING|ERROR'
# no warnings that matter: any WARNING fails
if grep -q 'WARNING' check.out; then exit 1; fi
grep -q 'Status: OK\|Status: [0-9]* NOTE' check.out
