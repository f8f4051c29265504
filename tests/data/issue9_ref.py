#!/usr/bin/env python3
"""issue9_ref.py -- the panel's issue-9 indicators (arms_deliv_*, imf_*,
mme_*, us_troops) for CHN-RUS, USA-IND, RUS-IND, USA-JPN in every year of
their coverage, recomputed from the raw files under $DATA with Python's csv
module and the source names written out by hand (an independent path from
the C loaders and the registry), and compared with the panel in $DATADB.
Exit 0 pass, 1 fail, 77 skipped when the data or the warehouse is absent."""
import csv, gzip, math, os, sqlite3, sys
from collections import defaultdict

DATA, DB = os.environ.get("DATA", ""), os.environ.get("DATADB", "")
need = ["sipri_trade_register", "imf_dots", "mme_exercises", "us_troops"]
if not os.path.isfile(DB) or not all(os.path.isdir(os.path.join(DATA, d)) for d in need):
    print("no data folder or warehouse"); sys.exit(77)
db = sqlite3.connect(DB)
if not db.execute("SELECT 1 FROM sqlite_master WHERE name='panel'").fetchone():
    print("no panel"); sys.exit(77)

USA, RUS, IND, JPN, CHN = 2, 365, 750, 740, 710
DYADS = [(RUS, CHN), (USA, IND), (RUS, IND), (USA, JPN)]  # ccode1 < ccode2
fails = checks = 0

def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)

def check(what, want, got):
    global fails, checks
    checks += 1
    if not close(want, got):
        fails += 1
        print(f"FAIL {what}: raw {want!r}, panel {got!r}")

def panel(col, a, b, y):
    r = db.execute(f"SELECT {col} FROM panel WHERE ccode1=? AND ccode2=? AND year=?",
                   (a, b, y)).fetchone()
    return None if r is None else r[0]

# ---------------------------------------------------------------- SIPRI
SIPRI = {"United States": USA, "Russia": RUS, "India": IND, "Japan": JPN, "China": CHN}
NOSTATE = {"Palestine", "Western Sahara", "Northern Cyprus", "Aruba"}
lines = open(os.path.join(DATA, "sipri_trade_register",
                          "sipri_trade_register_deliveries_1995_2025_raw.csv"),
             newline="", encoding="utf-8").read().splitlines()
start = next(i for i, l in enumerate(lines) if l.startswith("SIPRI AT Database ID"))
rows = csv.reader([l[:-1] if l.endswith(";") else l for l in lines[start:]])
hdr = next(rows)
ix = {h: i for i, h in enumerate(hdr)}
tiv = defaultdict(float)       # (supplier, recipient, year) by our codes
into = defaultdict(float)      # (recipient, year): from every supplier that is a state
for r in rows:
    if not r:
        continue
    s, t, y = r[ix["Supplier"]], r[ix["Recipient"]], int(r[ix["Delivery year"]])
    v = float(r[ix["TIV delivery values"]])
    if s.startswith("unknown") or s.endswith("*") or s in NOSTATE:
        continue
    if t in SIPRI:
        into[(SIPRI[t], y)] += v
    if s in SIPRI and t in SIPRI:
        tiv[(SIPRI[s], SIPRI[t], y)] += v
for a, b in DYADS:
    for y in range(1995, 2025):
        f12, f21 = tiv.get((a, b, y), 0.0), tiv.get((b, a, y), 0.0)
        check(f"arms_deliv_1to2 {a}-{b} {y}", f12, panel("arms_deliv_1to2", a, b, y))
        check(f"arms_deliv_2to1 {a}-{b} {y}", f21, panel("arms_deliv_2to1", a, b, y))
        d2, d1 = into.get((b, y), 0.0), into.get((a, y), 0.0)
        check(f"arms_deliv_share_1to2 {a}-{b} {y}", f12 / d2 if d2 > 0 else None,
              panel("arms_deliv_share_1to2", a, b, y))
        check(f"arms_deliv_share_2to1 {a}-{b} {y}", f21 / d1 if d1 > 0 else None,
              panel("arms_deliv_share_2to1", a, b, y))
# the verified rows of SOURCE.txt
for y, v in zip(range(2016, 2025), (742, 1210, 1656, 1075, 547, 467, 499, 327, 30)):
    check(f"SOURCE.txt RUS->CHN {y}", v, math.floor(panel("arms_deliv_1to2", RUS, CHN, y) + 0.5))
check("SOURCE.txt USA->JPN 2023", 930, math.floor(panel("arms_deliv_1to2", USA, JPN, 2023) + 0.5))

# ---------------------------------------------------------------- IMF DOTS
# Russia only from 1992 (before, the USSR reports as 365), the others all years.
IMF = {"United States": USA, "Russian Federation": RUS, "USSR": RUS, "India": IND,
       "Japan": JPN, "China, P.R.: Mainland": CHN}  # partners still name the USSR in 1993
