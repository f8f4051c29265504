#!/bin/sh
# layers.sh -- the module layering of src/: core includes no other module, and
# the state registry sits below the store (its persistence is its own,
# src/states/registry_db.c): nothing in src/core or src/states includes
# src/store.  Each offending #include is printed with its file and line.
cd "$ROOT" || exit 1
bad=0
out=$(grep -n '#include "\.\./' src/core/*.c src/core/*.h 2>/dev/null)
if [ -n "$out" ]; then
    echo "src/core includes another module:"; echo "$out"; bad=1
fi
out=$(grep -n '#include "\.\./store/' src/states/*.c src/states/*.h 2>/dev/null)
if [ -n "$out" ]; then
    echo "src/states includes src/store (a cycle: the store includes the registry):"
    echo "$out"; bad=1
fi
[ $bad -eq 0 ] && echo ok
exit $bad
