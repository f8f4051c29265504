#!/bin/sh
# The events aggregates on the real samples (23 GDELT 1.0 CSV extracts, the raw
# GDELT 1.0 daily TSV, the ICEWS .tab) against an independent reference
# computed here in python3 straight from the files: row counts, rows with both
# actor countries, and every (actor1, actor2, year, quad) group among twelve
# states whose codes are mapped by hand below (valid from 1992: before, DEU is
# West Germany GFR and AZE, ARM, GEO, UKR are not states, which entente knows).
[ -d "$DATA/gdelt_sample" ] || { echo "no $DATA/gdelt_sample"; exit 77; }
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
W="$TMPD/evref"; mkdir -p "$W"; cd "$W" || exit 1
export ENTENTE_DATA="$DATA"
S=USA,RUS,GRG,ARM,AZE,TUR,UKR,IRN,CHN,FRN,GMY,UKG
set -e
"$ENTENTE" events "$DATA"/gdelt_sample/GDELT1_Georgia_*.csv --countries $S --from 1992 -o georgia.csv 2> georgia.log
"$ENTENTE" events "$DATA"/gdelt_sample/GDELT1_Georgia_*.csv -o georgia_all.csv 2> georgia_all.log
"$ENTENTE" events "$DATA"/gdelt_sample/GDELT1_raw_daily_export_sample_710rows.tsv --countries $S --from 1992 -o raw.csv 2> raw.log
"$ENTENTE" events "$DATA"/gdelt_sample/GDELT1_raw_daily_export_sample_710rows.tsv -o raw_all.csv 2> raw_all.log
"$ENTENTE" events "$DATA"/icews_sample/events.2018.sample.tab --countries $S --from 1992 -o icews.csv 2> icews.log
"$ENTENTE" events "$DATA"/icews_sample/events.2018.sample.tab -o icews_all.csv 2> icews_all.log
set +e
python3 - "$DATA" <<'PY'
import csv, glob, sys, re
from decimal import Decimal
data = sys.argv[1]
ISO = {'USA':'USA','RUS':'RUS','GEO':'GRG','ARM':'ARM','AZE':'AZE','TUR':'TUR','UKR':'UKR',
       'IRN':'IRN','CHN':'CHN','FRA':'FRN','DEU':'GMY','GBR':'UKG'}
NAMES = {'United States':'USA','Russian Federation':'RUS','Georgia':'GRG','Armenia':'ARM',
         'Azerbaijan':'AZE','Turkey':'TUR','Ukraine':'UKR','Iran':'IRN','China':'CHN',
         'France':'FRN','Germany':'GMY','United Kingdom':'UKG'}
quads = {}
for r in csv.DictReader(open(data + '/cameo_codebook/icews_cameo_codes_quadpenta.csv', encoding='latin-1')):
    quads[r['cameo_code']] = {'verbal cooperation':1,'material cooperation':2,'verbal conflict':3,'material conflict':4}[r['quad_category']]
fail = 0
def check(name, rows, mapping):
    """rows: dicts with a1, a2, date, quad, gs, ment, src, art"""
    global fail
    fail0 = fail
    n = len(rows)
    both = sum(1 for r in rows if r['a1'] not in ('', 'NA') and r['a2'] not in ('', 'NA'))
    ref = {}
    for r in rows:
        a1, a2 = mapping.get(r['a1']), mapping.get(r['a2'])
        if not a1 or not a2 or r['date'][:4] < '1992': continue  # the hand map holds from 1992
        k = (a1, a2, r['date'][:4], str(r['quad']))
        g = ref.setdefault(k, [0, Decimal(0), 0, 0, 0])
        g[0] += 1; g[1] += Decimal(r['gs'])
        for i, f in ((2,'ment'),(3,'src'),(4,'art')):
            if r.get(f) not in (None, '', 'NA'): g[i] += int(r[f])
    got = {}
    for r in csv.DictReader(open(name + '.csv')):
        got[(r['actor1'], r['actor2'], r['period'], r['key'])] = r
    if set(got) != set(ref):
        print(name, 'groups differ:', sorted(set(got) ^ set(ref))[:10]); fail = 1
    for k, g in ref.items():
        r = got.get(k)
        if not r: continue
        if int(r['events']) != g[0] or Decimal(r['goldstein_sum']) != g[1] or \
           abs(float(r['goldstein_mean']) - float(g[1]) / g[0]) > 5e-5 or \
           (r['mentions'] and (int(r['mentions']), int(r['sources']), int(r['articles'])) != tuple(g[2:])):
            print(name, 'group', k, 'entente', dict(r), 'reference', g); fail = 1
    log = open(name + '_all.log').read()
    m = re.search(r'(\d+) rows read = (\d+) aggregated \+ (\d+) filtered \+ (\d+) rejected', log)
    read, agg, filt, rej = map(int, m.groups())
    unmapped = sum(int(x) for x in re.findall(r'rejected\s+(\d+)\s+unmappable', log))
    events_all = sum(int(r['events']) for r in csv.DictReader(open(name + '_all.csv')))
    if read != n or read != agg + filt + rej:
        print(name, 'rows read', read, 'reference', n); fail = 1
    if events_all + unmapped != both or events_all != agg:
        print(name, 'aggregated', events_all, '+ unmappable', unmapped, '!= rows with both countries', both); fail = 1
    if filt != n - both:
        print(name, 'filtered', filt, '!= rows missing a country', n - both); fail = 1
    print(name, 'rows', n, 'with both countries', both, 'groups checked', len(ref), 'ok' if fail == fail0 else 'FAIL')

rows = []
for f in sorted(glob.glob(data + '/gdelt_sample/GDELT1_Georgia_*.csv')):
    rd = csv.reader(open(f, newline=''))
    h = next(rd)
    for x in rd:
        if len(x) == len(h) + 1: x = x[1:]          # R row names
        d = dict(zip(h, x))
        rows.append(dict(a1=d['Actor1CountryCode'], a2=d['Actor2CountryCode'], date=d['SQLDATE'],
                         quad=int(d['QuadClass']), gs=d['GoldsteinScale'], ment=d['NumMentions'],
                         src=d['NumSources'], art=d['NumArticles']))
check('georgia', rows, ISO)
rows = []
for line in open(data + '/gdelt_sample/GDELT1_raw_daily_export_sample_710rows.tsv'):
    x = line.rstrip('\n').split('\t')
    rows.append(dict(a1=x[7], a2=x[17], date=x[1], quad=int(x[29]), gs=x[30], ment=x[31], src=x[32], art=x[33]))
check('raw', rows, ISO)
rows = []
for x in csv.DictReader(open(data + '/icews_sample/events.2018.sample.tab'), delimiter='\t', quoting=csv.QUOTE_NONE):
    rows.append(dict(a1=x['Source Country'], a2=x['Target Country'], date=x['Event Date'],
                     quad=quads[x['CAMEO Code']], gs=x['Intensity']))
check('icews', rows, NAMES)
sys.exit(fail)
PY
