#!/usr/bin/env python3
"""Independent reference for the panel: read the raw files in DATA with the csv
module, compute each derived indicator for CHN-RUS, USA-JPN and USA-GBR in a
few years (and both sides of each source's coverage edges), and compare with
the warehouse's `panel` table.  Usage: panel_ref.py DATA DB.  Prints every
check; exits 1 on any mismatch."""
import csv, gzip, math, sqlite3, sys

DATA, DB = sys.argv[1], sys.argv[2]
db = sqlite3.connect(DB)
fails = checks = 0
DYADS = [(365, 710), (2, 740), (2, 200)]          # ccode1 < ccode2
ISO2 = {'US': 2, 'JP': 740, 'GB': 200, 'CN': 710, 'RU': 365}
ISO3 = {'USA': 2, 'JPN': 740, 'GBR': 200, 'CHN': 710, 'RUS': 365}


def panel(a, b, year, col):
    r = db.execute(f"SELECT {col} FROM panel WHERE ccode1=? AND ccode2=? AND year=?",
                   (a, b, year)).fetchone()
    if r is None:
        raise SystemExit(f"no panel row {a}-{b} {year}")
    return r[0]


def check(what, got, want, tol=1e-9):
    global fails, checks
    checks += 1
    if got is None or want is None:
        ok = got is None and want is None
    else:
        ok = abs(float(got) - float(want)) <= tol * max(1.0, abs(float(want)))
    if not ok:
        fails += 1
    print(("ok  " if ok else "FAIL") + f" {what}: panel {got!r}, raw {want!r}")


def rows(path):
    op = gzip.open if path.endswith('.gz') else open
    with op(path, 'rt', newline='', encoding='utf-8') as f:
        yield from csv.DictReader(f)


def num(x):
    return None if x in ('', 'NA', '-9') else float(x)


WANT = {365, 710, 2, 740, 200}

# ---------------------------------------------------------------- ATOP
atop = {}
for r in rows(f"{DATA}/atop_alliance/atop_alliance.csv"):
    c1, c2 = int(r['ccode1']), int(r['ccode2'])
    atop[(c1, c2, int(r['year']))] = r
FLAGS = ('atop_defense', 'atop_offense', 'atop_neutral', 'atop_nonagg', 'atop_consul')


def atop_flag(a, b, y, k):
    v = [int(r[k]) for r in (atop.get((a, b, y)), atop.get((b, a, y))) if r]
    return max(v) if v else 0


def level(a, b, y):
    f = {k: atop_flag(a, b, y, k) for k in FLAGS}
    if f['atop_defense'] or f['atop_offense']:
        return 3
    if f['atop_neutral']:
        return 2
    if f['atop_nonagg'] or f['atop_consul']:
        return 1
    return 0


for a, b in DYADS:
    for y in (1960, 1995, 2014, 2018):
        for k in FLAGS:
            check(f"{k} {a}-{b} {y}", panel(a, b, y, k), atop_flag(a, b, y, k))
        check(f"atop_level {a}-{b} {y}", panel(a, b, y, 'atop_level'), level(a, b, y))
    check(f"atop_defense {a}-{b} 2019 (after coverage)", panel(a, b, 2019, 'atop_defense'), None)
    check(f"atop_level {a}-{b} 2019 (after coverage)", panel(a, b, 2019, 'atop_level'), None)

# ---------------------------------------------------------------- COW alliance
cowa = {}
for r in rows(f"{DATA}/cow_alliance/cow_alliance.csv"):
    cowa[(int(r['ccode1']), int(r['ccode2']), int(r['year']))] = r
for a, b in DYADS:
    for y in (1900, 1960, 2012):
        for k in ('cow_defense', 'cow_neutral', 'cow_nonagg', 'cow_entente'):
            v = [int(r[k]) for r in (cowa.get((a, b, y)), cowa.get((b, a, y))) if r]
            check(f"{k} {a}-{b} {y}", panel(a, b, y, k), max(v) if v else 0)
    check(f"cow_defense {a}-{b} 2013 (after coverage)", panel(a, b, 2013, 'cow_defense'), None)

# ---------------------------------------------------------------- COW trade
trade = {}
for r in rows(f"{DATA}/cow_trade/cow_trade_ndy.csv"):
    a, b = int(r['ccode1']), int(r['ccode2'])
    if a in WANT and b in WANT:
        trade[(a, b, int(r['year']))] = (num(r['flow1']), num(r['flow2']))
