# row_accounting (issue 10 #12): derived and registry sources account for the
# rows they write and read: meet_dyad_year said "read 0" while writing 15,328
# rows; states did not count the codelist rows it reads.
[ -f "$DATADB" ] || { echo "no warehouse built from $DATA"; exit 77; }
n=$(sqlite3 "$DATADB" "SELECT count(*) FROM meet_dyad_year")
got=$(sqlite3 "$DATADB" "SELECT rows_loaded FROM sources WHERE name = 'meet_dyad_year'
                          AND rows_read = rows_loaded + rows_rejected")
echo "meet_dyad_year: $n rows; sources says loaded $got"
[ "$n" -gt 0 ] && [ "$got" = "$n" ] || { echo "FAIL: meet_dyad_year rows not accounted"; exit 1; }
spells=$(($(wc -l < "$DATA/cow_states/cow_states.csv") - 1))
codes=$(($(wc -l < "$DATA/country_codes/countrycode_codelist.csv") - 1))
got=$(sqlite3 "$DATADB" "SELECT rows_read FROM sources WHERE name = 'states'")
echo "states: $spells spells + $codes codelist rows; sources says read $got"
[ "$got" = $((spells + codes)) ] || { echo "FAIL: states rows not accounted"; exit 1; }
