#!/bin/sh
# readme.sh -- README.md is made from docs/readme/*.md (scripts/mkreadme.sh):
# check that it is current, so that each text has one copy.
sh "$ROOT/scripts/mkreadme.sh" > "$TMPD/README.md" || exit 1
if ! cmp -s "$TMPD/README.md" "$ROOT/README.md"; then
    diff -u "$ROOT/README.md" "$TMPD/README.md" | head -20
    echo "README.md is stale: run sh scripts/mkreadme.sh > README.md"
    exit 1
fi
