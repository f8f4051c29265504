#!/bin/sh
# docs/entente.1 is generated from the binary's help (scripts/mkman.sh): check
# it is current, then run every example it shows against the real warehouse.
# Each must exit 0.
sh "$ROOT/scripts/mkman.sh" "$ENTENTE" > "$TMPD/entente.1"
if ! diff -u "$ROOT/docs/entente.1" "$TMPD/entente.1" > "$TMPD/man.diff"; then
    head -20 "$TMPD/man.diff"
    echo "docs/entente.1 is stale: run sh scripts/mkman.sh build/entente > docs/entente.1"
    exit 1
fi
[ -d "$DATA" ] || { echo "no $DATA: examples not run"; exit 77; }
T="$TMPD/man"; mkdir -p "$T/shared" "$T/work"
ln -s "$DATA" "$T/shared/data"
cp "$DATADB" "$T/work/entente.db"
cd "$T/work" || exit 1
mkdir -p bin; ln -s "$ENTENTE" bin/entente
PATH="$T/work/bin:$PATH"; export PATH
unset ENTENTE_DB
ENTENTE_DATA="$T/shared/data"; export ENTENTE_DATA
n=0; bad=0
sed -n '/^examples:/,/^\.fi/p' "$ROOT/docs/entente.1" | sed -n 's/^  \(entente .*\)$/\1/p' | sed 's/\\e/\\/g' > examples
while IFS= read -r ex; do
    n=$((n + 1))
    if ! sh -c "$ex" > out 2>&1; then
        bad=$((bad + 1)); echo "FAIL: $ex"; tail -5 out
    fi
done < examples
echo "$n examples run, $bad failed"
[ "$n" -gt 0 ] && [ "$bad" -eq 0 ]
