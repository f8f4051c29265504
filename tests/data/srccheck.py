#!/usr/bin/env python3
"""srccheck.py SOURCE -- data-backed check of one raw-source loader.

Reads the raw file(s) of SOURCE under $DATA with Python's csv module (an
independent path from the C reader), selects the rows of CHN-RUS, USA-JPN,
USA-GBR (and those states for monadic tables), and compares every selected
value with the table in the warehouse $DATADB.  Also checks that the table
holds as many rows as the file has rows of known states.  Exit 0 pass, 1 fail,
77 skipped when $DATA or $DATADB is absent."""
import csv, gzip, io, math, os, sqlite3, sys

DATA, DB = os.environ.get("DATA", ""), os.environ.get("DATADB", "")
if not os.path.isdir(DATA) or not os.path.isfile(DB):
    print("no data folder or warehouse"); sys.exit(77)
db = sqlite3.connect(DB)
PAIRS = {(710, 365), (2, 740), (2, 200)}
PAIRS |= {(b, a) for a, b in PAIRS}
STATES = {2, 200, 365, 710, 740}
ISO = {"USA": 2, "GBR": 200, "CHN": 710, "RUS": 365, "JPN": 740}
fails = 0

def rows(src, f):
    p = os.path.join(DATA, src, f)
    fh = gzip.open(p, "rt", newline="") if f.endswith(".gz") else open(p, newline="")
    return list(csv.DictReader(fh))

def num(v, neg9=False):
    if v in ("", "NA"): return None
    x = float(v)
    if neg9 and x == -9: return None
    return x

def same(a, b):
    if a is None or b is None: return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)

def compare(src, f, table, keys, vals, pick, neg9=(), conv=None):
    """keys/vals: list of (file column, sql column)."""
    global fails
    raw = rows(src, f)
    sel = [r for r in raw if pick(r)]
    if not sel:
        print(f"{f}: no rows selected"); fails += 1; return raw
    cols = ", ".join(s for _, s in vals)
    where = " AND ".join(f"{s} = ?" for _, s in keys)
    for r in sel:
        kv = [conv(c, r[c]) if conv else int(float(r[c])) for c, _ in keys]
        got = db.execute(f"SELECT {cols} FROM {table} WHERE {where}", kv).fetchall()
        if len(got) != 1:
            print(f"{table} {kv}: {len(got)} rows in the warehouse"); fails += 1; continue
        for (fc, sc), g in zip(vals, got[0]):
            want = num(r[fc], fc in neg9)
            if not same(want, g):
                print(f"{table} {kv} {sc}: file {r[fc]!r}, warehouse {g!r}"); fails += 1
    print(f"{table}: {len(sel)} rows of {f} compared")
    return raw

def count(table, n, what):
    global fails
    got = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    if got != n:
        print(f"{table}: {got} rows, expected {n} ({what})"); fails += 1
    else:
        print(f"{table}: {got} rows = {what}")

known = {r[0] for r in db.execute("SELECT ccode FROM states")} if db.execute(
    "SELECT count(*) FROM sqlite_master WHERE name='states'").fetchone()[0] else set()

def dy(r, a="ccode1", b="ccode2"):
    return (int(float(r[a])), int(float(r[b]))) in PAIRS
def mono(r, c="ccode"):
    return int(float(r[c])) in STATES
def allknown(r, *cs):
    return all(int(float(r[c])) in known for c in cs)

K3 = [("ccode1", "ccode1"), ("ccode2", "ccode2"), ("year", "year")]
K2 = [("ccode", "ccode"), ("year", "year")]
def same_names(*c): return [(x, x) for x in c]

src = sys.argv[1]
if src == "atop_alliance":
    raw = compare(src, "atop_alliance.csv", "atop_alliance", K3,
                  same_names("atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"), dy)
    count("atop_alliance", len(raw), "file rows")
elif src == "cow_alliance":
    raw = compare(src, "cow_alliance.csv", "cow_alliance", K3,
                  same_names("cow_defense", "cow_neutral", "cow_nonagg", "cow_entente"), dy)
    count("cow_alliance", len(raw), "file rows")
elif src == "cow_trade":
    raw = compare(src, "cow_trade_ndy.csv", "cow_trade_dyad", K3,
                  same_names("flow1", "flow2", "smoothflow1", "smoothflow2"), dy, neg9=("flow1", "flow2"))
    count("cow_trade_dyad", len(raw), "file rows")
    raw = compare(src, "cow_trade_sy.csv", "cow_trade_state", K2, same_names("imports", "exports"), mono)
    count("cow_trade_state", len(raw), "file rows")
