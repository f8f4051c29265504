"""test_entente.py -- the Python module against the CLI, on the warehouse
named by $ENTENTE_TEST_DB (the fixture panel of tests/fixtures/index, made
by tests/sh/python.sh) with the config $ENTENTE_TEST_CONF, and the CLI at
$ENTENTE.  Run: python3 -m unittest discover bindings/python/tests
"""
import csv
import io
import math
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import entente  # noqa: E402

DB = os.environ.get("ENTENTE_TEST_DB")
CONF = os.environ.get("ENTENTE_TEST_CONF")
CLI = os.environ.get("ENTENTE")


def cli_csv(*args):
    out = subprocess.run([CLI, *args, "--db", DB, "--format", "csv"], check=True,
                         capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(out)))


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


@unittest.skipUnless(DB and CONF and CLI, "ENTENTE_TEST_DB, ENTENTE_TEST_CONF and ENTENTE not set")
class TestEntente(unittest.TestCase):
    def setUp(self):
        self.w = entente.open(DB)

    def assert_same(self, df, rows, cols):
        self.assertEqual(len(df), len(rows))
        for i, row in enumerate(rows):
            for c in cols:
                got, want = df[c].iloc[i], row[c]
                if want == "":
                    self.assertTrue(got is None or got is entente.pd.NA or
                                    (isinstance(got, float) and math.isnan(got)),
                                    f"{c}[{i}] = {got!r}, want missing")
                elif df[c].dtype.kind == "f":
                    # the CLI prints a rounded value: equal to its last printed decimal
                    dec = len(want.split(".")[1]) if "." in want else 0
                    self.assertLessEqual(abs(float(got) - float(want)), 0.5 * 10 ** -dec + 1e-9,
                                         f"{c}[{i}] = {got}, CLI {want}")
                else:
                    self.assertEqual(str(got), want, f"{c}[{i}]")

    def test_compare_equals_cli(self):
        df = entente.compare("CHN-RUS", with_="allies:USA", config=CONF)
        rows = cli_csv("compare", "CHN-RUS", "--with", "allies:USA", "--config", CONF)
        self.assert_same(df, rows, ["a", "b", "year", "personal", "economic", "military",
                                    "diplomatic", "composite", "rank", "group_size",
                                    "is_subject"])
        self.assertIn("CHN-RUS ranks above", df.attrs["verdict"])
        self.assertEqual(str(df["year"].dtype), "Int64")
        self.assertEqual(str(df["a"].dtype), "string")

    def test_missing_is_nan_not_zero(self):
        df = entente.compare("UKG-GMY", with_="USA-UKG,USA-GMY,CHN-RUS", year=2010, config=CONF)
        subj = df[df["is_subject"] == 1]
        self.assertTrue(math.isnan(subj["personal"].iloc[0]))

    def test_draws_seeded(self):
        a = entente.compare("CHN-RUS", with_="allies:USA", config=CONF, draws=50, seed=3)
        b = entente.compare("CHN-RUS", with_="allies:USA", config=CONF, draws=50, seed=3)
        self.assertEqual(a.attrs["robustness"], b.attrs["robustness"])
        self.assertIn("50 draws, seed 3", a.attrs["robustness"])

    def test_rank_trend(self):
        r = entente.rank(year=2010, top=3, config=CONF)
        rows = cli_csv("rank", "--year", "2010", "--top", "3", "--config", CONF)
        self.assert_same(r, rows, ["rank", "a", "b", "composite", "complete"])
        t = entente.trend("RUS-CHN", 2009, 2010, config=CONF)
        rows = cli_csv("trend", "RUS-CHN", "--from", "2009", "--to", "2010", "--config", CONF)
        self.assert_same(t, rows, ["a", "b", "year", "composite", "rank", "dyads"])

    def test_errors(self):
        with self.assertRaises(entente.Error) as e:
            entente.compare("CHN-XXX", with_="allies:USA", config=CONF)
        self.assertIn("unknown state 'XXX'", str(e.exception))
        with self.assertRaises(entente.Error):
            entente.Warehouse("/nonexistent/dir/x.db")
        with self.assertRaises(entente.Error):
            entente.codebook("nope")

    def test_codebook(self):
        cb = entente.codebook()
        self.assertIn("atop_defense", set(cb["indicator"]))
        self.assertEqual(set(cb["dimension"]) - {"personal", "economic", "military",
                                                 "diplomatic", "context"}, set())

    def test_no_growth_over_1000_calls(self):
        for _ in range(50):  # warm up allocator and pandas
            entente.compare("CHN-RUS", with_="allies:USA", config=CONF)
        before = rss_kb()
        for _ in range(1000):
            entente.compare("CHN-RUS", with_="allies:USA", config=CONF)
        grown = rss_kb() - before
        self.assertLess(grown, 8 * 1024, f"RSS grew {grown} kB over 1,000 calls")


if __name__ == "__main__":
    unittest.main()
