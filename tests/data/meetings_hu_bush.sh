#!/bin/sh
# Hu Jintao and George W. Bush, 2003-2008 (China Vitae).  Hand count from the
# raw rows naming Bush: in person (one counterpart each, so all bilateral)
# Bangkok 2003-10-19, Santiago 2004-11-20, Gleneagles 2005-07-07, New York
# 2005-09-13, Washington 2006-04-20, St. Petersburg 2006-07-16, Hanoi
# 2006-11-18, Heiligendamm 2007-06-08, Sydney 2007-09-06, Tokyo 2008-07-09,
# Beijing 2008-08-10, Lima 2008-11-21 = 12 episodes, 12 days.  The rows
# naming "George Bush" / "George H. Bush (Former ... President)" are the
# father, not a head in office: not counted.  Phone calls (text says phone or
# telephone): 2004-05-29, 07-30, 2005-09-03, 2006-06-01, 07-06, 08-21, 11-27,
# 2007-02-15, 05-10, 12-06, 2008-03-26, 05-13, 09-22, 10-21 = 14
# (2006-10-09 "held talks ... exchanging views" names no channel: not a call).
[ -d "$DATA/leader_engagements_china_vitae" ] || { echo "no China Vitae data"; exit 77; }
set -e
line=$("$ENTENTE" meetings "Hu Jintao" --from 2003-01-01 --to 2008-12-31 --partners \
       --format csv --db "$DATADB" | grep ',George W. Bush,')
[ "$line" = "Hu Jintao,George W. Bush,USA,12,12,0,14,12,2" ] || { echo "got: $line"; exit 1; }
# No unmatched name is silently dropped: the report lists them with counts.
n=$(sqlite3 "$DATADB" "SELECT count(*) FROM meet_unmatched WHERE source='china_vitae' AND n > 0")
[ "$n" -gt 0 ] || { echo "no unmatched report"; exit 1; }
# Dyad-years: covered years are numbers, uncovered are absent (NULL when joined).
# CHN-USA is covered from both sides exactly in China Vitae's years.
cov=$(sqlite3 "$DATADB" "SELECT min(year), max(year), count(*) FROM meet_dyad_year WHERE ccode1=2 AND ccode2=710 AND meet_coverage='china_vitae+state_dept'")
[ "$cov" = "2003|2018|16" ] || { echo "CHN-USA coverage: $cov"; exit 1; }
none=$(sqlite3 "$DATADB" "SELECT count(*) FROM meet_dyad_year WHERE ccode1=200 AND ccode2=220")
[ "$none" = 0 ] || { echo "UKG-FRN has rows though no source covers it"; exit 1; }
echo ok
