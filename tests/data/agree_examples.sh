#!/bin/sh
# Every example of `entente agree --help` runs against the data warehouse.
[ -d "$DATA/unvotes" ] || { echo "no $DATA/unvotes"; exit 77; }
cd "$TMPD" || exit 1
fails=0
"$ENTENTE" agree --help | sed -n '/^examples:/,$p' | sed -n 's/^  entente //p' > examples
[ -s examples ] || { echo "FAIL: no examples"; exit 1; }
while read -r line; do
    # shellcheck disable=SC2086
    if eval "\"\$ENTENTE\" $line --db \"\$DATADB\"" > out 2>&1 && [ "$(wc -l < out)" -ge 2 ]; then
        echo "ok: $line"
    else
        echo "FAIL: $line"; cat out; fails=$((fails + 1))
    fi
done < examples
# an unknown issue code lists the known ones
"$ENTENTE" agree USA CHN --issue xx --db "$DATADB" > out 2>&1
grep -qF "entente: agree: --issue: 'xx' is not one of co, di, ec, hr, me, nu" out || { echo "FAIL: --issue xx"; cat out; fails=$((fails + 1)); }
[ $fails -eq 0 ]
