#!/bin/sh
# Event data reach the panel: `entente events --store` marks the panel stale,
# the next build rebuilds it, and ev_* sum both directions of the stored
# dyad-year counts; a dyad-year with no stored event stays missing, not 0.
[ -d "$DATA/gdelt_sample" ] || { echo "no $DATA/gdelt_sample"; exit 77; }
cd "$TMPD" || exit 1
cp "$DATADB" ev.db
ENTENTE_DATA="$DATA" $ENTENTE events "$DATA"/gdelt_sample/GDELT1_Georgia_*.csv --store --db ev.db --quiet || exit 1
[ "$(sqlite3 ev.db "SELECT sha256 FROM sources WHERE name = 'panel'")" = "stale: events stored" ] ||
    { echo "FAIL: panel not marked stale"; exit 1; }
$ENTENTE build --data "$DATA" --db ev.db 2>&1 | grep '^panel' || exit 1
want=$(sqlite3 ev.db "SELECT SUM(events) FROM events_dyad_year WHERE year = 2012 AND quad = 1 AND
    ((ccode1 = 365 AND ccode2 = 372) OR (ccode1 = 372 AND ccode2 = 365))")
got=$(sqlite3 ev.db "SELECT ev_verbal_coop FROM panel WHERE ccode1 = 365 AND ccode2 = 372 AND year = 2012")
echo "RUS-GRG 2012 verbal cooperation: panel $got, stored events $want"
[ -n "$got" ] && [ "$got" = "$want" ] || { echo "FAIL"; exit 1; }
none=$(sqlite3 ev.db "SELECT count(*) FROM panel p WHERE year = 2012 AND ev_verbal_coop IS NOT NULL AND NOT EXISTS
    (SELECT 1 FROM events_dyad_year e WHERE e.year = 2012 AND ((e.ccode1 = p.ccode1 AND e.ccode2 = p.ccode2)
     OR (e.ccode1 = p.ccode2 AND e.ccode2 = p.ccode1)))")
[ "$none" = 0 ] || { echo "FAIL: $none dyad-years without events coded"; exit 1; }
[ "$(sqlite3 ev.db "SELECT count(*) FROM panel WHERE year = 2014 AND ev_verbal_coop IS NOT NULL")" = 0 ] ||
    { echo "FAIL: a year outside the stored events has values"; exit 1; }
echo ok
