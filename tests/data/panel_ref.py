#!/usr/bin/env python3
"""Independent reference for the panel: read the raw files with the csv module
and compute indicators for a few dyad-years, then compare with the warehouse.
Usage: panel_ref.py DATA DB.  Prints each check; exits 1 on any mismatch."""
import csv, gzip, math, sqlite3, sys

DATA, DB = sys.argv[1], sys.argv[2]
db = sqlite3.connect(DB)
fails = 0

def panel(c1, c2, year, col):
    a, b = min(c1, c2), max(c1, c2)
    r = db.execute(f"SELECT {col} FROM panel WHERE ccode1=? AND ccode2=? AND year=?", (a, b, year)).fetchone()
    if r is None:
        raise SystemExit(f"no panel row {a}-{b} {year}")
    return r[0]

def check(what, got, want, tol=1e-6):
    global fails
    ok = (got is None and want is None) or (got is not None and want is not None and
          abs(float(got) - float(want)) <= tol * max(1.0, abs(float(want))))
    print(("ok  " if ok else "FAIL") + f" {what}: panel {got!r}, raw {want!r}")
    if not ok:
        fails += 1

def rows(path):
    op = gzip.open if path.endswith('.gz') else open
    with op(path, 'rt', newline='') as f:
        yield from csv.DictReader(f)

DYADS = [(710, 365), (2, 740), (2, 200)]

# ATOP: both orders present; absence inside 1815-2018 = 0; 2019 NULL
atop = {}
for r in rows(f"{DATA}/atop_alliance/atop_alliance.csv"):
    atop[(int(r['ccode1']), int(r['ccode2']), int(r['year']))] = r
for c1, c2 in DYADS:
    for y in (1995, 2014, 2018):
        r, r2 = atop.get((c1, c2, y)), atop.get((c2, c1, y))
        for k in ('atop_defense', 'atop_nonagg', 'atop_consul'):
            check(f"{k} {c1}-{c2} {y}", panel(c1, c2, y, k),
                  max(int(r[k]) if r else 0, int(r2[k]) if r2 else 0))
    check(f"atop_defense {c1}-{c2} 2019 (outside coverage)", panel(c1, c2, 2019, 'atop_defense'), None)

# COW trade: flow1 = imports of ccode1 from ccode2; trade_total = flow1 + flow2
trade = {(int(r['ccode1']), int(r['ccode2']), int(r['year'])): r
         for r in rows(f"{DATA}/cow_trade/cow_trade_ndy.csv")}
tot = {(int(r['ccode']), int(r['year'])): r for r in rows(f"{DATA}/cow_trade/cow_trade_sy.csv")}
def num(x):
    return None if x in ('', 'NA', '-9') else float(x)
for c1, c2 in DYADS:
    a, b = min(c1, c2), max(c1, c2)
    for y in (2000, 2014):
        r = trade[(a, b, y)]
        f1, f2 = num(r['flow1']), num(r['flow2'])
        check(f"trade_total {a}-{b} {y}", panel(a, b, y, 'trade_total'), f1 + f2)
        check(f"trade_1to2 {a}-{b} {y}", panel(a, b, y, 'trade_1to2'), f2)
        t = tot[(a, y)]
        check(f"trade_share_1 {a}-{b} {y}", panel(a, b, y, 'trade_share_1'),
              (f1 + f2) / (float(t['imports']) + float(t['exports'])))
    check(f"trade_total {a}-{b} 2015 (outside coverage)", panel(a, b, 2015, 'trade_total'), None)

# SIPRI TIV by order year, directed; absence inside 1950-2018 = 0; 1949 NULL
tiv, tin = {}, {}
iso = {'USA': 2, 'JPN': 740, 'GBR': 200, 'CHN': 710, 'RUS': 365}
for r in rows(f"{DATA}/sipri_arms_transfers_tiv/sipri_tiv_orders_dyadic_1950_2018.csv"):
    y = int(r['year'])
    s, t = iso.get(r['from_iso3']), iso.get(r['to_iso3'])
    v = float(r['tiv_ordered'])
    if s and t:
        tiv[(s, t, y)] = tiv.get((s, t, y), 0) + v
    if t:
        tin[(t, y)] = tin.get((t, y), 0) + v
