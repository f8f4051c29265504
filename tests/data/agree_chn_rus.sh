#!/bin/sh
# CHN-RUS agreement against an independent Python computation from the raw
# unvotes CSVs: stored panel (session years, quadratic), other weights,
# calendar years, an issue filter and important votes.
cd "$TMPD" || exit 1
. "$ROOT/tests/data/agree_lib.inc"
check CHN RUS CN RU 2010 2019 quadratic session - -
check CHN RUS CN RU 1972 1975 quadratic session - -
check China Russia CN RU 1995 2000 nominal session - - --weights nominal
check CHN RUS CN RU 2003 2006 linear session - - --weights linear
check CHN RUS CN RU 2012 2016 quadratic calendar - - --calendar-year
check CHN RUS CN RU 1990 2019 quadratic session hr - --issue hr
check CHN RUS CN RU 1985 2019 quadratic session - important --important
[ $fails -eq 0 ]
