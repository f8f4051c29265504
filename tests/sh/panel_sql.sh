#!/bin/sh
# panel_sql.sh -- one owner for the table `panel`: src/panel creates it
# (assemble.c, the schema's owner) and reads it (row.c, the row accessor that
# the index, dyad, export and the bindings use).  No other file of src/ or
# cli/ writes SQL naming the table: SELECT ... FROM panel, JOIN panel,
# INSERT INTO panel, UPDATE panel, CREATE/DROP TABLE panel, or
# pragma_table_info('panel'), in a string literal (a comment that talks about
# the table is not SQL).  panel_directed, the panel's view, counts as the
# panel.  Each offending line is printed with its file and line.
cd "$ROOT" || exit 1
sql='"[^"]*(from|join|into|update|table)[[:space:]]+(\\"|\[)?panel([^a-z0-9_]|$)'
sql="$sql"'|"[^"]*(from|join|into|update|table)[[:space:]]+(\\"|\[)?panel_directed'
sql="$sql"'|table_info\([[:space:]]*(\\"|'"'"')?panel'
out=$(grep -rnEi "$sql" src cli --include='*.c' --include='*.h' | grep -v '^src/panel/')
if [ -n "$out" ]; then
    echo "SQL against the table panel outside src/panel (read it with ent_panel_rows_read," \
         "src/panel/panel.h):"
    echo "$out"
    exit 1
fi
echo ok
exit 0
