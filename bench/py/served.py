"""File download and media streaming of a 256 MiB file, whole and in 1 MiB ranges, beside nginx.

Allice stores its own copy of the upload and nginx serves the original from the peers' file
folder, so both read the same bytes from the page cache. Ratios compare MiB/s, which for range
requests is the per-byte speed.
"""
import os
import subprocess

import api
import report
import wrk
from procs import ResourceMeter

FILE_BYTES = 256 * 1024 * 1024
RANGE_BYTES = 1024 * 1024
WHOLE_CONNECTIONS = 4
RANGE_CONNECTIONS = 16
DOWNLOAD_FILE = "256m.bin"
MEDIA_FILE = "256m.avi"


def prepare_files(files_dir, log):
    """Writes the random 256 MiB file and a 256 MiB uncompressed AVI video that nginx and Allice serve."""
    os.makedirs(files_dir, exist_ok=True)
    download = os.path.join(files_dir, DOWNLOAD_FILE)
    if not os.path.exists(download):
        with open("/dev/urandom", "rb") as source, open(download, "wb") as target:
            for _ in range(FILE_BYTES // RANGE_BYTES):
                target.write(source.read(RANGE_BYTES))
    media = os.path.join(files_dir, MEDIA_FILE)
    if not os.path.exists(media):
        # 640x480 yuv420p frames are 460,800 bytes: 582 of them make 268 MB, just under 256 MiB.
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=640x480:rate=25",
                        "-frames:v", "582", "-c:v", "rawvideo", "-pix_fmt", "yuv420p", media],
                       check=True, stdout=log, stderr=log)
    return download, media


def _measure(ctx, scenario, targets, connections, script=None, env=None):
    for _, url, headers, _ in targets:
        wrk.run(url, ctx.warmup, connections, headers, script, env=env, timeout_s=60, log=ctx.log)
    rounds = {}
    for _ in range(ctx.rounds):
        for name, url, headers, pids in targets:
            with ResourceMeter(pids) as meter:
                result = wrk.run(url, ctx.seconds, connections, headers, script, env=env, timeout_s=60, log=ctx.log)
            notes = f"{connections} connections"
            rounds.setdefault(name, []).append(report.row(scenario, name, result, meter, basis="mibps", notes=notes))
    return [report.median_row(rows) for rows in rounds.values()]


def _run(ctx, label, upload_path, serve_path, local_file):
    token = api.register(ctx.allice.base)[1]
    stored, seconds, _ = api.upload(ctx.allice.base, upload_path, token, local_file, log=ctx.log)
    size = os.path.getsize(local_file)
    auth = [f"Authorization: Bearer {token}"]
    nginx_url = "http://127.0.0.1:8703/" + os.path.basename(local_file)
    targets = [("allice", ctx.allice.base + serve_path.format(id=stored["id"]), auth, [ctx.allice.pid]),
               ("nginx", nginx_url, [], [ctx.peers.pids.get("nginx")])]
    rows = _measure(ctx, f"{label} whole", targets, WHOLE_CONNECTIONS)
    env = {"BENCH_FILE_SIZE": str(size), "BENCH_RANGE_BYTES": str(RANGE_BYTES)}
    rows += _measure(ctx, f"{label} 1 MiB ranges", targets, RANGE_CONNECTIONS, wrk.lua("ranges.lua"), env)
    ctx.say(f"{label}: uploaded {size / 1048576:.0f} MiB in {seconds:.1f} s")
    return rows


def run_download(ctx):
    return _run(ctx, "file download", "/api/files/upload", "/api/files/{id}/download", ctx.download_file)


def run_media(ctx):
    return _run(ctx, "media stream", "/api/media/upload", "/api/media/{id}/stream", ctx.media_file)
