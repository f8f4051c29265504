#!/bin/sh
# faults.sh -- `entente fetch` against a loopback server (tests/fetch/server.py
# on 127.0.0.1, a free port) that injects one fault per URL prefix: each
# failure must be reported with its URL and reason and leave the data folder
# exactly as it was; transient faults (500, a cut connection) must be retried,
# a cut download resumed.  Small generated files; no network beyond loopback.
set -u
: "${ENTENTE:?}" "${ROOT:?}"
W=$(mktemp -d)
SRV=""
MNT=""
cleanup() {
    [ -n "$SRV" ] && kill "$SRV" 2>/dev/null
    [ -n "$MNT" ] && umount "$MNT" 2>/dev/null
    rm -rf "$W"
}
trap cleanup EXIT
fails=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }

# fixtures: three files, one of them an "original" with a prepared form
mkdir -p "$W/srv/r" "$W/prep"
python3 - "$W" <<'PY'
import hashlib, os, sys
w = sys.argv[1]
def put(p, data):
    open(p, "wb").write(data)
a = b"".join(b"%d,%d,row %d\n" % (i, i * 7 % 1000, i) for i in range(20000))  # ~375 kB
b = bytes((i * 31 + 7) % 251 for i in range(70000))
c = b"small file\n"
put(w + "/srv/r/a.csv", a); put(w + "/srv/r/b.rda", b); put(w + "/srv/r/c.txt", c)
prep = b"prepared from b\n"
put(w + "/prep/b.csv", prep)
h = lambda d: hashlib.sha256(d).hexdigest()
rows = [("set1/a.csv", "set1", "verbatim", "r/a.csv", a),
        ("set1/upstream/b.rda", "set1", "original", "r/b.rda", b),
        ("set2/c.txt", "set2", "verbatim", "r/c.txt", c)]
with open(w + "/manifest.tsv", "w") as f:
    f.write("# test manifest\n")
    f.write("path\tsource\tkind\turl\tmirror_path\tsize\tsha256\tformat\tfrom\tlicence\tcitation\trecipe\n")
    for p, s, k, mp, d in rows:
        f.write("\t".join([p, s, k, "https://example.invalid/" + mp, mp, str(len(d)), h(d),
                           p.rsplit(".", 1)[1], "-", "CC0", "Test (2026)", "none"]) + "\n")
    f.write("\t".join(["set1/b.csv", "set1", "prepared", "-", "-", str(len(prep)), h(prep), "csv",
                       "set1/upstream/b.rda", "CC0", "Test (2026)", "librdata"]) + "\n")
PY
python3 "$ROOT/tests/fetch/server.py" --root "$W/srv" --portfile "$W/port" &
SRV=$!
i=0
while [ ! -s "$W/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$W/port" ] || { echo "server did not start"; exit 1; }
URL="http://127.0.0.1:$(cat "$W/port")"
F() { "$ENTENTE" fetch --manifest "$W/manifest.tsv" "$@"; }
snap() { (cd "$1" && find . -type f | sort | while read -r f; do sha256sum "$f"; done; find . -type d | sort); }

# a folder holding a good c.txt and an outdated a.csv: what faults must not touch
seed() {
    mkdir -p "$1"; find "$1" -mindepth 1 -delete; mkdir -p "$1/set1" "$1/set2"
    printf 'old a\n' > "$1/set1/a.csv"
    cp "$W/srv/r/c.txt" "$1/set2/c.txt"
}
# expect_fault NAME MODE PATTERN [options]: fails, says PATTERN and the URL, folder unchanged
expect_fault() {
    name=$1 mode=$2 pat=$3; shift 3
    d="$W/d-$name"; seed "$d"; snap "$d" > "$W/before"
    F --data "$d" --mirror "$URL/$mode" --jobs 2 "$@" > "$W/out" 2>&1
    rc=$?
    snap "$d" > "$W/after"
    if [ $rc -ne 1 ]; then bad "$name: exit $rc, want 1"; cat "$W/out"
    elif ! grep -q "$pat" "$W/out"; then bad "$name: no '$pat' in the report"; cat "$W/out"
    elif ! grep -q "failed   set1/a.csv: $URL/$mode/r/a.csv: " "$W/out"; then
        bad "$name: the failure does not name the file and its URL"; cat "$W/out"
    elif ! cmp -s "$W/before" "$W/after"; then bad "$name: the folder changed"; diff "$W/before" "$W/after"
    else ok "$name: $(grep -m1 "^failed" "$W/out" | sed 's/.*r\/a.csv: //')"; fi
}

