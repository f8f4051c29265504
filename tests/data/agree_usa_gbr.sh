#!/bin/sh
# USA-GBR agreement against an independent Python computation from the raw CSVs.
cd "$TMPD" || exit 1
. "$ROOT/tests/data/agree_lib.inc"
check USA GBR US GB 1946 1950 quadratic session - -
check USA UKG US GB 1980 1989 quadratic session - -
check 2 200 US GB 2005 2008 nominal session - - --weights nominal
check USA GBR US GB 1990 2019 quadratic session me - --issue me --weights quadratic
[ $fails -eq 0 ]
