#!/bin/sh
# internals_docs.sh -- every module of src/ has its page docs/internals/MODULE.md,
# and the page says what the module owns (the word own, owns, owned or owner).
cd "$ROOT" || exit 1
bad=0
for d in src/*/; do
    m=$(basename "$d")
    page="docs/internals/$m.md"
    if [ ! -f "$page" ]; then
        echo "src/$m has no page $page"; bad=1
    elif ! grep -qiwE "own|owns|owned|owner" "$page"; then
        echo "$page does not say what src/$m owns"; bad=1
    fi
done
[ $bad -eq 0 ] && echo ok
exit $bad
