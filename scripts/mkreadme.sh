#!/bin/sh
# mkreadme.sh -- write README.md to stdout from its sections in docs/readme/,
# the one copy of each text.  tests/sh/readme.sh checks README.md is current.
#   sh scripts/mkreadme.sh > README.md
set -e
cd "$(dirname "$0")/../docs/readme"
first=1
for part in intro data commands firstrun index report panel agree sources meetings events ideal faults \
            library layout; do
    [ -f "$part.md" ] || { echo "mkreadme: docs/readme/$part.md is missing" >&2; exit 1; }
    [ $first -eq 1 ] || echo
    first=0
    cat "$part.md"
done
