"""The search scenario: runs bench/search/run, the search benchmark, when that script exists.

The script seeds its own data, starts what it needs and prints its latency percentiles. This
suite passes it the built jar and the ports and folders to use in environment variables (see
bench/README.md), and copies p50 and p95 into the table when the output names them as, for
example, "p50 12.3 ms".
"""
import os
import re
import subprocess

import report

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "search", "run")
TIMEOUT_S = 20 * 60


def _milliseconds(output, name):
    match = re.search(rf"\b{name}\b\D{{0,20}}?([\d.]+)\s*(ms|s)\b", output)
    if not match:
        return None
    return float(match.group(1)) * (1000 if match.group(2) == "s" else 1)


def run(ctx):
    script = os.path.abspath(SCRIPT)
    if not os.access(script, os.X_OK):
        ctx.say("search: skipped, bench/search/run is not there (the search benchmark has not landed)")
        return [report.row("search", "allice", notes="skipped: bench/search/run is missing")]
    env = dict(os.environ, ALLICE_BENCH_JAR=ctx.jar, JAVA25=ctx.java, ALLICE_BENCH_PORT=str(ctx.port),
               ALLICE_BENCH_PG="postgresql://postgres@127.0.0.1:5432", ALLICE_BENCH_RUN_DIR=ctx.run_dir)
    ctx.say("search: running bench/search/run")
    try:
        completed = subprocess.run([script], env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return [report.row("search", "allice", {"errors": 1}, notes=f"bench/search/run ran over {TIMEOUT_S} s")]
    output = completed.stdout + completed.stderr
    ctx.log.write("$ bench/search/run\n" + output + "\n")
    print(completed.stdout, flush=True)
    p95 = _milliseconds(output, "p95")
    result = {"p50_ms": _milliseconds(output, "p50"), "errors": 0 if completed.returncode == 0 else 1}
    notes = f"bench/search/run exited {completed.returncode}" + (f"; p95 {p95:.1f} ms" if p95 is not None else "")
    return [report.row("search", "allice", result, notes=notes)]
