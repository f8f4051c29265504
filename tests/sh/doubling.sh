#!/bin/sh
# doubling.sh -- every growable array of the library goes through
# src/core/dynbuf.c (ent_dynbuf, ent_grow: a size cap and a message naming
# what grows), so no file of src/ calls realloc or ent_realloc except
# dynbuf.c and core.c (ent_realloc itself, the allocation hook; core.h
# declares it).  Each offending call is printed with its file and line.
cd "$ROOT" || exit 1

out=$(grep -rnE '(^|[^A-Za-z0-9_])(ent_)?realloc(array)?[[:space:]]*\(' src \
          --include='*.c' --include='*.h' |
      grep -vE '^src/core/(dynbuf\.c|core\.c|core\.h):' | sort)
if [ -n "$out" ]; then
    echo "realloc outside src/core/dynbuf.c (grow with ent_grow or ent_dynbuf, with a cap):"
    printf '%s\n' "$out"
    exit 1
fi
echo ok
exit 0
