#!/bin/sh
# Barack Obama and Shinzo Abe, 2012-12-26 (Abe in office) to 2017-01-20
# (Obama leaves), from the State Department records alone (China Vitae names
# neither as its subject).  Hand count from the raw rows:
#   foreign_leader_visits_to_us.tsv
#     2013-02-22            "Working visit."                      visit, 1 day
#     2015-04-27..04-28     "Official Visit."                     visit, 2 days
#     2016-03-31..04-01     "Attended the Nuclear Security Summit." group, 2 days
#     2016-11-17            "Met with President-elect Donald J. Trump" -> Trump, not Obama
#     2016-12-27            "Attended a memorial service ... Pearl Harbor" -> no meeting stated
#   us_president_travels.tsv (Obama, Japan)
#     2014-04-22..04-25 Tokyo "Met with Prime Minister Shinzo Abe and Emperor
#                       Akihito."  two counterparts named: group, 4 days
#     2009-11 / 2010-11 / 2016-05 trips to Japan name Hatoyama or nobody.
# = 4 episodes, 2 bilateral, 2 group, 0 calls, 1+2+2+4 = 9 days.
[ -d "$DATA/leader_visits_us_state_dept" ] || { echo "no State Department data"; exit 77; }
set -e
line=$("$ENTENTE" meetings "Barack Obama" --from 2012-12-26 --to 2017-01-20 --partners \
       --format csv --db "$DATADB" | grep ',Shinzo Abe,' | cut -d, -f1-8)
[ "$line" = "Barack Obama,Shinzo Abe,JPN,4,2,2,0,9" ] || { echo "got: $line"; exit 1; }
# The Emperor is a head of state by his title (Archigos lists Japan's prime
# ministers): the 2009 Tokyo trip names him with Hatoyama.
n=$(sqlite3 "$DATADB" "SELECT count(*) FROM meetings WHERE source='state_dept' AND leader_b='Akihito' AND role_b='head' AND state_b=740")
[ "$n" -ge 2 ] || { echo "Emperor Akihito as head: $n"; exit 1; }
echo ok
