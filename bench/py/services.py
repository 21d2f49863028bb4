"""The processes a run needs: the jar, its PostgreSQL database, the service itself and the peers."""
import glob
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time

import api

PG = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]
PEER_PORTS = {"fastapi-peer": 8701, "jdbc-floor": 8702, "nginx": 8703}


class SetupFailed(RuntimeError):
    pass


def java_major(binary):
    try:
        out = subprocess.run([binary, "-XshowSettings:properties", "-version"], capture_output=True, text=True).stderr
    except OSError:
        return 0
    match = re.search(r"java\.specification\.version = (\d+)", out)
    return int(match.group(1)) if match else 0


def find_java25():
    """Returns a java binary of version 25 or newer: $JAVA25, then $JAVA_HOME, then /usr/lib/jvm."""
    candidates = [os.environ.get("JAVA25", "")]
    if os.environ.get("JAVA_HOME"):
        candidates.append(os.path.join(os.environ["JAVA_HOME"], "bin", "java"))
    candidates += sorted(glob.glob("/usr/lib/jvm/*/bin/java"), reverse=True)
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK) and java_major(candidate) >= 25:
            return candidate
    raise SetupFailed("no JDK 25 found: install one under /usr/lib/jvm or set JAVA25 to its java binary")


def peers_dir(repo):
    """Returns the peers folder: $ALLICE_BENCH_PEERS, by default ../shared/bench beside the repository."""
    path = os.environ.get("ALLICE_BENCH_PEERS") or os.path.join(repo, "..", "shared", "bench")
    path = os.path.abspath(path)
    for name in ("install-peers.sh", "start-peers.sh"):
        if not os.path.isfile(os.path.join(path, name)):
            raise SetupFailed(f"peers folder {path} has no {name}: set ALLICE_BENCH_PEERS to the folder "
                              "that holds install-peers.sh, start-peers.sh and the peers")
    return path


def ensure_tools(peers, need_ffmpeg, log):
    """Installs wrk, nginx and the FastAPI stack with install-peers.sh when wrk or nginx is missing.

    FFmpeg, which the service needs to accept media uploads, comes from Debian's ffmpeg package.
    Both installs need root; without it the missing tool is named instead.
    """
    for tool in ("psql", "curl", "mvn"):
        if not shutil.which(tool):
            raise SetupFailed(f"{tool} is not on the PATH; start-peers.sh and the suite need it")
    if not (shutil.which("wrk") and shutil.which("nginx")):
        if os.geteuid() != 0:
            raise SetupFailed(f"wrk or nginx is missing: run {peers}/install-peers.sh as root first")
        print("Installing the peers' packages with install-peers.sh", flush=True)
        subprocess.run(["bash", os.path.join(peers, "install-peers.sh")], check=True, stdout=log, stderr=log)
    if need_ffmpeg and not (shutil.which("ffmpeg") and shutil.which("ffprobe")):
        if os.geteuid() != 0:
            raise SetupFailed("ffmpeg is missing: install Debian's ffmpeg package for the media scenario")
        print("Installing ffmpeg", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "ffmpeg"], check=True, stdout=log, stderr=log,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def build_jar(repo, log, java, aot_cache=False):
    """Builds target/allice-platform.jar, and with aot_cache also target/aot and its JVM AOT cache.

    Maven runs on the JDK of `java`, because Spring's AOT processing compiles the code it writes
    with Maven's own JDK and leaves it out on an older one.
    """
    jar = os.path.join(repo, "target", "allice-platform.jar")
    profile = ["-Paot-cache"] if aot_cache else []
    print(f"Building target/allice-platform.jar (./mvnw {' '.join(profile + ['package'])}, tests skipped)", flush=True)
    started = time.monotonic()
    java_home = os.path.dirname(os.path.dirname(os.path.realpath(java)))
    result = subprocess.run(["./mvnw", "-B", "-ntp", "-q", *profile, "package", "-DskipTests"], cwd=repo,
                            stdout=log, stderr=log, env=dict(os.environ, JAVA_HOME=java_home))
    if result.returncode != 0 or not os.path.isfile(jar):
        raise SetupFailed(f"the build failed with exit code {result.returncode}; see {log.name}")
    print(f"Built in {time.monotonic() - started:.0f} s", flush=True)
    return jar


