"""Checks of the parts of the suite that read other programs' output: python3 -m unittest discover bench/py"""
import os
import tempfile
import unittest

import report
import search
import targets
import upload
import wrk

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:18080/api/items?limit=20
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     9.87ms    3.21ms  80.12ms   90.00%
    Req/Sec     3.25k   210.00     3.60k    70.00%
  Latency Distribution
     50%    9.10ms
     75%   11.00ms
     90%   13.40ms
     99%  850.00us
  64900 requests in 10.00s, 1.50GB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:   6490.00
Transfer/sec:    153.60MB
"""


class WrkParseTests(unittest.TestCase):

    def test_reads_rate_latencies_and_errors(self):
        result = wrk.parse(WRK_OUTPUT)

        self.assertEqual(result["rps"], 6490.0)
        self.assertAlmostEqual(result["p50_ms"], 9.1)
        self.assertAlmostEqual(result["p99_ms"], 0.85)
        self.assertEqual(result["errors"], 12)
        self.assertAlmostEqual(result["mibps"], 153.6)

    def test_rejects_output_without_summary(self):
        with self.assertRaises(wrk.WrkFailed):
            wrk.parse("unable to connect to 127.0.0.1:18080 Connection refused")


class HeapGrowthTests(unittest.TestCase):

    def test_measures_between_the_forced_collections(self):
        log = "\n".join([
            "[3.0s] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 90M->70M(128M) 3.0ms",
            "[4.0s] GC(2) Pause Full (Diagnostic Command) 60M->40M(128M) 80.0ms",
            "[5.0s] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 100M->43M(128M) 2.0ms",
            "[5.5s] GC(4) Concurrent Mark Cycle 12.0ms",
            "[6.0s] GC(5) Pause Young (Normal) (G1 Evacuation Pause) 100M->46M(128M) 2.0ms",
            "[7.0s] GC(6) Pause Full (Diagnostic Command) 50M->41M(128M) 70.0ms",
        ])
        with tempfile.NamedTemporaryFile("w", suffix=".log", delete=False) as out:
            out.write(log)

        baseline, peak, collections, limit = upload.heap_growth(out.name)
        os.unlink(out.name)

        self.assertEqual((baseline, peak, collections, limit), (40, 46, 2, 128))


class RatioTests(unittest.TestCase):

    def test_divides_by_each_peer_of_the_same_scenario(self):
        rows = [report.row("items list", "allice", {"rps": 3000.0, "p99_ms": 20.0, "errors": 0}),
                report.row("items list", "fastapi-peer", {"rps": 300.0}),
                report.row("items list", "jdbc-floor", {"rps": 10000.0}),
                report.row("items get", "fastapi-peer", {"rps": 100.0})]

        ratios = report.ratios(rows)[id(rows[0])]
        checks = {check[0]: check[3] for check in targets.check(rows)}

        self.assertEqual(ratios, [("fastapi-peer", 10.0), ("jdbc-floor", 0.3)])
        self.assertEqual(checks["items list: ratio to fastapi-peer"], "met")
        self.assertEqual(checks["items list: ratio to jdbc-floor"], "missed by 40 %")


class SearchOutputTests(unittest.TestCase):

    def test_reads_one_row_per_query_kind(self):
        output = "seeded in 300 s\nword             p50    12.5 ms   p95    40.0 ms\nprefix           p50   101.0 ms   p95   250.2 ms\n"

        rows = search.rows_from(output, 0)

        self.assertEqual([r["scenario"] for r in rows], ["search: word", "search: prefix"])
        self.assertEqual(rows[1]["p50_ms"], 101.0)
        self.assertIn("p95 250.2 ms", rows[1]["notes"])

    def test_reports_a_failed_script(self):
        rows = search.rows_from("bench/search: the service exited with 1", 1)

        self.assertEqual(rows[0]["errors"], 1)


if __name__ == "__main__":
    unittest.main()
