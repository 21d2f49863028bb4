"""Start-up time to the first healthy response, and idle RSS, on the embedded H2 default.

The jar starts as the README says, `java -jar target/allice-platform.jar` with no DATABASE_URL,
plus any options in ALLICE_BENCH_JAVA_OPTS. The first start is on an empty data folder, so it
includes creating the H2 database and the schema; the second reuses that folder. Idle RSS is read
IDLE_SECONDS after the first healthy answer.
"""
import os
import time

import report
import services
from procs import cpu_seconds, rss_bytes, tree

IDLE_SECONDS = 10


def run(ctx):
    data_dir = os.path.join(ctx.run_dir, "h2-data")
    rows = []
    for index, label in enumerate(("first start, empty data folder", "second start, same folder"), 1):
        log_path = os.path.join(ctx.run_dir, f"startup-{index}.log")
        service = services.Service(ctx.java, ctx.jar, ctx.port, data_dir, log_path, None, ctx.java_options)
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
                         notes=f"{label}: healthy after {seconds:.2f} s and {cpu_s:.1f} CPU seconds; "
                                 f"idle RSS after {IDLE_SECONDS} s")
        row["startup_s"] = seconds
        rows.append(row)
    return rows
