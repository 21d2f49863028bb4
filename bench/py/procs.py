"""CPU time and resident memory of a process tree, read from /proc while a scenario runs."""
import os
import threading
import time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


def _stat_fields(pid):
    """Returns the fields of /proc/PID/stat after the command name, or None once the process is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            text = stat.read()
    except OSError:
        return None
    # The command name is in brackets and may itself contain spaces or brackets.
    return text[text.rindex(")") + 2:].split()


def tree(root):
    """Returns the pid of root and of every descendant that is alive now."""
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            fields = _stat_fields(int(name))
            if fields:
                children.setdefault(int(fields[1]), []).append(int(name))
    found, pending = [], [root]
    while pending:
        pid = pending.pop()
        found.append(pid)
        pending.extend(children.get(pid, []))
    return found


def cpu_seconds(pids):
    """Returns user plus system CPU seconds of each pid still alive."""
    result = {}
    for pid in pids:
        fields = _stat_fields(pid)
        if fields:
            result[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return result


def rss_bytes(pids):
    """Returns the summed resident set size of the pids, from /proc/PID/statm."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm") as statm:
                total += int(statm.read().split()[1]) * PAGE_BYTES
        except OSError:
            pass
    return total


class ResourceMeter:
    """Samples the resident memory of the process trees under the given roots every 100 ms.

    Use it as a context manager around one load run. Afterwards cpu_percent is the CPU time the
    trees used over the run's wall time, 100 being one core, and peak_rss_mib is the highest
    summed resident memory seen.
    """

    def __init__(self, roots, interval=0.1):
        self.roots = [root for root in roots if root]
        self.interval = interval
        self.peak_rss = 0
        self.cpu_percent = None
        self._stop = threading.Event()

    def _pids(self):
        return [pid for root in self.roots for pid in tree(root)]

    def _sample(self):
        while not self._stop.is_set():
            self.peak_rss = max(self.peak_rss, rss_bytes(self._pids()))
            self._stop.wait(self.interval)

    def __enter__(self):
        self._started = time.monotonic()
        self._cpu_before = cpu_seconds(self._pids())
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        elapsed = time.monotonic() - self._started
        after = cpu_seconds(self._pids())
        used = sum(seconds - self._cpu_before.get(pid, 0.0) for pid, seconds in after.items())
        self.cpu_percent = 100.0 * used / elapsed if elapsed > 0 else None
        return False

    @property
    def peak_rss_mib(self):
        return self.peak_rss / 1048576 if self.peak_rss else None
