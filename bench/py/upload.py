"""Upload of a file ten times larger than the heap, to a service started with a small -Xmx.

The heap figures come from the JVM's own GC log: jcmd GC.run forces a full collection just
before and just after the upload, and the live heap is the occupancy after each collection.
Growth is the highest live heap seen from the first forced collection to the second, minus
the live heap at the first one.
"""
import os
import re
import subprocess

import api
import report
import services
from procs import ResourceMeter

# One GC event in -Xlog:gc output, such as "GC(7) Pause Young (Normal) (G1 Evacuation Pause) 30M->9M(64M) 4.1ms".
GC_LINE = re.compile(r"GC\((\d+)\) (Pause.*?) (\d+)M->(\d+)M\((\d+)M\)")


def _heap_mib(option):
    match = re.fullmatch(r"(\d+)([mMgG])", option)
    if not match:
        raise services.SetupFailed(f"ALLICE_BENCH_UPLOAD_HEAP must look like 64m or 1g, not {option!r}")
    return int(match.group(1)) * (1024 if match.group(2) in "gG" else 1)


def _write_file(path, size_bytes):
    chunk = 8 * 1024 * 1024
    with open("/dev/urandom", "rb") as source, open(path, "wb") as target:
        for _ in range(size_bytes // chunk):
            target.write(source.read(chunk))


def _forced_gc(jcmd, pid):
    subprocess.run([jcmd, str(pid), "GC.run"], check=True, capture_output=True)


def heap_growth(gc_log):
    """Returns (live MiB at the first forced GC, highest live MiB up to the second one, GC count, limit MiB)."""
    with open(gc_log) as lines:
        events = [GC_LINE.search(line) for line in lines]
    events = [event for event in events if event]
    # jcmd GC.run logs its collection as "Pause Full (Diagnostic Command)"; System.gc() as "(System.gc())".
    forced = [i for i, event in enumerate(events) if "Diagnostic Command" in event.group(2)
              or "System.gc()" in event.group(2)]
    if len(forced) < 2:
        raise services.SetupFailed(f"{gc_log} lacks the two forced collections around the upload")
    window = events[forced[-2]:forced[-1] + 1]
    baseline = int(window[0].group(4))
    peak = max(int(event.group(4)) for event in window)
    return baseline, peak, len(window) - 2, max(int(event.group(5)) for event in window)


def run(ctx):
    heap = os.environ.get("ALLICE_BENCH_UPLOAD_HEAP", "128m")
    heap_mib = _heap_mib(heap)
    size = heap_mib * 10 * 1024 * 1024

    big_file = os.path.join(ctx.run_dir, "upload.bin")
    _write_file(big_file, size)
    small_file = os.path.join(ctx.run_dir, "warm-up.bin")
    _write_file(small_file, 8 * 1024 * 1024)

    gc_log = os.path.join(ctx.run_dir, "upload-gc.log")
    service = services.Service(ctx.java, ctx.jar, ctx.port, os.path.join(ctx.run_dir, "upload-data"),
                               os.path.join(ctx.run_dir, "upload-service.log"), ctx.database_url,
                               [f"-Xmx{heap}", f"-Xlog:gc:file={gc_log}:uptime", *ctx.java_options],
                               ctx.service_env(max_upload=size * 2))
    try:
        service.wait_healthy()
        token = api.register(service.base)[1]
        # A first, small upload loads the classes and fills the pools that any upload needs.
        api.upload(service.base, "/api/files/upload", token, small_file, log=ctx.log)
        jcmd = os.path.join(os.path.dirname(ctx.java), "jcmd")
        _forced_gc(jcmd, service.pid)
        with ResourceMeter([service.pid]) as meter:
            _, seconds, speed = api.upload(service.base, "/api/files/upload", token, big_file, log=ctx.log)
        _forced_gc(jcmd, service.pid)
    finally:
        service.stop()
        os.remove(big_file)

    baseline, peak, collections, limit = heap_growth(gc_log)
    notes = (f"{size / 1048576:.0f} MiB in {seconds:.1f} s with -Xmx{heap}: live heap {baseline} MiB before, "
             f"at most {peak} MiB during ({peak - baseline:+d} MiB, {collections} collections, heap limit {limit} MiB)")
    result = {"mibps": speed / 1048576, "errors": 0, "heap_growth_mib": peak - baseline}
    upload_row = report.row("upload 10x heap", "allice", result, meter, basis="mibps", notes=notes)
    upload_row["heap_growth_mib"] = peak - baseline
    return [upload_row]