fig = {}                       # (reporter, partner, flow, year) -> (value, est)
world = defaultdict(dict)      # (state, year) -> {flow: value}
with gzip.open(os.path.join(DATA, "imf_dots",
               "imf_dots_exports_imports_by_partner_1960_2020_long.csv.gz"), "rt",
               newline="", encoding="utf-8") as fh:
    for r in csv.DictReader(fh):
        rep = IMF.get(r["reporter"])
        if rep is None:
            continue
        y, v = int(r["year"]), float(r["value_usd_mn"])
        if r["partner"] == "World":
            world[(rep, y)][r["flow"]] = v
        elif r["partner"] in IMF and v >= 0:
            # a second figure for the same cell (USSR and Russian Federation): the first
            fig.setdefault((rep, IMF[r["partner"]], r["flow"], y), (v, r["imf_estimate_flag"] == "1"))

def flow(ex, im, y, reported):
    m = fig.get((im, ex, "imports_cif", y))
    if m:
        return m
    x = fig.get((ex, im, "exports_fob", y))
    if x:
        return x
    return (0.0, False) if reported else (None, False)

for a, b in DYADS:
    for y in range(1992 if RUS in (a, b) else 1960, 2021):
        g = lambda k: fig.get(k, (None,))[0]
        check(f"imf_exports_1to2 {a}-{b} {y}", g((a, b, "exports_fob", y)),
              panel("imf_exports_1to2", a, b, y))
        check(f"imf_exports_2to1 {a}-{b} {y}", g((b, a, "exports_fob", y)),
              panel("imf_exports_2to1", a, b, y))
        check(f"imf_imports_1to2 {a}-{b} {y}", g((b, a, "imports_cif", y)),
              panel("imf_imports_1to2", a, b, y))
        check(f"imf_imports_2to1 {a}-{b} {y}", g((a, b, "imports_cif", y)),
              panel("imf_imports_2to1", a, b, y))
        rep = (a, y) in world or (b, y) in world
        (f12, e12), (f21, e21) = flow(a, b, y, rep), flow(b, a, y, rep)
        tot = None if f12 is None or f21 is None else f12 + f21
        check(f"imf_trade_total {a}-{b} {y}", tot, panel("imf_trade_total", a, b, y))
        check(f"imf_estimated {a}-{b} {y}", None if tot is None else float(e12 or e21),
              panel("imf_estimated", a, b, y))
        for side, s in ((1, a), (2, b)):
            w = world.get((s, y), {})
            den = (w["exports_fob"] + w["imports_cif"]) if len(w) == 2 else None
            check(f"imf_trade_share_{side} {a}-{b} {y}",
                  tot / den if tot is not None and den else None,
                  panel(f"imf_trade_share_{side}", a, b, y))
check("SOURCE.txt CHN->RUS exports 2020", 50608, math.floor(0.5 + panel("imf_exports_2to1", RUS, CHN, 2020)))
check("SOURCE.txt RUS->CHN exports 2020", 49583, math.floor(0.5 + panel("imf_exports_1to2", RUS, CHN, 2020)))
check("SOURCE.txt USA->JPN exports 2020", 64098, math.floor(0.5 + panel("imf_exports_1to2", USA, JPN, 2020)))

# ---------------------------------------------------------------- MME
GW = {2: USA, 365: RUS, 750: IND, 740: JPN, 710: CHN}
parts = defaultdict(set)       # (exercise, year) -> our codes
npart = {}
for r in csv.DictReader(open(os.path.join(DATA, "mme_exercises", "mme-v7-long.csv"),
                             newline="", encoding="utf-8")):
    if r["gwcode"] in ("NA", "-9") or int(r["gwcode"]) not in GW:
        continue
    k = (r["MMEID"], int(r["year"]))
    parts[k].add(GW[int(r["gwcode"])])
    npart[k] = int(r["participant_count"])
for a, b in DYADS:
    for y in range(1980, 2011):
        ex = [k for k, p in parts.items() if k[1] == y and a in p and b in p]
        check(f"mme_joint {a}-{b} {y}", len(ex), panel("mme_joint", a, b, y))
        check(f"mme_bilateral {a}-{b} {y}", sum(npart[k] == 2 for k in ex),
              panel("mme_bilateral", a, b, y))
check("SOURCE.txt: 10 CHN+RUS exercises", 10,
      len({k[0] for k, p in parts.items() if CHN in p and RUS in p}))

# ---------------------------------------------------------------- US troops
troops = defaultdict(float)
for r in csv.DictReader(open(os.path.join(DATA, "us_troops",
                                          "troopdata-rebuild-country-year.csv"), newline="")):
    if r["iso3c"] in ("JPN", "IND"):
        troops[({"JPN": JPN, "IND": IND}[r["iso3c"]], int(r["year"]))] += float(r["troops_ad"])
for host in (JPN, IND):
    for y in range(1950, 2025):
        member = db.execute("SELECT 1 FROM panel WHERE ccode1=2 AND ccode2=? AND year=?",
                            (host, y)).fetchone()
        if member:
            check(f"us_troops USA-{host} {y}", troops.get((host, y)),
                  panel("us_troops", USA, host, y))
check("SOURCE.txt Japan 2023", 55799, panel("us_troops", USA, JPN, 2023))
n = db.execute("SELECT count(us_troops) FROM panel WHERE ccode1 IN (365, 710)").fetchone()[0]
check("us_troops values in dyads of RUS or CHN without the USA", 0, n)

print(f"{checks} values checked, {fails} differ")
sys.exit(1 if fails else 0)
