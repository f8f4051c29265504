#!/bin/sh
# exports.sh -- the linker version script of libentente.so: every function
# declared in the public headers given as arguments is exported, nothing else.
# A function is public when its declaration, in include/, names it ent_xxx(.
set -e
echo "ENTENTE_0 {"
echo "  global:"
sed -e 's|/\*.*\*/||g' "$@" | grep -o '\bent_[a-z0-9_]*[ ]*(' | sed 's/[ (]//g' | sort -u |
    while read -r f; do echo "    $f;"; done
echo "  local: *;"
echo "};"
