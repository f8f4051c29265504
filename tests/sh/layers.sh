#!/bin/sh
# layers.sh -- the module layering of src/, bottom up:
#   core           includes no other module;
#   fetch          includes only core: the manifest and downloads sit below
#                  the registry (src/states/registry.c asks fetch for a
#                  prepared file's original) and the build (src/store/build.c
#                  does too), so fetch never includes src/store or
#                  src/states; the build's source table reaches it as the
#                  lookup its caller passes (src/api/fetch.c);
#   states         sits below the store (its persistence is its own,
#                  src/states/registry_db.c): it never includes src/store.
# An include is either form, "../store/store.h" or "store/store.h" (-Isrc).
# Each offending #include is printed with its file and line.
cd "$ROOT" || exit 1
bad=0
out=$(grep -nE '#include "(\.\./)?[a-z_]+/' src/core/*.c src/core/*.h 2>/dev/null |
      grep -vE '#include "(\.\./)?core/|#include "entente/')
if [ -n "$out" ]; then
    echo "src/core includes another module:"; echo "$out"; bad=1
fi
out=$(grep -nE '#include "(\.\./)?[a-z_]+/' src/fetch/*.c src/fetch/*.h 2>/dev/null |
      grep -vE '#include "(\.\./)?core/|#include "entente/')
if [ -n "$out" ]; then
    echo "src/fetch includes a module other than core (a cycle: the store and the registry" \
         "include fetch):"
    echo "$out"; bad=1
fi
out=$(grep -nE '#include "(\.\./)?store/' src/states/*.c src/states/*.h 2>/dev/null)
if [ -n "$out" ]; then
    echo "src/states includes src/store (a cycle: the store includes the registry):"
    echo "$out"; bad=1
fi
[ $bad -eq 0 ] && echo ok
exit $bad