tot = {}
for r in rows(f"{DATA}/cow_trade/cow_trade_sy.csv"):
    tot[(int(r['ccode']), int(r['year']))] = (num(r['imports']), num(r['exports']))
for a, b in DYADS:
    for y in (1870, 1913, 2000, 2014):
        if (a, b, y) not in trade:
            continue
        f1, f2 = trade[(a, b, y)]  # f1: imports of a from b (b->a); f2: a->b
        t = None if f1 is None or f2 is None else f1 + f2
        check(f"trade_total {a}-{b} {y}", panel(a, b, y, 'trade_total'), t)
        check(f"trade_1to2 {a}->{b} {y}", panel(a, b, y, 'trade_1to2'), f2)
        check(f"trade_2to1 {b}->{a} {y}", panel(a, b, y, 'trade_2to1'), f1)
        for side, c in (('1', a), ('2', b)):
            im, ex = tot.get((c, y), (None, None))
            want = t / (im + ex) if t is not None and im is not None and ex is not None and im + ex > 0 else None
            check(f"trade_share_{side} {a}-{b} {y}", panel(a, b, y, f'trade_share_{side}'), want)
    check(f"trade_total {a}-{b} 2015 (after coverage)", panel(a, b, 2015, 'trade_total'), None)
check("trade_total 2-200 1869 (before coverage)", panel(2, 200, 1869, 'trade_total'), None)

# ---------------------------------------------------------------- ITPD-E
itpd = {}
for r in rows(f"{DATA}/itpd_bilateral_trade/itpd_e_exports_aggregated_2000_2016.csv"):
    s, t = ISO3.get(r['from_iso3']), ISO3.get(r['to_iso3'])
    if s and t and s != t:
        itpd[(s, t, int(r['year']))] = float(r['exports_const2010usd'])
for a, b in DYADS:
    for y in (2000, 2014, 2016):
        check(f"exports_itpd_1to2 {a}->{b} {y}", panel(a, b, y, 'exports_itpd_1to2'), itpd.get((a, b, y), 0))
        check(f"exports_itpd_2to1 {b}->{a} {y}", panel(a, b, y, 'exports_itpd_2to1'), itpd.get((b, a, y), 0))
    check(f"exports_itpd_1to2 {a}-{b} 1999 (before coverage)", panel(a, b, 1999, 'exports_itpd_1to2'), None)
    check(f"exports_itpd_1to2 {a}-{b} 2017 (after coverage)", panel(a, b, 2017, 'exports_itpd_1to2'), None)

# ---------------------------------------------------------------- SIPRI
# the recipient's total counts every supplier the warehouse could place; the
# warehouse rejects suppliers that are not COW states (non-state actors ...),
# so the reference total uses the same COW-coded rows: from_cow/to_cow set.
tiv, tin = {}, {}
members = {}
for r in rows(f"{DATA}/sipri_arms_transfers_tiv/sipri_tiv_orders_dyadic_1950_2018.csv"):
    y, v = int(r['year']), float(r['tiv_ordered'])
    s, t = ISO3.get(r['from_iso3']), ISO3.get(r['to_iso3'])
    if s and t:
        tiv[(s, t, y)] = tiv.get((s, t, y), 0) + v
    if t and r['from_cow'] not in ('', 'NA', '0'):
        tin[(t, y)] = tin.get((t, y), 0) + v
for a, b in DYADS:
    for y in (1960, 1995, 2014, 2018):
        check(f"arms_tiv_1to2 {a}->{b} {y}", panel(a, b, y, 'arms_tiv_1to2'), tiv.get((a, b, y), 0))
        check(f"arms_tiv_2to1 {b}->{a} {y}", panel(a, b, y, 'arms_tiv_2to1'), tiv.get((b, a, y), 0))
        for d, s, t in (('1to2', a, b), ('2to1', b, a)):
            want = tiv.get((s, t, y), 0) / tin[(t, y)] if tin.get((t, y)) else None
            check(f"arms_share_{d} {s}->{t} {y}", panel(a, b, y, f'arms_share_{d}'), want, 1e-6)
    check(f"arms_tiv_1to2 {a}-{b} 2019 (after coverage)", panel(a, b, 2019, 'arms_tiv_1to2'), None)
check("arms_tiv_1to2 2-200 1949 (before coverage)", panel(2, 200, 1949, 'arms_tiv_1to2'), None)
check("arms_tiv_1to2 2-200 1950 (first year)", panel(2, 200, 1950, 'arms_tiv_1to2'), tiv.get((2, 200, 1950), 0))