# 1. a clean fetch into an empty folder, then --verify, then a second run fetches nothing
d="$W/d-ok"
if F --data "$d" --mirror "$URL/ok" > "$W/out" 2>&1 && cmp -s "$d/set1/a.csv" "$W/srv/r/a.csv" &&
   cmp -s "$d/set1/upstream/b.rda" "$W/srv/r/b.rda" && cmp -s "$d/set2/c.txt" "$W/srv/r/c.txt" &&
   grep -q "3 fetched" "$W/out" && ! ls "$d"/*/*.part >/dev/null 2>&1; then ok "fetch into an empty folder"
else bad "fetch into an empty folder"; cat "$W/out"; fi
F --verify --data "$d" > "$W/out" 2>&1 && grep -q "3 ok, 0 missing, 1 covered" "$W/out" &&
    ok "verify a fetched folder (the prepared b.csv covered by its original)" || { bad "verify fetched"; cat "$W/out"; }
F --data "$d" --mirror "$URL/404" > "$W/out" 2>&1 && grep -q "0 fetched (0.0 MB), 3 already present" "$W/out" &&
    ok "a second fetch downloads nothing" || { bad "second fetch"; cat "$W/out"; }
# --only takes one data set
d="$W/d-only"
F --data "$d" --mirror "$URL/ok" --only set2 > "$W/out" 2>&1 && [ -f "$d/set2/c.txt" ] && [ ! -e "$d/set1" ] &&
    ok "--only set2" || { bad "--only"; cat "$W/out"; }
F --data "$d" --only nosuch > "$W/out" 2>&1
[ $? -eq 1 ] && grep -q "no data set 'nosuch' in the manifest; known: set1 set2" "$W/out" &&
    ok "--only with an unknown name" || { bad "--only unknown"; cat "$W/out"; }

# 2. faults that must fail and leave the folder as it was
expect_fault 404 404 "HTTP 404"
expect_fault badsum badsum "sha256 [0-9a-f]*, expected"
expect_fault loop loop "too many redirects (more than 10)"
t0=$(date +%s)
expect_fault slow slow "stalled: under 1 KiB/s for 1 s" --timeout 1 --retries 0
[ $(( $(date +%s) - t0 )) -lt 15 ] && ok "the stall was cut within seconds" || bad "the stall took too long"

# 3. transient faults: retried, resumed, and the file right in the end
d="$W/d-500"; seed "$d"
F --data "$d" --mirror "$URL/500once" --retries 2 > "$W/out" 2>&1 && grep -q "retry    set1/a.csv: HTTP 500" "$W/out" &&
    cmp -s "$d/set1/a.csv" "$W/srv/r/a.csv" && ok "a 500, retried, then success" || { bad "500 then success"; cat "$W/out"; }
d="$W/d-cut"; seed "$d"
F --data "$d" --mirror "$URL/cut" --retries 2 > "$W/out" 2>&1 &&
    grep -q "retry    set1/a.csv: connection cut after [1-9][0-9]* of [0-9]* bytes; resuming at byte [1-9]" "$W/out" &&
    cmp -s "$d/set1/a.csv" "$W/srv/r/a.csv" && cmp -s "$d/set1/upstream/b.rda" "$W/srv/r/b.rda" &&
    ok "a cut connection, resumed with a range: $(grep -m1 'resuming' "$W/out" | sed 's/.*: connection/connection/')" ||
    { bad "cut then resume"; cat "$W/out"; }
# a server that ignores the range: the resumed file starts over and is still right
d="$W/d-norange"; seed "$d"; head -c 1000 "$W/srv/r/a.csv" > "$d/set1/a.csv.part"
F --data "$d" --mirror "$URL/norange" > "$W/out" 2>&1 && cmp -s "$d/set1/a.csv" "$W/srv/r/a.csv" &&
    ok "a .part resumed against a server that ignores ranges" || { bad "norange"; cat "$W/out"; }
# a .part left by a killed run is resumed (206 from byte 1000)
d="$W/d-part"; seed "$d"; head -c 1000 "$W/srv/r/a.csv" > "$d/set1/a.csv.part"
F --data "$d" --mirror "$URL/ok" > "$W/out" 2>&1 && cmp -s "$d/set1/a.csv" "$W/srv/r/a.csv" &&
    [ ! -e "$d/set1/a.csv.part" ] && ok "a leftover .part is resumed" || { bad "leftover part"; cat "$W/out"; }

# 4. a full disk: a 64 KiB tmpfs (root), else a file-size limit
d="$W/d-full"
if mkdir -p "$d" && mount -t tmpfs -o size=64k tmpfs "$d" 2>/dev/null; then
    MNT=$d
    seed "$d"; snap "$d" > "$W/before"
    F --data "$d" --mirror "$URL/ok" --only set1 > "$W/out" 2>&1; rc=$?
    snap "$d" > "$W/after"
    [ $rc -eq 1 ] && grep -q "failed   set1/a.csv: .*cannot write .*a.csv.part: No space left on device" "$W/out" &&
        cmp -s "$W/before" "$W/after" && ok "a full disk (tmpfs of 64 KiB)" || { bad "full disk"; cat "$W/out"; diff "$W/before" "$W/after"; }
    umount "$d" || umount -l "$d"; MNT=""
else
    seed "$d"; snap "$d" > "$W/before"
    (ulimit -f 64; F --data "$d" --mirror "$URL/ok" --only set1) > "$W/out" 2>&1; rc=$?
    snap "$d" > "$W/after"
    [ $rc -eq 1 ] && grep -q "cannot write .*a.csv.part: File too large" "$W/out" && cmp -s "$W/before" "$W/after" &&
        ok "a full disk (ulimit -f)" || { bad "full disk (ulimit)"; cat "$W/out"; }
fi

# 5. --verify: missing, changed, extra; and a folder with the prepared form only
d="$W/d-ok"
printf 'x' >> "$d/set1/a.csv"; rm "$d/set2/c.txt"; echo extra > "$d/set2/notes.txt"
F --verify --data "$d" > "$W/out" 2>&1; rc=$?
[ $rc -eq 1 ] && grep -q "^changed  set1/a.csv: [0-9]* bytes, expected [0-9]*" "$W/out" &&
    grep -q "^missing  set2/c.txt: verbatim" "$W/out" && grep -q "^extra    set2/notes.txt" "$W/out" &&
    ok "verify lists changed, missing and extra" || { bad "verify lists"; cat "$W/out"; }
d="$W/d-prep"; mkdir -p "$d/set1"; cp "$W/prep/b.csv" "$d/set1/"
F --verify --data "$d" --only set1 > "$W/out" 2>&1
grep -q "^missing  set1/a.csv" "$W/out" && ! grep -q "upstream/b.rda" "$W/out" &&
    grep -q "0 ok\|1 ok" "$W/out" && grep -q "1 covered" "$W/out" &&
    ok "verify: an original covered by its prepared file" || { bad "verify covered"; cat "$W/out"; }

# a build source name in --only stands for its data folder (archigos reads
# archigos_leaders): the build's source table reaches fetch from its caller
d="$W/d-src"; mkdir -p "$d"
"$ENTENTE" fetch --verify --data "$d" --only archigos > "$W/out" 2>&1; rc=$?
[ $rc -eq 1 ] && grep -q "^missing  archigos_leaders/upstream/LEAD.rda" "$W/out" &&
    ! grep -v "^missing  archigos_leaders/\|^verify: " "$W/out" &&
    ok "--only archigos (a build source) selects archigos_leaders" ||
    { bad "--only by source name"; cat "$W/out"; }
"$ENTENTE" fetch --data "$d" --mirror "$URL/none" --retries 0 --only archigos > "$W/out" 2>&1
rc=$?
[ $rc -ne 0 ] && grep -q "archigos_leaders/upstream/LEAD.rda" "$W/out" &&
    ! grep -q "no data set" "$W/out" && ok "fetch --only maps a source name too" ||
    { bad "fetch --only by source name"; cat "$W/out"; }

echo "$fails failed"
[ $fails -eq 0 ]
