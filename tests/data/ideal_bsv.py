#!/usr/bin/env python3
"""ideal_bsv.py -- entente's ideal points against Bailey-Strezhnev-Voeten's
published IdealPointAll (July 2025 release): the correlation across states in
every year both cover, and the CHN-RUS, USA-CHN, USA-RUS distance series.

usage: ideal_bsv.py OURS.csv BSV.csv [--table]   (exit 1 when a check fails)

Checks: median yearly correlation >= 0.95; no year below 0.85 unless it is
listed in EXPLAINED with its reason."""
import csv, math, statistics, sys

EXPLAINED = {}  # year: reason (none needed at present)

def cor(a, b):
    ma, mb = sum(a) / len(a), sum(b) / len(b)
    sa = sum((x - ma) ** 2 for x in a)
    sb = sum((y - mb) ** 2 for y in b)
    return sum((x - ma) * (y - mb) for x, y in zip(a, b)) / math.sqrt(sa * sb)

ours, bsv = {}, {}
for r in csv.DictReader(open(sys.argv[1])):
    ours[(int(r["ccode"]), int(r["year"]))] = float(r["estimate"])
for r in csv.DictReader(open(sys.argv[2])):
    try:
        v = float(r["idealpointall"])
    except ValueError:
        continue
    if not math.isnan(v):
        bsv[(int(float(r["ccode"])), int(float(r["year"])))] = v
table = "--table" in sys.argv
years = sorted({y for (_, y) in ours})
rows = []
for y in years:
    keys = [k for k in ours if k[1] == y and k in bsv]
    if len(keys) < 10:
        continue
    rows.append((y, len(keys), cor([ours[k] for k in keys], [bsv[k] for k in keys])))
cs = [c for _, _, c in rows]
med = statistics.median(cs)
low = [(y, c) for y, _, c in rows if c < 0.85 and y not in EXPLAINED]
print("years compared: %d (%d-%d); median correlation %.4f; min %.4f (%d); years < 0.85: %s"
      % (len(rows), rows[0][0], rows[-1][0], med, min(cs), rows[cs.index(min(cs))][0],
         ", ".join("%d (%.3f)" % t for t in low) or "none"))
if table:
    print("\n| year | states | r | year | states | r | year | states | r |")
    print("|---|---|---|---|---|---|---|---|---|")
    third = (len(rows) + 2) // 3
    for i in range(third):
        cells = []
        for j in range(3):
            if i + j * third < len(rows):
                y, n, c = rows[i + j * third]
                cells += [str(y), str(n), "%.3f" % c]
            else:
                cells += ["", "", ""]
        print("| " + " | ".join(cells) + " |")
    pairs = [("CHN", 710, "RUS", 365), ("USA", 2, "CHN", 710), ("USA", 2, "RUS", 365)]
    print("\n| year | " + " | ".join("%s-%s entente | BSV" % (p[0], p[2]) for p in pairs) + " |")
    print("|---|" + "---|---|" * len(pairs))
    for y in years:
        if y % 5 and y != years[-1]:
            continue
        cells = [str(y)]
        for _, a, _, b in pairs:
            for src in (ours, bsv):
                if (a, y) in src and (b, y) in src:
                    cells.append("%.2f" % abs(src[(a, y)] - src[(b, y)]))
                else:
                    cells.append("")
        print("| " + " | ".join(cells) + " |")
ok = med >= 0.95 and not low
sys.exit(0 if ok else 1)
