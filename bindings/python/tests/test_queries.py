"""test_queries.py -- entente.dyad, panel, agree, cite, meetings and build
against the CLI's CSV, value for value, on the panel fixture with the UN
votes of sessions 75-78 ($ENTENTE_TEST_PANEL_DB) and the meetings fixture
($ENTENTE_TEST_MEET_DB, built from $ENTENTE_TEST_DATA), all made by
tests/sh/python.sh.  Run: python3 -m unittest discover bindings/python/tests
"""
import csv
import io
import math
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import entente  # noqa: E402

PDB = os.environ.get("ENTENTE_TEST_PANEL_DB")
MDB = os.environ.get("ENTENTE_TEST_MEET_DB")
DATA = os.environ.get("ENTENTE_TEST_DATA")
CLI = os.environ.get("ENTENTE")


def cli_csv(db, *args, out=False):
    cmd = [CLI, *args, "--db", db, "--format", "csv"] + (["-o", "-"] if out else [])
    text = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(text)))


def missing(v):
    return v is None or v is entente.pd.NA or (isinstance(v, float) and math.isnan(v))


@unittest.skipUnless(PDB and MDB and DATA and CLI, "ENTENTE_TEST_PANEL_DB etc. not set")
class TestQueries(unittest.TestCase):
    def same(self, got, want, what, tol=1e-9):
        """got (a cell) equals want (the CLI's CSV text); numbers to the printed digits"""
        if want == "":
            self.assertTrue(missing(got), f"{what} = {got!r}, want missing")
        elif isinstance(got, float):
            dec = len(want.split(".")[1]) if "." in want else 0
            self.assertLessEqual(abs(got - float(want)), max(0.5 * 10 ** -dec, tol) + 1e-12,
                                 f"{what} = {got}, CLI {want}")
        else:
            self.assertEqual(str(got), want, what)

    def frame_equals(self, df, rows, cols):
        self.assertEqual(len(df), len(rows))
        for i, row in enumerate(rows):
            for c in cols:
                self.same(df[c].iloc[i], row[c], f"{c}[{i}]")

    def test_dyad(self):
        for args, kw in ((("JPN", "USA", "--year", "2014"), dict(year=2014)),
                         (("USA", "JPN", "--from", "2017", "--to", "2019"),
                          dict(from_=2017, to=2019))):
            df = entente.dyad(args[0], args[1], db=PDB, **kw)
            rows = cli_csv(PDB, "dyad", *args)
            self.assertEqual(len(df), len(rows))
            texts = set(df.loc[df["text"].notna(), "indicator"])
            for i, row in enumerate(rows):
                for c in ("a", "b", "year", "dimension", "indicator", "source"):
                    self.same(df[c].iloc[i], row[c], f"{c}[{i}]")
                col = "text" if row["indicator"] in texts else "value"
                self.same(df[col].iloc[i], row["value"], f"{row['indicator']}[{i}]")
        self.assertEqual(str(df["value"].dtype), "float64")
        self.assertIn("cow_alliance", df.attrs["coverage"])
        # a source not built is NaN, never 0
        self.assertTrue(df.loc[df["indicator"] == "meet_episodes", "value"].isna().all())

    def test_dyad_default_year(self):
        df = entente.dyad("RUS", "CHN", db=PDB)
        row = cli_csv(PDB, "dyad", "RUS", "CHN")[0]
        self.assertEqual(str(df["year"].iloc[0]), row["year"])
        self.assertIn("the latest year", df.attrs["year"])

    def test_panel(self):
        for directed in (False, True):
            args = ["panel", "--from", "2013", "--to", "2015", "--indicators",
                    "alliance_s,arms_share_1to2,trade_share_1,atop_level"]
            rows = cli_csv(PDB, *(args + (["--directed"] if directed else [])), out=True)
            df = entente.panel(2013, 2015, ["alliance_s", "arms_share_1to2", "trade_share_1",
                                            "atop_level"], directed=directed, db=PDB)
            self.frame_equals(df, rows, ["ccode1", "ccode2", "abb1", "abb2", "year",
                                         "alliance_s", "arms_share_1to2", "trade_share_1",
                                         "atop_level"])
        whole = entente.panel(2014, 2014, db=PDB)
        self.assertEqual(list(whole.columns[5:]), list(entente.codebook()["indicator"]))
        with self.assertRaises(entente.Error) as e:
            entente.panel(2014, 2014, ["nope"], db=PDB)
        self.assertIn("unknown indicator 'nope'", str(e.exception))

    def test_agree(self):
        df = entente.agree("CHN", "RUS", 2019, 2024, db=PDB)
        rows = cli_csv(PDB, "agree", "CHN", "RUS", "--from", "2019", "--to", "2024")
        self.frame_equals(df, rows, ["a", "b", "year", "n", "agree", "s", "pi", "kappa",
                                     "partial"])
        self.assertEqual(str(df["n"].dtype), "Int64")
        cov = " ".join(df.attrs["coverage"])
        self.assertIn("begin in 2020", cov)
        self.assertIn("2023 is partial", cov)

    def test_cite(self):
        df = entente.cite(db=PDB)
        rows = cli_csv(PDB, "sources", "--cite")
        self.frame_equals(df, rows, ["source", "folder", "release", "licence", "citation"])

    def test_meetings(self):
        df = entente.meetings("Xi Jinping", db=MDB)
        rows = cli_csv(MDB, "meetings", "Xi Jinping", "--partners")
        self.frame_equals(df, rows, ["leader", "partner", "partner_state", "episodes",
                                     "bilateral", "group", "calls", "days", "rank"])
        self.assertIn("4.00 episodes", df.attrs["ratio"])
        df = entente.meetings("Xi Jinping", "2013-01-01", "2014-12-31", partners=False, db=MDB)
        rows = cli_csv(MDB, "meetings", "Xi Jinping", "--from", "2013-01-01", "--to",
                       "2014-12-31")
        self.frame_equals(df, rows, ["date", "end_date", "leader", "partner", "partner_state",
                                     "partner_role", "place", "format", "source", "source_row"])
        with self.assertRaises(entente.Error):
            entente.meetings("Xi Jinping", "2013-13-01", db=MDB)

    def test_build(self):
        with tempfile.TemporaryDirectory() as d:
            w = entente.build(DATA, os.path.join(d, "b.db"))
            got = entente.meetings("Xi Jinping", db=w)
            self.assertEqual(list(got["partner"]),
                             list(entente.meetings("Xi Jinping", db=MDB)["partner"]))
            w.close()
            with self.assertRaises(entente.Error):
                entente.build(os.path.join(d, "no-such-dir"), os.path.join(d, "c.db"))


if __name__ == "__main__":
    unittest.main()
