"""Start-up time to the first healthy response, and idle RSS, on the embedded H2 default.

Two ways to start are measured, each as the README gives them:

- the plain jar, `java -jar target/allice-platform.jar` with no DATABASE_URL, plus any options
  in ALLICE_BENCH_JAVA_OPTS;
- the recommended start, `bin/allice`, which adds the serial collector and a small initial heap
  and starts from target/aot with the JVM AOT cache and in Spring's AOT mode when
  `./mvnw -Paot-cache package` built the cache
  (`bench/run startup` builds it; with --no-build it must be there already). ALLICE_BENCH_JAVA_OPTS
  goes to it through JAVA_OPTS.

Each way starts first on an empty data folder, so it includes creating the H2 database and the
schema, then again on that folder. The four starts alternate between the two ways. Idle RSS is
read IDLE_SECONDS after the first healthy response.
"""
import os
import time

import report
import services
from procs import cpu_seconds, rss_bytes, tree

IDLE_SECONDS = 10


def _starts(ctx):
    """Returns (label, command, extra_env) for the plain jar and for bin/allice."""
    repo = os.path.dirname(os.path.dirname(ctx.jar))
    aot_dir = os.path.join(repo, "target", "aot")
    cache = os.path.join(aot_dir, "allice.aot")
    # bin/allice makes the same check: a cache older than the jar belongs to an earlier build.
    fresh = os.path.isfile(cache) and os.path.getmtime(cache) >= os.path.getmtime(ctx.jar)
    recommended = "bin/allice, " + ("AOT cache and Spring AOT mode" if fresh
                                    else "no AOT cache (build with -Paot-cache)")
    return [
        ("java -jar", [ctx.java, *ctx.java_options, "-jar", ctx.jar], {}),
        (recommended, [os.path.join(repo, "bin", "allice")],
         {"JAVA": ctx.java, "JAVA_OPTS": " ".join(ctx.java_options)}),
    ]


def run(ctx):
    rows = []
    starts = _starts(ctx)
    for index, folder_state in enumerate(("first start, empty data folder", "second start, same folder"), 1):
        for way, (label, command, extra_env) in enumerate(starts, 1):
            data_dir = os.path.join(ctx.run_dir, f"h2-data-{way}")
            log_path = os.path.join(ctx.run_dir, f"startup-{way}-{index}.log")
            service = services.Service(ctx.java, ctx.jar, ctx.port, data_dir, log_path, None,
                                       extra_env=extra_env, command=command)
            try:
                seconds = service.wait_healthy()
                # CPU time to the first healthy response moves less than wall time when other jobs share the cores.
                cpu_s = sum(cpu_seconds(tree(service.pid)).values())
                time.sleep(IDLE_SECONDS)
                idle_mib = rss_bytes(tree(service.pid)) / 1048576
            finally:
                service.stop()
            result = {"rss_mib": idle_mib, "startup_s": seconds}
            row = report.row("start-up, H2", "allice", result,
                             notes=f"{label}, {folder_state}: healthy after {seconds:.2f} s and {cpu_s:.1f} CPU "
                                   f"seconds; idle RSS after {IDLE_SECONDS} s")
            row["startup_s"] = seconds
            rows.append(row)
    return rows