elif src in ("itpd_bilateral_trade", "sipri_arms_transfers_tiv"):
    f, t, a, b, v = (("itpd_e_exports_aggregated_2000_2016.csv", "itpd_trade", "exporter", "importer",
                      "exports_const2010usd") if src.startswith("itpd") else
                     ("sipri_tiv_orders_dyadic_1950_2018.csv", "sipri_tiv", "supplier", "recipient", "tiv_ordered"))
    spells = db.execute("SELECT ccode, start, end FROM state_spells").fetchall()
    def member(c, y):  # a state on 1 July, 31 December or 1 January of y (the loader's rule)
        return any(c == k and any(a <= d <= b for d in (y * 10000 + 701, y * 10000 + 1231, y * 10000 + 101))
                   for k, a, b in spells)
    pick = lambda r: ((ISO.get(r["from_iso3"]), ISO.get(r["to_iso3"])) in PAIRS and
                      member(ISO[r["from_iso3"]], int(r["year"])) and member(ISO[r["to_iso3"]], int(r["year"])))
    conv = lambda c, x: ISO[x] if c.endswith("iso3") else int(x)
    raw = compare(src, f, t, [("from_iso3", a), ("to_iso3", b), ("year", "year")],
                  [(v, "exports" if t == "itpd_trade" else "tiv")], pick, conv=conv)
    rej = db.execute("SELECT rows_rejected FROM sources WHERE name=?", (src,)).fetchone()[0]
    count(t, len(raw) - rej, "file rows - rejected")
    if t == "itpd_trade":
        dom = sum(1 for r in raw if r["from_iso3"] == r["to_iso3"])
        rj = db.execute("SELECT rejects FROM sources WHERE name=?", (src,)).fetchone()[0]
        if f"domestic flow (exporter = importer): {dom} " not in rj:
            print(f"domestic rejections: want {dom}, rejects = {rj}"); fails += 1
        else:
            print(f"domestic rows rejected: {dom}")
elif src == "unsc_vetoes":
    raw = rows(src, "unsc_vetoes_1946_sept2022.csv")
    code = {"USA": 2, "UK": 200, "France": 220, "USSR": 365, "Russia": 365, "China": 710}
    joint = {}
    for r in raw:
        m = {code[r[f"member_veto{k}"]] for k in (1, 2, 3) if r[f"member_veto{k}"]}
        for a in m:
            for b in m:
                if a < b: joint[(a, b, int(r["year"]))] = joint.get((a, b, int(r["year"])), 0) + 1
    got = {(a, b, y): n for a, b, y, n in db.execute(
        "SELECT a.ccode, b.ccode, a.year, count(*) FROM unsc_veto_casts a JOIN unsc_veto_casts b"
        " ON a.veto_id = b.veto_id AND a.ccode < b.ccode GROUP BY 1, 2, 3")}
    for k in sorted(set(joint) | set(got)):
        if joint.get(k) != got.get(k):
            print(f"joint vetoes {k}: file {joint.get(k)}, warehouse {got.get(k)}"); fails += 1
    for p in ((365, 710), (2, 200)):
        print(f"joint vetoes {p}: {sum(n for (a, b, y), n in joint.items() if (a, b) == p)} drafts")
    count("unsc_vetoes", len(raw), "file rows")
elif src == "unga_ideal_points":
    raw = compare(src, "IdealpointsJuly2025.csv", "unga_ideal_points", K2,
                  [("idealpointall", "idealpointall"), ("idealpointfp", "idealpointfp"),
                   ("nvotesall", "nvotesall")], mono)
    count("unga_ideal_points", len(raw), "file rows")
elif src == "cow_nmc":
    raw = compare(src, "cow_nmc.csv", "cow_nmc", K2,
                  same_names("milex", "milper", "irst", "pec", "tpop", "upop", "cinc"), mono,
                  neg9=("milex", "milper", "irst", "pec", "tpop", "upop"))
    count("cow_nmc", len(raw), "file rows")
elif src == "cow_contiguity":
    raw = rows(src, "cow_contdir.csv")
    for r in raw:
        if not dy(r) and (int(r["ccode1"]), int(r["ccode2"])) not in {(2, 20), (20, 2), (365, 740), (740, 365)}:
            continue
        got = db.execute("SELECT conttype, enddate, endyear FROM cow_contiguity WHERE ccode1=? AND ccode2=? AND stdate=?",
                         (int(r["ccode1"]), int(r["ccode2"]), r["stdate"])).fetchall()
        want = [(int(r["conttype"]), r["enddate"], int(r["enddate"][:4]))]
        if got != want:
            print(f"contiguity {r}: warehouse {got}"); fails += 1
    print("cow_contiguity: spells of USA-CAN, RUS-JPN, CHN-RUS, USA-JPN, USA-GBR compared")
    count("cow_contiguity", len(raw), "file rows")
