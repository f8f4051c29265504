"""test_newer.py -- entente.states, resolve, sources, similarity, agree's
options and agree_with, meetings_by_year, idealpoints, events, fetch,
fetch_check and report: hand-worked values (the ones the CLI golden tests
hold) and the CLI's CSV, value for value, on the fixture warehouses of
tests/sh/python.sh (tests/sh/bindings.inc).  events needs $DATA's
cameo_codebook/ ($ENTENTE_TEST_CAMEO_DATA); it is skipped without.
"""
import hashlib
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import entente  # noqa: E402
from test_queries import cli_csv, missing  # noqa: E402

WDB = os.environ.get("ENTENTE_TEST_DB")
CONF = os.environ.get("ENTENTE_TEST_CONF")
PDB = os.environ.get("ENTENTE_TEST_PANEL_DB")
MDB = os.environ.get("ENTENTE_TEST_MEET_DB")
FIX = os.environ.get("ENTENTE_TEST_FIX")
CAMEO = os.environ.get("ENTENTE_TEST_CAMEO_DATA")
CLI = os.environ.get("ENTENTE")
HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "..", "..", "..", "tests", "fetch", "server.py")


class TestSimilarity(unittest.TestCase):
    """needs no warehouse: the published values of tests/cli/similarity_published"""

    def values(self, df):
        self.assertEqual(list(df.columns), ["measure", "value"])
        return dict(zip(df["measure"], df["value"]))

    def test_signorino_ritter(self):
        # S for (3,3,2,2) vs (2,2,3,3), w = (.5,.3,.1,.1), dmax 3: 1 - 2*(1/3) = 1/3
        v = self.values(entente.similarity([3, 3, 2, 2], [2, 2, 3, 3], levels=(0, 3),
                                           w=[.5, .3, .1, .1]))
        self.assertEqual(list(v), ["s", "s_weighted", "s_squared", "pi_nominal", "pi_linear",
                                   "pi_quadratic", "kappa_nominal", "kappa_linear",
                                   "kappa_quadratic", "taub"])
        self.assertAlmostEqual(v["s"], 1 / 3, places=12)
        self.assertAlmostEqual(v["s_weighted"], 1 / 3, places=12)
        self.assertAlmostEqual(v["s_squared"], 7 / 9, places=12)  # 1 - 2*(1/9)
        for k in ("pi_nominal", "kappa_quadratic", "taub"):
            self.assertAlmostEqual(v[k], -1.0, places=12)

    def test_unweighted(self):
        # (3,3,1,2) vs (3,3,1,3), dmax 2: S = 1 - 2*(1/2)/4 = .75; no weights: s_weighted NaN
        df = entente.similarity((3, 3, 1, 2), (3, 3, 1, 3), levels=[1, 3])
        v = self.values(df)
        self.assertAlmostEqual(v["s"], 0.75, places=12)
        self.assertTrue(math.isnan(v["s_weighted"]))
        self.assertAlmostEqual(v["s_squared"], 0.875, places=12)
        self.assertAlmostEqual(v["pi_nominal"], 0.5294, places=4)
        self.assertAlmostEqual(v["kappa_nominal"], 0.5556, places=4)
        self.assertAlmostEqual(v["kappa_quadratic"], 0.8333, places=4)
        self.assertAlmostEqual(v["taub"], 0.7746, places=4)
        self.assertEqual(df.attrs["info"], "4 items, levels 1:3")
        self.assertAlmostEqual(self.values(entente.similarity(
            [0, 1, 2, 3], [3, 2, 1, 0], levels=(0, 3)))["s"], -1 / 3, places=12)
        self.assertEqual(self.values(entente.similarity(
            [0, 1, 2, 3], [0, 1, 2, 3], levels=(0, 3)))["s"], 1.0)

    def test_csv_path(self):
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "ties.csv")
            with open(p, "w") as f:
                f.write("x,y,w\n3,2,.5\n3,2,.3\n2,3,.1\n2,3,.1\n")
            a = self.values(entente.similarity(path=p, levels=(0, 3)))
            b = self.values(entente.similarity([3, 3, 2, 2], [2, 2, 3, 3], levels=(0, 3),
                                               w=[.5, .3, .1, .1]))
            self.assertEqual(a, b)
            with open(p, "w") as f:
                f.write("x,y\n3,2\nz,3\n")
            with self.assertRaises(entente.Error) as e:
                entente.similarity(path=p, levels=(0, 3))
            self.assertIn("ties.csv:3", str(e.exception))

    def test_errors(self):
        with self.assertRaises(entente.Error) as e:
            entente.similarity([3, 3, 5], [3, 3, 1], levels=(1, 3))
        self.assertIn("5", str(e.exception))
        with self.assertRaises(entente.Error):
            entente.similarity([3, 3], [3, 3], levels=(1, 3), w=[1, -1])
        with self.assertRaises(entente.Error) as e:
            entente.similarity([3, 3, 1], [3, 3], levels=(1, 3))
        self.assertIn("same number", str(e.exception))
        with self.assertRaises(entente.Error):
            entente.similarity([1, 2], [1, 2], levels=(3, 1))


