#!/bin/sh
# cli_includes.sh -- the CLI is one user of the public API: no file in cli/
# includes a header outside include/ (its own cli/*.h aside).  A quoted
# include must name a file in cli/ or in include/; system headers use <>.
bad=0
for f in "$ROOT"/cli/*.c "$ROOT"/cli/*.h; do
    grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" |
    while IFS= read -r line; do
        h=$(printf '%s\n' "$line" | sed 's/.*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/')
        if [ -f "$ROOT/cli/$h" ] || [ -f "$ROOT/include/$h" ]; then
            continue
        fi
        echo "${f#$ROOT/}:${line%%:*}: includes \"$h\", a header outside include/"
    done
done > "$TMPD/cli_includes.out"
if [ -s "$TMPD/cli_includes.out" ]; then
    cat "$TMPD/cli_includes.out"
    exit 1
fi
# and the <entente...> form must resolve in include/ too
for f in "$ROOT"/cli/*.c "$ROOT"/cli/*.h; do
    grep -o '#[[:space:]]*include[[:space:]]*<entente[^>]*>' "$f" | sed 's/.*<\(.*\)>/\1/' |
    while read -r h; do
        [ -f "$ROOT/include/$h" ] || echo "${f#$ROOT/}: includes <$h>, not in include/"
    done
done > "$TMPD/cli_includes.out"
[ -s "$TMPD/cli_includes.out" ] && { cat "$TMPD/cli_includes.out"; exit 1; }
exit 0
