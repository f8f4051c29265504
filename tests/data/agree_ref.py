#!/usr/bin/env python3
"""agree_ref.py -- an independent reference for `entente agree`, computed with
the Python standard library straight from the raw unvotes CSVs (no entente
code): for ISO2 codes A and B, per year, the roll calls both voted on, the
share of identical votes, Signorino-Ritter S (yes=1 abstain=2 no=3, dmax 2)
and Scott's pi / Cohen's kappa in the agreement-weight form of Cohen (1968):
(Po - Pe) / (1 - Pe) with w_ij = 1 - d_ij.

usage: agree_ref.py DATADIR A B FROM TO [weights] [calendar|session] [issue|-] [important|-]
                    [ISO3A ISO3B]
prints CSV rows year,n,agree,s,pi,kappa (measures empty when undefined).
With ISO3A ISO3B, the roll calls of sessions 75 on are read from the wide
unga_votes_voeten/ungaVoting_003.csv (columns ISO3A, ISO3B; codes 1 yes,
2 abstain, 3 no, 8/9 no vote), each assigned to the session open on its date
from the opening dates below (UN press releases, see docs/measures.md).
"""
import csv
import os
import sys

data, A, B, lo, hi = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
wt = sys.argv[6] if len(sys.argv) > 6 else "quadratic"
cal = len(sys.argv) > 7 and sys.argv[7] == "calendar"
issue = sys.argv[8] if len(sys.argv) > 8 and sys.argv[8] != "-" else None
important = len(sys.argv) > 9 and sys.argv[9] == "important"
wide = sys.argv[10:12] if len(sys.argv) > 11 else None
OPENED = [(75, "2020-09-15"), (76, "2021-09-14"), (77, "2022-09-13"), (78, "2023-09-05"),
          (79, "2024-09-10")]

year = {}
flagged = 0  # with important: the last year with important-vote flags; later years have no data
for r in csv.DictReader(open(f"{data}/unvotes/un_roll_calls.csv", newline="")):
    if r["importantvote"] in ("0", "1"):
        flagged = max(flagged, int(r["date"][:4]) if cal else int(r["session"]) + 1945)
    if important and r["importantvote"] != "1":
        continue
    year[r["rcid"]] = int(r["date"][:4]) if cal else int(r["session"]) + 1945
if issue:
    keep = {r["rcid"] for r in csv.DictReader(open(f"{data}/unvotes/un_roll_call_issues.csv",
                                                  newline="")) if r["short_name"] == issue}
    year = {k: v for k, v in year.items() if k in keep}
code = {"yes": 0, "abstain": 1, "no": 2}
va, vb = {}, {}
# the two states' rows of un_votes.csv, cached per pair in $REFCACHE (speed only)
cache = os.environ.get("REFCACHE") and os.path.join(os.environ["REFCACHE"], f"votes_{A}_{B}.csv")
if cache and os.path.exists(cache):
    rows = csv.DictReader(open(cache, newline=""))
else:
    rows = [r for r in csv.DictReader(open(f"{data}/unvotes/un_votes.csv", newline=""))
            if r["country_code"] in (A, B)]
    if cache:
        with open(cache, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=["rcid", "country", "country_code", "vote"])
            w.writeheader()
            w.writerows(rows)
for r in rows:
    if r["country_code"] == A:
        va[r["rcid"]] = code[r["vote"]]
    elif r["country_code"] == B:
        vb[r["rcid"]] = code[r["vote"]]

if wide and not important:  # no important-vote flags in the wide file
    for r in csv.DictReader(open(f"{data}/unga_votes_voeten/ungaVoting_003.csv", newline="")):
        if r["date"] < OPENED[0][1]:
            continue
        session = max(s for s, d in OPENED if d <= r["date"])
        if issue and r[issue] != "TRUE":
            continue
        key = "w" + r["rcid"] + r["date"]
        year[key] = int(r["date"][:4]) if cal else session + 1945
        for col, dst in ((wide[0], va), (wide[1], vb)):
            x = int(float(r[col]))
            if x in (1, 2, 3):
                dst[key] = x - 1

def agreement_weight(i, j):
    if wt == "nominal":
        return 1.0 if i == j else 0.0
    d = abs(i - j) / 2
    return 1 - (d if wt == "linear" else d * d)

def fmt(x):
    return "" if x is None else "%.6f" % x

for y in range(lo, hi + 1):
    if important and y > flagged:
        print(f"{y},,,,,")
        continue
    pairs = [(va[k], vb[k]) for k in va if k in vb and year.get(k) == y]
    n = len(pairs)
    if n == 0:
        print(f"{y},0,,,,")
        continue
    p = [[0.0] * 3 for _ in range(3)]
    for i, j in pairs:
        p[i][j] += 1 / n
    r = [sum(p[i]) for i in range(3)]
    c = [sum(p[i][j] for i in range(3)) for j in range(3)]
    m = [(r[i] + c[i]) / 2 for i in range(3)]
    po = sum(p[i][j] * agreement_weight(i, j) for i in range(3) for j in range(3))
    pe_k = sum(r[i] * c[j] * agreement_weight(i, j) for i in range(3) for j in range(3))
    pe_p = sum(m[i] * m[j] * agreement_weight(i, j) for i in range(3) for j in range(3))
    agree = sum(1 for i, j in pairs if i == j) / n
    s = 1 - 2 * sum(abs(i - j) for i, j in pairs) / (2 * n)
    kappa = (po - pe_k) / (1 - pe_k) if 1 - pe_k > 1e-12 else None
    pi = (po - pe_p) / (1 - pe_p) if 1 - pe_p > 1e-12 else None
    print(f"{y},{n},{fmt(agree)},{fmt(s)},{fmt(pi)},{fmt(kappa)}")