@unittest.skipUnless(PDB and MDB and WDB and CLI and FIX, "ENTENTE_TEST_PANEL_DB etc. not set")
class TestNewer(unittest.TestCase):
    def test_states(self):
        every = entente.states(db=WDB)
        codes = dict(zip(every["input"], every["ccode"]))
        self.assertEqual(codes["CHN"], 710)
        self.assertEqual(codes["RUS"], 365)
        self.assertEqual(list(every["ccode"]), sorted(every["ccode"]))
        names = ["RUS", "RU", 365, "Russia", "russian federation", "USSR", "GBR", "JPN",
                 "Côte d’Ivoire"]
        df = entente.states(names, db=WDB)
        rows = cli_csv(WDB, "states", *[str(n) for n in names])
        self.assertEqual(len(df), len(rows))
        for i, row in enumerate(rows):
            for c in ("input", "ccode", "abb", "name"):
                self.assertEqual(str(df[c].iloc[i]), row[c], c)
            self.assertTrue(missing(df["member"].iloc[i]))
        self.assertEqual(list(df["ccode"][:6]), [365] * 6)
        df = entente.states(["Germany", "Yemen"], year=1980, db=WDB)
        self.assertEqual(list(df["ccode"]), [260, 678])
        self.assertEqual(list(df["member"]), ["yes", "yes"])
        for name in ("Russia", "RUS", 365, "russian federation"):
            self.assertEqual(entente.resolve(name, db=WDB), 365)
        self.assertEqual(entente.resolve("Germany", year=1980, db=WDB), 260)
        with self.assertRaises(entente.Error) as e:
            entente.resolve("AUS", db=WDB)
        self.assertIn("ambiguous", str(e.exception))
        self.assertIn("AUL Australia (900)", str(e.exception))
        with self.assertRaises(entente.Error) as e:
            entente.states(["RUS", "Narnia"], db=WDB)
        self.assertIn("unknown state 'Narnia'", str(e.exception))

    def test_sources(self):
        df = entente.sources(db=PDB)
        rows = cli_csv(PDB, "sources")
        self.assertEqual(list(df["source"]), [r["source"] for r in rows])
        for i, row in enumerate(rows):
            for c in ("read", "loaded", "rejected", "years", "stated", "coverage"):
                if row[c] == "":
                    self.assertTrue(missing(df[c].iloc[i]), f"{c}[{i}]")
                else:
                    self.assertEqual(str(df[c].iloc[i]), row[c], f"{c}[{i}]")
        self.assertNotIn("rejects", df.columns)
        v = df[df["source"] == "unga_votes_voeten"].iloc[0]
        self.assertEqual((v["read"], v["loaded"], v["rejected"]), (6, 5, 1))
        self.assertEqual(v["years"], "2020-2023")
        r = entente.sources(rejects=True, db=PDB)
        self.assertIn("session 74 or earlier",
                      r.loc[r["source"] == "unga_votes_voeten", "rejects"].iloc[0])

    def test_agree_options(self):
        df = entente.agree("CHN", "RUS", 2019, 2024, calendar=True, db=PDB)
        rows = cli_csv(PDB, "agree", "CHN", "RUS", "--from", "2019", "--to", "2024",
                       "--calendar-year")
        self.assertEqual(len(df), len(rows))
        for i, row in enumerate(rows):
            for c in ("year", "n", "agree", "s", "pi", "kappa", "partial"):
                got, want = df[c].iloc[i], row[c]
                if want == "":
                    self.assertTrue(missing(got), f"{c}[{i}]")
                else:
                    self.assertAlmostEqual(float(got), float(want), places=4, msg=f"{c}[{i}]")
        self.assertIn("calendar year 2024 is partial", " ".join(df.attrs["coverage"]))
        # 2020: CHN abstain/yes vs RUS no/yes; S = 1 - 2(1/2)/2 = .5
        df = entente.agree("CHN", "RUS", 2020, 2020, measures=["s", "kappa"], weights="nominal",
                           db=PDB)
        self.assertEqual(list(df.columns), ["a", "b", "year", "n", "s", "kappa", "partial"])
        self.assertEqual(df["s"].iloc[0], 0.5)
        self.assertIn("nominal", df.attrs["info"])
        me = entente.agree("CHN", "USA", 2020, 2023, issue="me", db=PDB)
        self.assertEqual(list(me["n"]), [1, 0, 0, 0])
        self.assertEqual(me["s"].iloc[0], -1.0)
        with self.assertRaises(entente.Error) as e:
            entente.agree("CHN", "RUS", measures="s,tau", db=PDB)
        self.assertIn("'s,tau'", str(e.exception))

    def test_agree_with(self):
        df = entente.agree_with("CHN", 2020, db=PDB)
        rows = cli_csv(PDB, "agree", "--with", "CHN", "--year", "2020")
        self.assertEqual([r["b"] for r in rows], list(df["b"]))
        self.assertEqual(df["b"].iloc[0], "RUS")  # agree .5; the others 0
        self.assertEqual(df["agree"].iloc[0], 0.5)
        self.assertEqual(len(entente.agree_with("CHN", 2020, top=2, db=PDB)), 2)
        with self.assertRaises(entente.Error):
            entente.agree_with("CHN", 2020, top=-1, db=PDB)

    def test_meetings_by_year(self):
        df = entente.meetings_by_year("CHN", "RUS", 2017, 2020, db=MDB)
        self.assertEqual(list(df.columns), ["state_a", "state_b", "year", "meet_episodes",
                                            "meet_days", "meet_calls", "meet_coverage"])
        self.assertEqual(list(df["year"]), [2017, 2018, 2019, 2020])
        self.assertEqual(list(df["meet_episodes"][:2]), [0, 2])
        self.assertEqual(list(df["meet_days"][:2]), [0, 4])
        self.assertEqual(list(df["meet_calls"][:2]), [0, 1])
        self.assertTrue(df["meet_episodes"][2:].isna().all())  # not covered: missing, not 0
        self.assertIn("cover CHN-RUS in 2009-2018", df.attrs["coverage"])
        with self.assertRaises(entente.Error) as e:
            entente.meetings_by_year("CHN", "RUS", 2020, 1800, db=MDB)
        self.assertIn("after", str(e.exception))

    def test_idealpoints(self):
        df = entente.idealpoints(to=2024, db=PDB)
        # tests/cli/idealpoints_fixture's values
        want = {("USA", 2020): 0.6470, ("USA", 2023): 0.7512, ("RUS", 2020): -0.4767,
                ("CHN", 2021): -0.4614, ("JPN", 2023): 0.0607}
        got = {(s, y): e for s, y, e in zip(df["state"], df["year"], df["estimate"])}
        for k, v in want.items():
            self.assertAlmostEqual(got[k], v, places=4, msg=str(k))
        self.assertEqual(len(df), 15)
        self.assertTrue(df["se"].isna().all())
        self.assertEqual(list(df.loc[df["state"] == "USA", "partial"]), [0, 0, 1])
        self.assertEqual(list(df.loc[df["state"] == "USA", "nvotes"]), [2, 1, 2])
        self.assertIn("5 roll calls", df.attrs["data"])
        self.assertIn("converged", df.attrs["convergence"])
        cov = " ".join(df.attrs["coverage"])
        self.assertIn("2024 has no data", cov)
        self.assertIn("2023 is partial", cov)
        rows = cli_csv(PDB, "idealpoints", out=True)
        self.assertEqual(len(rows), 15)
        for i, row in enumerate(rows):
            self.assertEqual(df["state"].iloc[i], row["state"])
            self.assertLessEqual(abs(df["estimate"].iloc[i] - float(row["estimate"])), 0.00005)
        b = entente.idealpoints(bootstrap=4, seed=3, db=PDB)
        self.assertTrue((b["se"] > 0).all())
        self.assertTrue((b["lo"] <= b["hi"]).all())
        b2 = entente.idealpoints(bootstrap=4, seed=3, db=PDB)
        self.assertEqual(list(b["se"]), list(b2["se"]))
        with self.assertRaises(entente.Error):
            entente.idealpoints(from_=2023, to=2020, db=PDB)
        with self.assertRaises(entente.Error):
            entente.idealpoints(bootstrap=1, db=PDB)
        with self.assertRaises(entente.Error):
            entente.idealpoints(from_=2030, to=2031, db=PDB)

    def test_idealpoints_store(self):
        with tempfile.TemporaryDirectory() as d:
            db = os.path.join(d, "p.db")
            shutil.copy(PDB, db)
            df = entente.idealpoints(store=True, db=db)
            self.assertIn("ideal_estimates", df.attrs["store"])
            n = subprocess.run(["sqlite3", db, "SELECT count(*) FROM ideal_estimates"],
                               capture_output=True, text=True)
            if n.returncode == 0:
                self.assertEqual(n.stdout.strip(), "15")

    def test_report(self):
        with tempfile.TemporaryDirectory() as d:
            page, svg = os.path.join(d, "r.html"), os.path.join(d, "charts")
            df = entente.report("CHN-RUS", "allies:USA", page, from_=2009, to=2010, draws=50,
                                seed=3, config=CONF, svgdir=svg, db=WDB)
            self.assertEqual(len(df), 1)
            r = df.iloc[0]
            self.assertEqual((r["subject"], r["group"], r["from"], r["to"], r["year"]),
                             ("CHN-RUS", "allies:USA", 2009, 2010, 2010))
            self.assertEqual(r["charts"], 12)
            self.assertEqual(len(os.listdir(svg)), 12)
            with open(page, encoding="utf-8") as f:
                html = f.read()
            self.assertIn("ranks above 3 of 4 (75%)", html)
            with self.assertRaises(entente.Error) as e:
                entente.report("CHN-RUS", "allies:USA", page, from_=2010, to=2009, db=WDB)
            self.assertIn("after", str(e.exception))