elif src == "distance":
    raw = compare(src, "cow_mindist.csv.gz", "cow_mindist", K3, same_names("mindist"), dy)
    count("cow_mindist", len(raw), "file rows")
elif src == "cow_mid":
    mid = ("sidea1", "sidea2", "fatality1", "fatality2", "fatalpre1", "fatalpre2", "hiact1",
           "hiact2", "hostlev1", "hostlev2", "orig1", "orig2")
    n9 = ("fatality1", "fatality2", "fatalpre1", "fatalpre2", "fatality")
    raw = compare(src, "cow_mid_ddydisps.csv", "cow_mid_dyad", K3,
                  same_names("dispnum", "cowmidonset", "cowmidongoing", "hostlev", "fatality", *mid), dy, neg9=n9)
    count("cow_mid_dyad", len(raw), "file rows")
    raw = compare(src, "cow_mid_dirdisps.csv", "cow_mid_dispdyad", [("dispnum", "dispnum")] + K3,
                  same_names("disponset", "dispongoing", *mid), dy, neg9=n9)
    count("cow_mid_dispdyad", len(raw), "file rows")
    raw = rows(src, "cow_mid_disps.csv")
    count("cow_mid_dispute", len(raw), "file rows")
elif src == "rivalries":
    for f, t, i, a, b in (("td_rivalries.csv", "td_rivalries", "rivalryno", "styear", "endyear"),
                          ("tss_rivalries.csv", "tss_rivalries", "tssr_id", "start", "end"),
                          ("grh_arms_races.csv", "grh_arms_races", "race_id", "styear", "endyear")):
        raw = compare(src, f, t, [(i, i)], [("ccode1", "ccode1"), ("ccode2", "ccode2"), (a, "styear"), (b, "endyear")],
                      lambda r: mono(r, "ccode1") and mono(r, "ccode2"))
        count(t, sum(1 for r in raw if allknown(r, "ccode1", "ccode2")), "file rows of COW states")
elif src == "cow_igo":
    raw = compare(src, "cow_igo_ndy.csv", "cow_igo_dyad", K3, same_names("dyadigos"), dy)
    count("cow_igo_dyad", len(raw), "file rows")
    raw = compare(src, "cow_igo_sy.csv", "cow_igo_state", K2,
                  same_names("sum_igo_full", "sum_igo_associate", "sum_igo_observer", "sum_igo_anytype"), mono)
    count("cow_igo_state", len(raw), "file rows")
elif src == "democracy_gdp":
    raw = compare(src, "ccode_democracy.csv", "democracy", K2,
                  same_names("v2x_polyarchy", "polity2", "xm_qudsest"), mono)
    count("democracy", len(raw), "file rows")
    raw = compare(src, "cow_sdp_gdp.csv", "sdp_gdp", K2,
                  same_names("wbgdp2011est", "wbpopest", "sdpest", "wbgdppc2011est"), mono)
    count("sdp_gdp", sum(1 for r in raw if allknown(r, "ccode")), "file rows of COW states")
elif src == "cow_diplomatic_exchange_extract":
    raw = compare(src, "DE_2006v1_RUS365_CHN710_extract.csv", "cow_dipex", K3,
                  [("DE", "de")], lambda r: True)
    for r in raw:
        got = db.execute("SELECT dr_at_1, dr_at_2 FROM cow_dipex WHERE year=?", (int(r["year"]),)).fetchone()
        want = tuple(None if r[c] == "9" else int(r[c]) for c in ("DR_at_1", "DR_at_2"))
        if got != want:
            print(f"dipex {r['year']}: file {want}, warehouse {got}"); fails += 1
    cov = db.execute("SELECT coverage FROM sources WHERE name=?", (src,)).fetchone()[0]
    if not cov.startswith("partial:"):
        print(f"coverage {cov!r} is not partial"); fails += 1
    count("cow_dipex", len(raw), "file rows")
else:
    print("unknown source", src); sys.exit(2)

# stated coverage recorded in the sources table
lo, hi, cov = db.execute("SELECT stated_lo, stated_hi, coverage FROM sources WHERE name=?", (src,)).fetchone()
print(f"{src}: stated coverage {lo}-{hi}, {cov}")
sys.exit(1 if fails else 0)