for c1, c2 in DYADS:
    a, b = min(c1, c2), max(c1, c2)
    for y in (1995, 2014):
        check(f"arms_tiv_1to2 {a}->{b} {y}", panel(a, b, y, 'arms_tiv_1to2'), tiv.get((a, b, y), 0))
        check(f"arms_tiv_2to1 {b}->{a} {y}", panel(a, b, y, 'arms_tiv_2to1'), tiv.get((b, a, y), 0))
        want = tiv.get((a, b, y), 0) / tin[(b, y)] if tin.get((b, y)) else None
        check(f"arms_share_1to2 {a}->{b} {y}", panel(a, b, y, 'arms_share_1to2'), want)
    if b != 740:  # Japan was not a system member in 1949
        check(f"arms_tiv_1to2 {a}-{b} 1949 (outside coverage)", panel(a, b, 1949, 'arms_tiv_1to2'), None)
        check(f"arms_tiv_1to2 {a}-{b} 1950 (inside coverage)", panel(a, b, 1950, 'arms_tiv_1to2'), tiv.get((a, b, 1950), 0))

# ITPD-E exports, constant 2010 USD, 2000-2016; 1999 NULL
itpd = {}
for r in rows(f"{DATA}/itpd_bilateral_trade/itpd_e_exports_aggregated_2000_2016.csv"):
    s, t = iso.get(r['from_iso3']), iso.get(r['to_iso3'])
    if s and t and s != t:
        itpd[(s, t, int(r['year']))] = float(r['exports_const2010usd'])
for c1, c2 in DYADS:
    a, b = min(c1, c2), max(c1, c2)
    check(f"exports_itpd_1to2 {a}->{b} 2014", panel(a, b, 2014, 'exports_itpd_1to2'), itpd.get((a, b, 2014), 0))
    check(f"exports_itpd_2to1 {b}->{a} 2014", panel(a, b, 2014, 'exports_itpd_2to1'), itpd.get((b, a, 2014), 0))
    check(f"exports_itpd_1to2 {a}-{b} 1999 (outside coverage)", panel(a, b, 1999, 'exports_itpd_1to2'), None)

# IGOs (1816-2014), CINC
igo = {(int(r['ccode1']), int(r['ccode2']), int(r['year'])): int(r['dyadigos'])
       for r in rows(f"{DATA}/cow_igo/cow_igo_ndy.csv")}
cinc = {(int(r['ccode']), int(r['year'])): num(r['cinc']) for r in rows(f"{DATA}/cow_nmc/cow_nmc.csv")}
for c1, c2 in DYADS:
    a, b = min(c1, c2), max(c1, c2)
    check(f"shared_igos {a}-{b} 2014", panel(a, b, 2014, 'shared_igos'), igo[(a, b, 2014)])
    check(f"shared_igos {a}-{b} 2015 (outside coverage)", panel(a, b, 2015, 'shared_igos'), None)
    check(f"cinc_1 {a} 2014", panel(a, b, 2014, 'cinc_1'), cinc[(a, 2014)])
    hi, lo = max(cinc[(a, 2014)], cinc[(b, 2014)]), min(cinc[(a, 2014)], cinc[(b, 2014)])
    check(f"cinc_ratio {a}-{b} 2014", panel(a, b, 2014, 'cinc_ratio'), hi / lo)

# alliance_s: CINC-weighted S over every system member's ATOP level (self = 3)
def members(year):
    out = set()
    for r in rows(f"{DATA}/cow_states/cow_states.csv"):
        end = int(r['endyear']) if not (r['endyear'] == '2016' and r['endmonth'] == '12') else 9999
        if int(r['styear']) <= year <= end:
            out.add(int(r['ccode']))
    return sorted(out)
def level(r):
    if r is None: return 0
    if r['atop_defense'] == '1': return 3
    if r['atop_offense'] == '1' or r['atop_neutral'] == '1': return 2
    if r['atop_nonagg'] == '1' or r['atop_consul'] == '1': return 1
    return 0
for y in (2014, 1995):
    ms = members(y)
    for c1, c2 in DYADS:
        num_, den = 0.0, 0.0
        for k in ms:
            w = cinc.get((k, y)) or 0.0
            # a tie held in either direction (ATOP rows are directed)
            lk1 = 3 if k == c1 else max(level(atop.get((c1, k, y))), level(atop.get((k, c1, y))))
            lk2 = 3 if k == c2 else max(level(atop.get((c2, k, y))), level(atop.get((k, c2, y))))
            num_ += w * abs(lk1 - lk2) / 3.0
            den += w
        check(f"alliance_s {c1}-{c2} {y}", panel(c1, c2, y, 'alliance_s'), 1 - 2 * num_ / den, 1e-9)

print(f"{fails} mismatches")
sys.exit(1 if fails else 0)
