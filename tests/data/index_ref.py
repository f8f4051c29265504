#!/usr/bin/env python3
"""index_ref.py DB CONF DATA YEAR A-B GROUP

An independent implementation of the consequentiality index, for
tests/data/index_verdict.sh: reads the config (docs/index-default.conf),
the panel's rows of YEAR from the warehouse DB, normalises each term by
percentile mid-rank among all dyads of the year, scores dimensions (present
terms, weights renormalised; none present -> missing) and the composite
(present dimensions; weights renormalised), forms GROUP (allies:S,
allies:S:any, partners:S, all, or A-B,C-D with COW abbreviations), and prints
the verdict sentence as `entente compare` should, followed by the group's
rows "a b composite" (unrounded) for a score check."""
import csv
import math
import sqlite3
import sys

db, conf, data, year, subj, group = sys.argv[1:7]
year = int(year)
DIMS = ["personal", "economic", "military", "diplomatic"]

abb2c, c2abb = {}, {}
for r in csv.DictReader(open(f"{data}/cow_states/cow_states.csv")):
    abb2c[r["stateabb"]] = int(r["ccode"])
    c2abb[int(r["ccode"])] = r["stateabb"]

dimw = {d: 1.0 for d in DIMS}
terms = []  # (dim, expr, op, cols, weight, reverse)
for line in open(conf):
    line = line.split("#")[0].split()
    if not line:
        continue
    if line[0] == "dimension":
        dimw[line[1]] = float(line[2])
        continue
    dim, expr, w = line[0], line[1], float(line[2])
    rev = len(line) > 3 and line[3] == "reverse"
    if "(" in expr:
        op, rest = expr.split("(")
        cols = rest.rstrip(")").split(",")
    else:
        op, cols = None, [expr]
    if w > 0:
        terms.append((dim, expr, op, cols, w, rev))

con = sqlite3.connect(db)
colsql = ", ".join('"%s"' % c for t in terms for c in t[3])
rows = con.execute(f"SELECT ccode1, ccode2, {colsql} FROM panel WHERE year = ? "
                   "ORDER BY ccode1, ccode2", (year,)).fetchall()
keys = [(r[0], r[1]) for r in rows]
raw = []
for r in rows:
    vals, k = [], 2
    for (_, _, op, cols, _, _) in terms:
        xs = list(r[k:k + len(cols)])
        k += len(cols)
        if op is None:
            v = xs[0]
        elif op == "max":
            p = [x for x in xs if x is not None]
            v = max(p) if p else None
        elif op == "sum":
            v = None if None in xs else xs[0] + xs[1]
        else:
            v = None if None in xs else (xs[0] + xs[1]) / 2
        vals.append(None if v is None else float(v))
    raw.append(vals)

n = len(rows)
norm = [[None] * len(terms) for _ in range(n)]
for t, term in enumerate(terms):
    present = sorted(raw[i][t] for i in range(n) if raw[i][t] is not None)
    if not present:
        continue
    below, equal = {}, {}
    for i, v in enumerate(present):
        below.setdefault(v, i)
        equal[v] = equal.get(v, 0) + 1
    for i in range(n):
        v = raw[i][t]
        if v is None:
            continue
        s = 50.0 if present[0] == present[-1] else \
            100.0 * (below[v] + equal[v] / 2.0) / len(present)
        norm[i][t] = 100.0 - s if term[5] else s


def score(i):
    dims = []
    for d in DIMS:
        num = den = 0.0
        for t, term in enumerate(terms):
            if term[0] == d and norm[i][t] is not None:
                num += term[4] * norm[i][t]
                den += term[4]
        dims.append(num / den if den > 0 else None)
    num = den = 0.0
    for d, v in zip(DIMS, dims):
        if dimw[d] > 0 and v is not None:
            num += dimw[d] * v
            den += dimw[d]
    return dims, (num / den if den > 0 else None)


idx = {k: i for i, k in enumerate(keys)}
a, b = (abb2c[x] for x in subj.split("-"))
me = idx[(min(a, b), max(a, b))]
if group == "all":
    members = list(range(n))
elif group.startswith("partners:"):
    s = abb2c[group.split(":")[1]]
    members = [i for i, k in enumerate(keys) if s in k]
elif group.startswith("allies:"):
    s = abb2c[group.split(":")[1]]
    col = "atop_level > 0" if group.endswith(":any") else "atop_defense = 1"
    q = con.execute(f"SELECT ccode1, ccode2 FROM panel WHERE year = ? AND "
                    f"(ccode1 = ? OR ccode2 = ?) AND {col}", (year, s, s)).fetchall()
    members = [idx[(x, y)] for x, y in q]
else:
    members = []
    for p in group.split(","):
        x, y = (abb2c[z] for z in p.split("-"))
        members.append(idx[(min(x, y), max(x, y))])
if me not in members:
    members.append(me)
sc = {i: score(i) for i in members}
mine = sc[me]


def verdict_part(get):
    s = get(mine)
    if s is None:
        return None
    others = [get(sc[i]) for i in members if i != me and get(sc[i]) is not None]
    return sum(1 for o in others if s > o), len(others)


comp = verdict_part(lambda x: x[1])
complete = all(v is not None for d, v in zip(DIMS, mine[0]) if dimw[d] > 0)
out = f"{subj} ranks above {comp[0]} of {comp[1]} ({100.0 * comp[0] / comp[1]:.0f}%) on the composite"
if not complete:
    out += " (flagged: the subject lacks a dimension)"
out += ";"
for j, d in enumerate(DIMS):
    vp = verdict_part(lambda x, j=j: x[0][j])
    out += (" on" if j == 0 else ",") + f" {d} " + ("missing" if vp is None else f"{vp[0]} of {vp[1]}")
print(out + ".")
for i in members:
    c = sc[i][1]
    print(c2abb[keys[i][0]], c2abb[keys[i][1]], "" if c is None else repr(c))
