#!/bin/sh
# mkman.sh ENTENTE -- write the man page (docs/entente.1) to stdout from the
# binary's own help, so that the two never disagree.  tests/data/manpage.sh
# checks that docs/entente.1 is current and runs every example in it.
set -e
E=${1:-build/entente}
esc() { sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\\&'/" ; }
cat <<'HEAD'
.TH ENTENTE 1 "2026" "entente 0.1.0" "User Commands"
.SH NAME
entente \- how consequential is the relationship between two states?
.SH SYNOPSIS
.B entente
.I VERB
[options]
.SH DESCRIPTION
entente loads the public data sets of international relations (COW, ATOP,
UN General Assembly votes, trade, arms transfers, leader meetings, event data)
into one SQLite warehouse, computes dyad-year measures and a composite index,
ranks relationships and tests claims about them.
Missing is never zero: a year outside a source's coverage is empty (NULL).
.PP
Every command that reads the warehouse takes
.B \-\-db FILE
(default entente.db, or $ENTENTE_DB); commands that read data sets take
.B \-\-data DIR
(default $ENTENTE_DATA, else ../shared/data).
Output is a table, CSV or JSON (\fB\-\-format\fR); \fB\-o FILE\fR replaces FILE atomically.
States are given as a COW abbreviation, ISO3, ISO2, COW number or name.
.SH COMMANDS
HEAD
$E --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p' | while read -r verb; do
    printf '.SS %s\n.nf\n' "$verb"
    $E "$verb" --help | esc
    printf '.fi\n'
done
cat <<'TAIL'
.SH EXIT STATUS
0 on success; 1 when the data or the request is in error (the message names
file:line and field for bad input); 2 on a usage error.
.SH ENVIRONMENT
ENTENTE_DATA, ENTENTE_DB.
.SH FILES
docs/measures.md: every indicator, its formula, source and coverage.
.SH SEE ALSO
sqlite3(1)
TAIL
