"""Runs wrk against one URL and reads its summary."""
import os
import re
import subprocess

LUA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lua")
TIME_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}
SIZE_UNITS = {"B": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3, "TB": 1024 ** 4}


class WrkFailed(RuntimeError):
    pass


def lua(name):
    return os.path.join(LUA_DIR, name)


def run(url, seconds, connections, headers=(), script=None, env=None, timeout_s=10, log=None):
    """Runs wrk with 2 threads and returns requests/s, MiB/s, p50 and p99 in ms and the error count.

    Errors are wrk's socket errors (connect, read, write, timeout) plus non-2xx/3xx responses.
    """
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout_s}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    command.append(url)
    completed = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})},
                               timeout=seconds + timeout_s + 60)
    if log:
        log.write("$ " + " ".join(command) + "\n" + completed.stdout + completed.stderr + "\n")
    return parse(completed.stdout + completed.stderr)


def _ms(value, unit):
    return float(value) * TIME_UNITS_MS[unit]


def parse(output):
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not rps:
        raise WrkFailed("wrk printed no summary:\n" + output.strip())
    total = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m|h), ([\d.]+)(B|KB|MB|GB|TB) read", output)
    elapsed_s = _ms(total.group(2), total.group(3)) / 1000
    read_bytes = float(total.group(4)) * SIZE_UNITS[total.group(5)]

    def percentile(p):
        match = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s|m|h)", output, re.MULTILINE)
        return _ms(match.group(1), match.group(2)) if match else None

    errors = 0
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if sockets:
        errors += sum(int(count) for count in sockets.groups())
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non2xx:
        errors += int(non2xx.group(1))
    return {
        "rps": float(rps.group(1)),
        "mibps": read_bytes / 1048576 / elapsed_s if elapsed_s else None,
        "p50_ms": percentile(50),
        "p99_ms": percentile(99),
        "errors": errors,
        "requests": int(total.group(1)),
    }
