"""The benchmark suite: builds the jar, starts Allice on a database of its own and the peers,
runs the chosen scenarios and prints one table with the ratios and the targets. See bench/README.md."""
import argparse
import datetime
import json
import os
import resource
import signal
import subprocess
import sys
import time

import crud
import report
import search
import served
import services
import startup
import targets
import upload
import websocket

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SCENARIOS = {
    "items": crud.run_items, "login": crud.run_login, "download": served.run_download, "media": served.run_media,
    "websocket": websocket.run, "upload": upload.run, "search": search.run, "startup": startup.run,
}
NEEDS_MAIN_SERVICE = {"items", "login", "download", "media", "websocket"}
NEEDS_PEERS = {"items", "login", "download", "media"}
UNLIMITED = str(10 ** 9)


class Context:
    """State the scenarios share: the tools, the run folder, the running service and peers."""

    def __init__(self, args, run_dir, log):
        self.seconds, self.rounds, self.warmup = args.seconds, args.rounds, args.warmup
        self.run_dir, self.log = run_dir, log
        self.port = int(os.environ.get("ALLICE_BENCH_PORT", "18080"))
        self.java_options = os.environ.get("ALLICE_BENCH_JAVA_OPTS", "").split()
        self.java = self.jar = self.allice = self.peers = self.database_url = self.database_name = None
        self.download_file = self.media_file = None

    def say(self, message):
        print(message, flush=True)
        self.log.write(message + "\n")
        self.log.flush()

    @staticmethod
    def service_env(max_upload=2 ** 30):
        """Raises every rate limit out of reach, and the upload limit above the files the scenarios send."""
        names = ("RATE_LIMIT_FREE_PER_MINUTE", "RATE_LIMIT_PRO_PER_MINUTE", "RATE_LIMIT_AI_FREE_PER_MINUTE",
                 "RATE_LIMIT_AI_PRO_PER_MINUTE", "RATE_LIMIT_ANONYMOUS_PER_MINUTE")
        return {**{name: UNLIMITED for name in names}, "MAX_UPLOAD_SIZE": str(max_upload)}


def machine():
    """Describes the machine: processor, cores, memory and load, for the page that records the figures."""
    model = "unknown processor"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as info:
        memory_gib = int(info.readline().split()[1]) / 1048576
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip()
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    return f"{os.cpu_count()} cores ({model}), {memory_gib:.0f} GiB; load average {load}; commit {commit or '?'}"


