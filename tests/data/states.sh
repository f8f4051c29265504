#!/bin/sh
# The registry over the real COW state list and codelist: the crosswalk cases
# users trip over, and membership counts by year.
[ -d "$DATA/cow_states" ] || { echo "no $DATA/cow_states"; exit 77; }
set -e
q() { $ENTENTE states "$@" --db "$DATADB" --format csv | sed 1d; }
check() { [ "$1" = "$2" ] || { echo "FAIL: $3: got '$1', want '$2'"; exit 1; }; }
check "$(q Russia 'Russian Federation' USSR RU 365 | cut -d, -f2 | sort -u)" 365 "Russia forms"
check "$(q Germany --year 1970 | cut -d, -f2)" 260 "Germany 1970"
check "$(q Germany --year 2000 | cut -d, -f2)" 255 "Germany 2000"
check "$(q 'East Germany' | cut -d, -f2)" 265 "GDR"
check "$(q Yemen --year 1980 | cut -d, -f2)" 678 "Yemen 1980"
check "$(q Yemen --year 2000 | cut -d, -f2)" 679 "Yemen 2000"
check "$(q 'South Yemen' | cut -d, -f2)" 680 "PDRY"
check "$(q Serbia | cut -d, -f2)" 345 "Serbia"
check "$(q Taiwan | cut -d, -f2)" 713 "ROC"
check "$(q CHN | cut -d, -f2)" 710 "PRC"
# membership: COW v2016 lists 195 states at the end of 2016 (and the spells continue)
check "$($ENTENTE states --year 2016 --db "$DATADB" --format csv | sed 1d | wc -l)" 195 "members 2016"
check "$($ENTENTE states --year 2022 --db "$DATADB" --format csv | sed 1d | wc -l)" 195 "members 2022"
check "$($ENTENTE states --year 1816 --db "$DATADB" --format csv | sed 1d | wc -l)" 23 "members 1816"
# the independent count, straight from the raw file
raw=$(awk -F, 'NR>1 && $4<=2016 && $7>=2016' "$DATA/cow_states/cow_states.csv" | cut -d, -f2 | sort -u | wc -l)
check "$raw" 195 "raw count 2016"
raw=$(awk -F, 'NR>1 && $4<=1816 && $7>=1816' "$DATA/cow_states/cow_states.csv" | cut -d, -f2 | sort -u | wc -l)
check "$raw" 23 "raw count 1816"
echo ok