# ---------------------------------------------------------------- UNGA votes
rc_year = {}
for r in rows(f"{DATA}/unvotes/un_roll_calls.csv"):
    y = int(r['session']) + 1945
    if y in (1995, 2014):
        rc_year[int(r['rcid'])] = y
votes = {}
with open(f"{DATA}/unvotes/un_votes.csv", newline='', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        c = ISO2.get(r['country_code'])
        rc = int(r['rcid'])
        if c and rc in rc_year:
            votes[(c, rc)] = r['vote']
for a, b in DYADS:
    for y in (1995, 2014):
        both = [(votes[(a, rc)], votes[(b, rc)]) for rc, yy in rc_year.items()
                if yy == y and (a, rc) in votes and (b, rc) in votes]
        check(f"un_n {a}-{b} {y}", panel(a, b, y, 'un_n'), len(both))
        check(f"un_agree {a}-{b} {y}", panel(a, b, y, 'un_agree'),
              sum(x == z for x, z in both) / len(both) if both else None)
        code = {'yes': 1, 'abstain': 2, 'no': 3}
        d = sum(abs(code[x] - code[z]) for x, z in both)
        check(f"un_s {a}-{b} {y}", panel(a, b, y, 'un_s'), 1 - 2 * d / (2 * len(both)) if both else None)
    check(f"un_agree {a}-{b} 1945 (before coverage)", panel(a, b, 1945, 'un_agree'), None)

# ---------------------------------------------------------------- ideal points
ideal = {}
for r in rows(f"{DATA}/unga_ideal_points/IdealpointsJuly2025.csv"):
    ideal[(int(r['ccode']), int(float(r['year'])))] = num(r['idealpointall'])
for a, b in DYADS:
    for y in (1995, 2014, 2022):
        x1, x2 = ideal.get((a, y)), ideal.get((b, y))
        check(f"ideal_point_distance {a}-{b} {y}", panel(a, b, y, 'ideal_point_distance'),
              abs(x1 - x2) if x1 is not None and x2 is not None else None)
check("ideal_point_distance 2-200 1946 (first year)", panel(2, 200, 1946, 'ideal_point_distance'),
      abs(ideal[(2, 1946)] - ideal[(200, 1946)]))
check("ideal_point_distance 2-200 1945 (before coverage)", panel(2, 200, 1945, 'ideal_point_distance'), None)

# ---------------------------------------------------------------- UNSC vetoes
col = {2: ('USA',), 200: ('UK',), 710: ('China',), 365: ('Russia', 'USSR')}
joint = {}
for r in rows(f"{DATA}/unsc_vetoes/unsc_vetoes_1946_sept2022.csv"):
    y = int(r['year'])
    cast = {c for c, names in col.items() if any(r[n] == '1' for n in names)}
    for a, b in DYADS:
        if a in cast and b in cast:
            joint[(a, b, y)] = joint.get((a, b, y), 0) + 1
for a, b in [(365, 710), (2, 200)]:
    for y in (1956, 1973, 1986, 2012, 2014, 2019, 2022):
        check(f"unsc_joint_vetoes {a}-{b} {y}", panel(a, b, y, 'unsc_joint_vetoes'), joint.get((a, b, y), 0))
    check(f"unsc_joint_vetoes {a}-{b} 2023 (after the vetoes' coverage)",
          panel(a, b, 2023, 'unsc_joint_vetoes'), None)
    check(f"unsc_joint_vetoes {a}-{b} 2025 (outside the panel)",
          db.execute("SELECT count(*) FROM panel WHERE year = 2025").fetchone()[0], 0)
check("unsc_joint_vetoes 2-200 1945 (before coverage)", panel(2, 200, 1945, 'unsc_joint_vetoes'), None)

# ---------------------------------------------------------------- IGOs
igo = {}
with open(f"{DATA}/cow_igo/cow_igo_ndy.csv", encoding='utf-8') as f:
    next(f)
    for line in f:
        p = line.rstrip('\n').split(',')
        a, b = int(p[0]), int(p[1])
        if (a, b) in DYADS:
            igo[(a, b, int(p[2]))] = int(p[3])
for a, b in DYADS:
    for y in (1900, 1995, 2014):
        if (a, b, y) in igo:
            check(f"shared_igos {a}-{b} {y}", panel(a, b, y, 'shared_igos'), igo[(a, b, y)])
    check(f"shared_igos {a}-{b} 2015 (after coverage)", panel(a, b, 2015, 'shared_igos'), None)

# ---------------------------------------------------------------- contiguity
spells = []
for r in rows(f"{DATA}/cow_contiguity/cow_contdir.csv"):
    spells.append((int(r['ccode1']), int(r['ccode2']), int(r['conttype']),
                   int(r['stdate'][:4]), int(r['enddate'][:4])))
for a, b in DYADS:
    for y in (1900, 1995, 2016):
        t = [s[2] for s in spells if {s[0], s[1]} == {a, b} and s[3] <= y <= s[4] and s[2] > 0]
        check(f"contiguity {a}-{b} {y}", panel(a, b, y, 'contiguity'), min(t) if t else 0)
    check(f"contiguity {a}-{b} 2017 (after coverage)", panel(a, b, 2017, 'contiguity'), None)

# ---------------------------------------------------------------- distance
dist = {}
with gzip.open(f"{DATA}/distance/cow_mindist.csv.gz", 'rt', encoding='utf-8') as f:
    next(f)
    for line in f:
        p = line.rstrip('\n').split(',')
        a, b = int(p[0]), int(p[1])
        if (a, b) in DYADS:
            dist[(a, b, int(p[2]))] = float(p[3])
for a, b in DYADS:
    for y in (1995, 2014, 2019):
        check(f"min_distance {a}-{b} {y}", panel(a, b, y, 'min_distance'), dist.get((a, b, y)))
    check(f"min_distance {a}-{b} 2020 (after coverage)", panel(a, b, 2020, 'min_distance'), None)
check("min_distance 2-200 1886 (first year)", panel(2, 200, 1886, 'min_distance'), dist[(2, 200, 1886)])
check("min_distance 2-200 1885 (before coverage)", panel(2, 200, 1885, 'min_distance'), None)

# ---------------------------------------------------------------- CINC
cinc = {(int(r['ccode']), int(r['year'])): num(r['cinc']) for r in rows(f"{DATA}/cow_nmc/cow_nmc.csv")}
for a, b in DYADS:
    for y in (1995, 2014, 2022):
        c1, c2 = cinc.get((a, y)), cinc.get((b, y))
        check(f"cinc_1 {a} {y}", panel(a, b, y, 'cinc_1'), c1)
        check(f"cinc_2 {b} {y}", panel(a, b, y, 'cinc_2'), c2)
        check(f"cinc_ratio {a}-{b} {y}", panel(a, b, y, 'cinc_ratio'),
              max(c1, c2) / min(c1, c2) if c1 and c2 else None)

# ---------------------------------------------------------------- MIDs
mid = {}
for r in rows(f"{DATA}/cow_mid/cow_mid_dirdisps.csv"):
    a, b = sorted((int(r['ccode1']), int(r['ccode2'])))
    if (a, b) not in DYADS:
        continue
    k = (a, b, int(r['year']))
    on, go, hl = mid.get(k, (0, 0, 0))
    h = max(int(r['hostlev1'] or 0), int(r['hostlev2'] or 0))
    mid[k] = (max(on, int(r['disponset'])), max(go, int(r['dispongoing'])), max(hl, h))
for a, b in DYADS:
    years = sorted({k[2] for k in mid if k[:2] == (a, b)})[-3:] + [1990, 2014]
    for y in years:
        on, go, hl = mid.get((a, b, y), (0, 0, 0))
        check(f"mid_onset {a}-{b} {y}", panel(a, b, y, 'mid_onset'), 1 if on else 0)
        check(f"mid_ongoing {a}-{b} {y}", panel(a, b, y, 'mid_ongoing'), 1 if go else 0)
        check(f"mid_hostlev {a}-{b} {y}", panel(a, b, y, 'mid_hostlev'), hl)
    check(f"mid_onset {a}-{b} 2015 (after coverage)", panel(a, b, 2015, 'mid_onset'), None)

# ---------------------------------------------------------------- rivalry
riv = [(int(r['ccode1']), int(r['ccode2']), int(r['styear']), int(r['endyear']))
       for r in rows(f"{DATA}/rivalries/td_rivalries.csv")]
for a, b in DYADS:
    for y in (1850, 1905, 1965, 1995, 2010):
        if db.execute("SELECT 1 FROM panel WHERE ccode1=? AND ccode2=? AND year=?", (a, b, y)).fetchone():
            want = int(any({r[0], r[1]} == {a, b} and r[2] <= y <= r[3] for r in riv))
            check(f"rivalry {a}-{b} {y}", panel(a, b, y, 'rivalry'), want)
    check(f"rivalry {a}-{b} 2011 (after coverage)", panel(a, b, 2011, 'rivalry'), None)

# ---------------------------------------------------------------- democracy, GDP
demo = {(int(r['ccode']), int(r['year'])): r for r in rows(f"{DATA}/democracy_gdp/ccode_democracy.csv")}
gdp = {(int(r['ccode']), int(r['year'])): r for r in rows(f"{DATA}/democracy_gdp/cow_sdp_gdp.csv")}
for a, b in DYADS:
    for y in (1995, 2014):
        for side, c in (('1', a), ('2', b)):
            check(f"polyarchy_{side} {c} {y}", panel(a, b, y, f'polyarchy_{side}'), num(demo[(c, y)]['v2x_polyarchy']))
            check(f"polity2_{side} {c} {y}", panel(a, b, y, f'polity2_{side}'), num(demo[(c, y)]['polity2']))
            g, p = num(gdp[(c, y)]['wbgdp2011est']), num(gdp[(c, y)]['wbpopest'])
            check(f"gdp_{side} {c} {y}", panel(a, b, y, f'gdp_{side}'), math.exp(g), 1e-9)
            check(f"pop_{side} {c} {y}", panel(a, b, y, f'pop_{side}'), math.exp(p), 1e-9)
    check(f"polyarchy_1 {a} 2019 (last year)", panel(a, b, 2019, 'polyarchy_1'), num(demo[(a, 2019)]['v2x_polyarchy']))
    check(f"polyarchy_1 {a} 2020 (after coverage)", panel(a, b, 2020, 'polyarchy_1'), None)
    check(f"polity2_1 {a} 2018 (after coverage)", panel(a, b, 2018, 'polity2_1'), None)
    check(f"gdp_1 {a} 2015 (last year)", panel(a, b, 2015, 'gdp_1'), math.exp(num(gdp[(a, 2015)]['wbgdp2011est'])), 1e-9)
    check(f"gdp_1 {a} 2016 (after coverage)", panel(a, b, 2016, 'gdp_1'), None)

# ---------------------------------------------------------------- DE extract
de = {}
for r in rows(f"{DATA}/cow_diplomatic_exchange_extract/DE_2006v1_RUS365_CHN710_extract.csv"):
    k = tuple(sorted((int(r['ccode1']), int(r['ccode2'])))) + (int(r['year']),)
    de[k] = max(de.get(k, 0), int(r['DE']))
for y in (1960, 1970, 1995, 2005):
    check(f"dip_exchange 365-710 {y}", panel(365, 710, y, 'dip_exchange'), de.get((365, 710, y)))
check("dip_exchange 365-710 1996 (not a wave year)", panel(365, 710, 1996, 'dip_exchange'), None)
check("dip_exchange 2-200 1995 (not in the extract)", panel(2, 200, 1995, 'dip_exchange'), None)

# ---------------------------------------------------------------- alliance S and kappa
states = list(rows(f"{DATA}/cow_states/cow_states.csv"))


def members(year):
    out = set()
    for r in states:
        end = 9999 if r['endyear'] == '2016' and r['endmonth'] == '12' and r['endday'] == '31' else int(r['endyear'])
        if int(r['styear']) <= year <= end:
            out.add(int(r['ccode']))
    return sorted(out)


for y in (1914, 1960, 1995, 2014, 2018):
    ms = members(y)
    n = len(ms)
    for a, b in DYADS:
        if a not in ms or b not in ms:
            continue
        la = [3 if k == a else level(a, k, y) for k in ms]
        lb = [3 if k == b else level(b, k, y) for k in ms]
        w = [cinc.get((k, y)) or 0.0 for k in ms]
        d = sum(wk * abs(x - z) / 3 for wk, x, z in zip(w, la, lb))
        check(f"alliance_s {a}-{b} {y}", panel(a, b, y, 'alliance_s'), 1 - 2 * d / sum(w))
        po = sum(x == z for x, z in zip(la, lb)) / n
        pe = sum((la.count(c) / n) * (lb.count(c) / n) for c in range(4))
        check(f"alliance_kappa {a}-{b} {y}", panel(a, b, y, 'alliance_kappa'),
              (po - pe) / (1 - pe) if 1 - pe > 1e-15 else None)
    check(f"universe {y}: every pair of the {n} members",
          db.execute("SELECT count(*) FROM panel WHERE year = ?", (y,)).fetchone()[0], n * (n - 1) // 2)
check("alliance_s 2-200 2019 (after ATOP coverage)", panel(2, 200, 2019, 'alliance_s'), None)

print(f"{checks} checks, {fails} mismatches")
sys.exit(1 if fails else 0)