@unittest.skipUnless(CAMEO and FIX, "no cameo_codebook ($ENTENTE_TEST_CAMEO_DATA)")
class TestEvents(unittest.TestCase):
    """tests/cli/events_fixture's hand-checked aggregates"""

    def ev(self, *files, **kw):
        return entente.events([os.path.join(FIX, "events", f) for f in files], data=CAMEO, **kw)

    def test_by_month(self):
        df = self.ev("good.tsv", by="month")
        self.assertEqual(list(df.columns), ["actor1", "actor2", "period", "key", "events",
                                            "goldstein_sum", "goldstein_mean", "mentions",
                                            "sources", "articles"])
        first = df.iloc[0]
        self.assertEqual((first["actor1"], first["actor2"], first["period"], first["key"]),
                         ("USA", "RUS", "2016-01", "1"))
        # rows 1, 2 and the repeated row 2: 1.0 + 1.9 + 1.9
        self.assertEqual(first["events"], 3)
        self.assertAlmostEqual(first["goldstein_sum"], 4.8, places=12)
        self.assertEqual((first["mentions"], first["sources"], first["articles"]), (13, 5, 11))
        last = df.iloc[3]
        self.assertEqual((last["actor1"], last["period"], last["events"]), ("CHN", "2015-06", 3))
        self.assertEqual(last["goldstein_mean"], 7.5)  # over the two present values
        self.assertEqual((df.attrs["read"], df.attrs["aggregated"], df.attrs["filtered"],
                          df.attrs["rejected"], df.attrs["groups"]), (12, 8, 3, 1, 4))
        self.assertIn("unmappable country code 'EUR' (first: good.tsv:8)",
                      df.attrs["accounting"])

    def test_options(self):
        root = self.ev("good.tsv.gz", "good.zip", key="root")
        self.assertEqual(list(root["key"]), ["04", "19", "11", "05", "08"])
        self.assertEqual(list(root["events"]), [6, 2, 2, 4, 2])
        code = self.ev("good.tsv", dedupe=True, key="code")
        self.assertEqual(list(code["key"]), ["040", "042", "190", "111", "057", "0874"])
        part = self.ev("good.tsv", countries=["USA", "RUS"], from_="2016-02", to="2016")
        self.assertEqual(list(part["events"]), [1, 1])
        self.assertEqual(part.attrs["filtered"], 9)
        icews = entente.events(os.path.join(FIX, "events", "icews.tab"), data=CAMEO, by="day",
                               db=PDB)
        self.assertEqual(list(icews["period"]), ["2018-06-01", "2018-06-01", "2018-06-02"])
        self.assertTrue(icews["mentions"].isna().all())  # ICEWS has none: missing, not 0
        self.assertAlmostEqual(icews["goldstein_sum"].iloc[2], -3.4, places=12)

    def test_errors(self):
        with self.assertRaises(entente.Error) as e:
            self.ev("good.tsv", by="week")
        self.assertIn("'week' is not day, month or year", str(e.exception))
        with self.assertRaises(entente.Error):
            self.ev("good.tsv", from_="2017", to="2016")
        with self.assertRaises(entente.Error) as e:
            self.ev("short_row.tsv")
        self.assertIn("short_row.tsv:4", str(e.exception))
        lenient = self.ev("short_row.tsv", lenient=True)
        self.assertEqual(lenient.attrs["rejected"], 1)
        with self.assertRaises(entente.Error):
            self.ev("no-such-file.tsv")
        with self.assertRaises(TypeError):
            self.ev("good.tsv", bogus=1)


