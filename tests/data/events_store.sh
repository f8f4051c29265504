#!/bin/sh
# --store writes events_dyad_year (the panel's event source) into the warehouse:
# hand-checked rows from tests/fixtures/events/good.tsv.
[ -f "$DATADB" ] || { echo "no warehouse"; exit 77; }
command -v sqlite3 >/dev/null || { echo "no sqlite3 shell"; exit 77; }
W="$TMPD/evstore"; mkdir -p "$W"; cp "$DATADB" "$W/w.db"
ENTENTE_DATA="$DATA" "$ENTENTE" events "$FIX/events/good.tsv" --store --db "$W/w.db" --quiet || exit 1
got=$(sqlite3 "$W/w.db" "SELECT ccode1,ccode2,year,quad,events,goldstein_sum,goldstein_n,mentions FROM events_dyad_year ORDER BY 1,2,3,4; SELECT rows_read, aggregated, filtered, rejected FROM events_runs")
want="2|365|2016|1|3|4.8|3|13
2|365|2016|4|1|-10.0|1|7
365|2|2016|3|1|-2.0|1|1
710|365|2015|2|3|15.0|2|10
12|8|3|1"
[ "$got" = "$want" ] || { echo "got:"; echo "$got"; echo "want:"; echo "$want"; exit 1; }
echo "events_dyad_year ok"
