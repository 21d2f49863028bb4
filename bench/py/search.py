"""The search scenario: runs bench/search/run, the search benchmark, when that script exists.

The script seeds its own database, starts the service on it and prints the latency of each kind
of query. This suite passes it the built jar, a free port, a run folder and the length of a load
run in environment variables (see bench/README.md). It turns each output line such as
"prefix  p50 12.3 ms   p95 40.1 ms" into a table row, and shows the rest of the output as it is.
"""
import os
import re
import subprocess

import report

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "search", "run")
TIMEOUT_S = 30 * 60
KIND_LINE = re.compile(r"^\s*(\S+)\s+p50\s+([\d.]+) ms\s+p95\s+([\d.]+) ms", re.MULTILINE)


def rows_from(output, returncode):
    """Returns one row per query kind in the output, plus an error row when the script failed or reported none."""
    rows = []
    for kind, p50, p95 in KIND_LINE.findall(output):
        rows.append(report.row(f"search: {kind}", "allice", {"p50_ms": float(p50), "errors": 0},
                               notes=f"p95 {float(p95):.1f} ms (the p99 column does not apply)"))
    if returncode != 0 or not rows:
        rows.append(report.row("search", "allice", {"errors": 1},
                               notes=f"bench/search/run exited {returncode} after {len(rows)} query kinds"))
    return rows


def run(ctx):
    script = os.path.abspath(SCRIPT)
    if not os.access(script, os.X_OK):
        ctx.say("search: skipped, bench/search/run is not there (the search benchmark has not landed)")
        return [report.row("search", "allice", notes="skipped: bench/search/run is missing")]
    run_dir = os.path.join(ctx.run_dir, "search")
    os.makedirs(run_dir, exist_ok=True)
    env = dict(os.environ, ALLICE_BENCH_JAR=ctx.jar, JAVA25=ctx.java, ALLICE_BENCH_PORT=str(ctx.port),
               ALLICE_BENCH_PG="postgresql://postgres@127.0.0.1:5432", ALLICE_BENCH_RUN_DIR=run_dir)
    env.setdefault("BENCH_SEARCH_SECONDS", str(ctx.seconds))
    ctx.say("search: running bench/search/run, which seeds its own database first")
    try:
        completed = subprocess.run([script], env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return [report.row("search", "allice", {"errors": 1}, notes=f"bench/search/run ran over {TIMEOUT_S} s")]
    output = completed.stdout + completed.stderr
    ctx.log.write("$ bench/search/run\n" + output + "\n")
    print(output, flush=True)
    return rows_from(output, completed.returncode)
