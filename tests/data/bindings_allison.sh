#!/bin/sh
# bindings_allison.sh -- the Allison comparison on the real warehouse through
# the Python module and the R package, value for value against the CLI's CSV:
# CHN-RUS against allies:USA@2018, 2014-2023, 100 draws, seed 1.
[ -f "$DATADB" ] || { echo "no warehouse (data absent)"; exit 77; }
case "$B" in *san*) echo "not under sanitizers"; exit 77 ;; esac
PY=${PYTHON:-/usr/bin/python3}
set -e
W="$TMPD/bindings_allison"; rm -rf "$W"; mkdir -p "$W"
"$ENTENTE" compare CHN-RUS --with allies:USA@2018 --from 2014 --to 2023 --draws 100 --seed 1 \
    --db "$DATADB" --format csv > "$W/cli.csv" 2>/dev/null
[ "$(wc -l < "$W/cli.csv")" -gt 600 ]
if "$PY" -c 'import pandas' 2>/dev/null; then
    ENTENTE_LIB="$ROOT/$B/libentente.so" "$PY" - "$ROOT/bindings/python" "$DATADB" "$W/cli.csv" <<'PYEOF'
import csv, math, sys
sys.path.insert(0, sys.argv[1])
import entente
df = entente.compare("CHN-RUS", with_="allies:USA@2018", from_=2014, to=2023, draws=100, seed=1,
                     db=sys.argv[2])
rows = list(csv.DictReader(open(sys.argv[3])))
assert len(df) == len(rows), (len(df), len(rows))
for i, r in enumerate(rows):
    for c in ("a", "b", "year", "rank", "group_size", "is_subject"):
        got = df[c].iloc[i]
        want = r[c]
        assert (want == "" and got is entente.pd.NA) or str(got) == want, (i, c, got, want)
    for c in ("personal", "economic", "military", "diplomatic", "composite"):
        got, want = df[c].iloc[i], r[c]
        if want == "":
            assert math.isnan(got), (i, c, got)
        else:
            assert abs(got - float(want)) <= 0.05 + 1e-9, (i, c, got, want)
v = df.attrs["verdict"]
assert isinstance(v, list) and any(s.startswith("2018: CHN-RUS ranks above 66 of 66") for s in v), v
print("python: %d rows equal the CLI's; %s" % (len(df), [s for s in v if s.startswith("2018")][0]))
PYEOF
else
    echo "python: no pandas, not checked"
fi
if command -v R >/dev/null && [ -x "$(command -v Rscript)" ]; then
    mkdir -p "$W/rlib" "$W/rsrc"
    # a copy, without objects a build in the tree may have left (they would be
    # reused after a header change)
    cp -R "$ROOT/bindings/r/entente" "$W/rsrc/" && rm -f "$W"/rsrc/entente/src/*.o "$W"/rsrc/entente/src/*.so
    PKG_CONFIG_PATH="$ROOT/$B" R CMD INSTALL --preclean -l "$W/rlib" "$W/rsrc/entente" > "$W/rinst.out" 2>&1 ||
        { cat "$W/rinst.out"; exit 1; }
    Rscript - "$W/rlib" "$DATADB" "$W/cli.csv" <<'REOF'
a <- commandArgs(TRUE)
library(entente, lib.loc = a[1])
d <- ent_compare("CHN-RUS", "allies:USA@2018", from = 2014, to = 2023, draws = 100, seed = 1, db = a[2])
w <- utils::read.csv(a[3], stringsAsFactors = FALSE, na.strings = "")
stopifnot(nrow(d) == nrow(w), identical(d$a, w$a), identical(d$year, as.integer(w$year)),
          identical(d$rank, as.integer(w$rank)))
for (c in c("personal", "economic", "military", "diplomatic", "composite"))
  stopifnot(identical(is.na(d[[c]]), is.na(w[[c]])),
            all(abs(d[[c]] - w[[c]]) <= 0.05 + 1e-9, na.rm = TRUE))
cat("R:", nrow(d), "rows equal the CLI's\n")
REOF
else
    echo "R: not installed, not checked"
fi
