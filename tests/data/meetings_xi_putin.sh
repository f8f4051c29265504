#!/bin/sh
# Xi Jinping's counterparts, 2013-03-14..2018-12-31 (China Vitae).  Hand count
# from the raw rows (grep Putin, Xi Jinping rows, one text per date):
#   episodes (place, days): Moscow 2013-03-22/23, Durban 03-27 (group: "Vladmir"
#   Putin + Singh), Bali 10-07, Sochi 2014-02-06, Shanghai 05-20/21, Fortaleza
#   07-14/15, Dushanbe 09-11 (group), Beijing 11-09/10, Brisbane 11-15 (group),
#   Moscow 2015-05-08, Ufa 07-09 (group), Antalya 11-15, Paris 11-30, Tashkent
#   2016-06-23, Beijing 06-25, Hangzhou 09-03, Beijing 09-05, Goa 10-15/16,
#   Lima 11-19, Astana 2017-06-09, Moscow 07-04, Da Nang 11-10, Beijing
#   2018-06-08, Qingdao 06-09 (group), Johannesburg 06-27 (group), Johannesburg
#   07-26 (group), Vladivostok 09-11..13, Buenos Aires 11-30 (group)
#   = 28 episodes (20 with a one-on-one, 8 group only), 35 days;
#   calls: 2014-03-04 and 2018-03-19 ("phone"); 2013-06-15 says neither = 2.
[ -d "$DATA/leader_engagements_china_vitae" ] || { echo "no China Vitae data"; exit 77; }
set -e
out=$("$ENTENTE" meetings "Xi Jinping" --from 2013-03-14 --to 2018-12-31 --partners \
      --format csv --db "$DATADB")
echo "$out" | head -3
line=$(echo "$out" | grep '^Xi Jinping,Vladimir Putin,')
[ "$line" = "Xi Jinping,Vladimir Putin,RUS,28,20,8,2,35,1" ] || { echo "got: $line"; exit 1; }
# Putin is first by a wide margin: the second partner has under half his episodes.
second=$(echo "$out" | sed -n 3p | cut -d, -f4)
[ "$second" -le 14 ] || { echo "second partner has $second episodes"; exit 1; }
# The table ends with the ratio line.
"$ENTENTE" meetings "Xi Jinping" --from 2013-03-14 --to 2018-12-31 --partners --db "$DATADB" \
    | tail -1 | grep -q '^ratio of first to second partner: Vladimir Putin 28 / '
echo ok