def port_free(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def create_database(name):
    subprocess.run(["psql", *PG, "-qc", f'DROP DATABASE IF EXISTS "{name}"', "-c", f'CREATE DATABASE "{name}"'],
                   check=True, capture_output=True)


def analyze_items(database):
    """Refreshes the planner statistics of a database's items table (see crud.run_items)."""
    subprocess.run(["psql", *PG, "-d", database, "-qc", "ANALYZE items"], check=True, capture_output=True)


def drop_database(name):
    subprocess.run(["psql", *PG, "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], capture_output=True)


class Service:
    """One Allice process started from the jar (or by `command`), its log in the run folder."""

    def __init__(self, java, jar, port, data_dir, log_path, database_url=None, java_options=(), extra_env=None,
                 command=None):
        self.base = f"http://127.0.0.1:{port}"
        if not port_free(port):
            raise SetupFailed(f"port {port} is in use: set ALLICE_BENCH_PORT to a free port")
        env = dict(os.environ, PORT=str(port), ALLICE_DATA_DIR=data_dir,
                   JWT_SECRET_KEY=secrets.token_hex(32), **(extra_env or {}))
        env.pop("DATABASE_URL", None)
        env.pop("REDIS_URL", None)
        if database_url:
            env["DATABASE_URL"] = database_url
        os.makedirs(data_dir, exist_ok=True)
        self.log_path = log_path
        self._log = open(log_path, "w")
        self.command = list(command) if command else [java, *java_options, "-jar", jar]
        self.started_at = time.monotonic()
        self.process = subprocess.Popen(self.command, env=env, stdout=self._log, stderr=subprocess.STDOUT,
                                        cwd=data_dir)
        self.pid = self.process.pid

    def wait_healthy(self, timeout_s=420):
        try:
            api.wait_healthy(self.base, timeout_s, self.process)
        except api.ApiError as error:
            raise SetupFailed(f"{error}; see {self.log_path}") from None
        return time.monotonic() - self.started_at

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


class Peers:
    """The peers that start-peers.sh starts: fastapi-peer, jdbc-floor and nginx serving files_dir."""

    def __init__(self, peers, run_dir, files_dir, java, log):
        busy = [f"{name} ({port})" for name, port in PEER_PORTS.items() if not port_free(port)]
        if busy:
            raise SetupFailed("peer ports in use, perhaps by another run: " + ", ".join(busy))
        self.run_dir = run_dir
        env = dict(os.environ, PEER_RUN=run_dir, PEER_FILES=files_dir, JAVA25=java)
        # start-peers.sh indexes fastapi-peer's table a fixed 5 s after starting it, and fails when
        # the peer has not created its tables by then, as happens on a busy machine: try again.
        for attempt in range(1, 4):
            print("Starting the peers with start-peers.sh", flush=True)
            result = subprocess.run(["bash", os.path.join(peers, "start-peers.sh")], env=env, stdout=log, stderr=log)
            self.pids = self._read_pids()
            if result.returncode == 0:
                break
            self.stop()
            if attempt == 3:
                raise SetupFailed(f"start-peers.sh failed with exit code {result.returncode}; see {log.name}")
            print(f"start-peers.sh failed with exit code {result.returncode}; trying again", flush=True)
            time.sleep(3)
        # jdbc-floor compiles its source at launch, which takes longer than start-peers.sh waits.
        deadline = time.monotonic() + 180
        for name, port in PEER_PORTS.items():
            while port_free(port):
                if time.monotonic() > deadline:
                    self.stop()
                    raise SetupFailed(f"{name} is not listening on {port}; see the logs in {run_dir}")
                time.sleep(0.5)

    def _read_pids(self):
        pids = {}
        try:
            with open(os.path.join(self.run_dir, "pids")) as listed:
                numbers = [int(line) for line in listed.read().split()]
            pids.update(zip(("fastapi-peer", "jdbc-floor"), numbers))
        except (OSError, ValueError):
            pass
        try:
            with open(os.path.join(self.run_dir, "nginx.pid")) as nginx:
                pids["nginx"] = int(nginx.read().strip())
        except (OSError, ValueError):
            pass
        return pids

    def stop(self):
        for pid in self.pids.values():
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