def raise_open_files(needed=12000):
    """Raises this process's open-file limit, which the service and the WebSocket client inherit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    allowed = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
    if soft < allowed:
        resource.setrlimit(resource.RLIMIT_NOFILE, (allowed, hard))
    if allowed < needed:
        raise services.SetupFailed(f"the open-file limit (ulimit -n) is at most {hard}; the websocket scenario "
                                   f"needs {needed} for 5,000 connections at both ends")


def parse_args():
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__)
    parser.add_argument("scenarios", nargs="*", metavar="scenario",
                        help="any of: " + ", ".join(SCENARIOS) + " (default: all)")
    parser.add_argument("--seconds", type=int, default=10, help="length of one load run in seconds (default 10)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of each load run; the table shows medians")
    # In a 5-second warm-up the JIT compiler threads still used almost as much CPU as the
    # request threads during the measured create runs, which then doubled once compiled.
    parser.add_argument("--warmup", type=int, default=20,
                        help="seconds of unmeasured load before the measured runs, so the JVMs compile first "
                             "(default 20)")
    parser.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    parser.add_argument("--no-build", action="store_true", help="use target/allice-platform.jar as it is")
    args = parser.parse_args()
    unknown = [name for name in args.scenarios if name not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenario {', '.join(unknown)}; choose from {', '.join(SCENARIOS)}")
    args.scenarios = [name for name in SCENARIOS if name in (args.scenarios or SCENARIOS)]
    return args


def prepare(ctx, args, chosen):
    peers = services.peers_dir(REPO)
    ctx.java = services.find_java25()
    services.ensure_tools(peers, "media" in chosen, ctx.log)
    jar = os.path.join(REPO, "target", "allice-platform.jar")
    if args.no_build and os.path.isfile(jar):
        ctx.jar = jar
    else:
        # The start-up scenario also measures bin/allice, which starts from the AOT cache.
        ctx.jar = services.build_jar(REPO, ctx.log, ctx.java, aot_cache="startup" in chosen)
    if chosen & {"download", "media"}:
        ctx.download_file, ctx.media_file = served.prepare_files(os.path.join(REPO, "target", "bench", "files"),
                                                                 ctx.log)
    return peers


def run_scenarios(ctx, names, rows):
    for name in names:
        ctx.say(f"== {name}")
        started = time.monotonic()
        try:
            rows.extend(SCENARIOS[name](ctx))
        except Exception as error:  # one failed scenario must not lose the others' figures
            ctx.say(f"{name}: failed: {error}")
            rows.append(report.row(name, "allice", {"errors": 1}, notes=f"failed: {error}"[:300]))
        ctx.say(f"{name}: {time.monotonic() - started:.0f} s")


def main():
    args = parse_args()
    chosen = set(args.scenarios)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    run_dir = os.path.join(REPO, "target", "bench", stamp)
    os.makedirs(run_dir)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    rows, database, peers_started = [], f"allice_bench_{os.getpid()}", False
    with open(os.path.join(run_dir, "run.log"), "w") as log:
        ctx = Context(args, run_dir, log)
        ctx.say(f"Run folder {run_dir}")
        try:
            if "websocket" in chosen:
                raise_open_files()
            peers = prepare(ctx, args, chosen)
            machine_before = machine()
            if chosen & (NEEDS_MAIN_SERVICE | {"upload"}):
                services.create_database(database)
                ctx.database_name = database
                ctx.database_url = f"postgresql://postgres@127.0.0.1:5432/{database}"
            if chosen & NEEDS_MAIN_SERVICE:
                if chosen & NEEDS_PEERS:
                    peers_started = True
                    ctx.peers = services.Peers(peers, os.path.join(run_dir, "peers"),
                                               os.path.join(REPO, "target", "bench", "files"), ctx.java, log)
                ctx.allice = services.Service(ctx.java, ctx.jar, ctx.port, os.path.join(run_dir, "data"),
                                              os.path.join(run_dir, "service.log"), ctx.database_url,
                                              ctx.java_options, ctx.service_env())
                ctx.say(f"Allice healthy after {ctx.allice.wait_healthy():.1f} s on {ctx.allice.base}")
                run_scenarios(ctx, [n for n in args.scenarios if n in NEEDS_MAIN_SERVICE], rows)
                ctx.allice.stop()
                ctx.allice = None
                if ctx.peers:
                    ctx.peers.stop()
                    ctx.peers = None
            run_scenarios(ctx, [n for n in args.scenarios if n not in NEEDS_MAIN_SERVICE], rows)
        except services.SetupFailed as error:
            ctx.say(f"bench: {error}")
            return 1
        finally:
            if ctx.allice:
                ctx.allice.stop()
            if ctx.peers:
                ctx.peers.stop()
            services.drop_database(database)
            if peers_started:
                services.drop_database("peer")
        publish(ctx, args, rows, machine_before)
    return 0


def publish(ctx, args, rows, machine_before):
    """Prints the results and the targets, and keeps them in the run folder as JSON and Markdown."""
    command = "bench/run " + " ".join(sys.argv[1:])
    header = (f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, `{command.strip()}`\n"
              f"Machine at the start: {machine_before}\nMachine at the end: {machine()}")
    checks = targets.check(rows)
    markdown = f"{header}\n\n{report.render(rows, True)}\n\n{targets.render(checks, True)}\n"
    with open(os.path.join(ctx.run_dir, "results.md"), "w") as out:
        out.write(markdown)
    with open(os.path.join(ctx.run_dir, "results.json"), "w") as out:
        json.dump({"machine": machine_before, "rows": rows}, out, indent=1, default=str)
    if args.markdown:
        print("\n" + markdown)
    else:
        print(f"\n{header}\n\n{report.render(rows)}\n\n{targets.render(checks)}")
    print(f"\nLogs and results in {ctx.run_dir}")


if __name__ == "__main__":
    sys.exit(main())