def _manifest(d, files):
    """_manifest writes d/m.tsv for files {path: (mirror path, bytes)} (verbatim)"""
    with open(os.path.join(d, "m.tsv"), "w") as f:
        f.write("path\tsource\tkind\turl\tmirror_path\tsize\tsha256\tformat\tfrom\tlicence\t"
                "citation\trecipe\n")
        for p, (mp, data) in files.items():
            f.write("\t".join([p, p.split("/")[0], "verbatim", "https://example.invalid/" + mp,
                               mp, str(len(data)), hashlib.sha256(data).hexdigest(),
                               p.rsplit(".", 1)[1], "-", "CC0", "Test (2026)", "none"]) + "\n")
    return os.path.join(d, "m.tsv")


class TestFetch(unittest.TestCase):
    """a small manifest, a loopback server (tests/fetch/server.py): no network"""

    def test_check_and_fetch(self):
        a, c = b"1,2\n3,4\n", b"small file\n"
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "srv", "r"))
            os.makedirs(os.path.join(d, "data", "set1"))
            for p, b in (("srv/r/a.csv", a), ("srv/r/c.txt", c), ("data/set1/a.csv", a),
                         ("data/set1/junk.txt", b"x")):
                with open(os.path.join(d, p), "wb") as f:
                    f.write(b)
            m = _manifest(d, {"set1/a.csv": ("r/a.csv", a), "set2/c.txt": ("r/c.txt", c)})
            data = os.path.join(d, "data")
            chk = entente.fetch_check(data, manifest=m)
            self.assertEqual(dict(zip(chk["path"], chk["state"])),
                             {"set1/a.csv": "ok", "set2/c.txt": "missing",
                              "set1/junk.txt": "extra"})
            self.assertEqual(chk.attrs["verdict"], "incomplete")
            self.assertIn("1 ok, 1 missing", chk.attrs["summary"])
            self.assertEqual(entente.fetch_check(data, manifest=m, only="set1").attrs["verdict"],
                             "complete")
            with self.assertRaises(entente.Error):
                entente.fetch_check(data, manifest=m, only="narnia")
            with self.assertRaises(entente.Error):
                entente.fetch_check(os.path.join(d, "nowhere"), manifest=m)
            # present already: nothing to download
            r = entente.fetch(data, only="set1", manifest=m)
            self.assertEqual((r["fetched"], r["present"], r["failed"]), (0, 1, 0))
            # an unreachable mirror: an error naming the URL, the folder unchanged
            with self.assertRaises(entente.Error) as e:
                entente.fetch(data, manifest=m, mirror="http://127.0.0.1:9", retries=0)
            self.assertIn("http://127.0.0.1:9/r/c.txt", str(e.exception))
            self.assertFalse(os.path.exists(os.path.join(data, "set2", "c.txt")))
            if not os.path.exists(SERVER):
                return
            port = os.path.join(d, "port")
            srv = subprocess.Popen([sys.executable, SERVER, "--root", os.path.join(d, "srv"),
                                    "--portfile", port])
            try:
                for _ in range(100):
                    if os.path.exists(port) and os.path.getsize(port):
                        break
                    time.sleep(0.05)
                with open(port) as f:
                    url = f"http://127.0.0.1:{f.read().strip()}/ok"
                r = entente.fetch(data, manifest=m, mirror=url, retries=0)
                self.assertEqual((r["fetched"], r["present"], r["failed"], r["bytes"]),
                                 (1, 1, 0, len(c)))
                with open(os.path.join(data, "set2", "c.txt"), "rb") as f:
                    self.assertEqual(f.read(), c)
            finally:
                srv.kill()
                srv.wait()
            self.assertEqual(entente.fetch_check(data, manifest=m, only="set1,set2")
                             .attrs["verdict"], "complete")


if __name__ == "__main__":
    unittest.main()
