"""The few API calls the scenarios make to prepare their data: accounts, items, chat rooms, uploads."""
import json
import subprocess
import time
import urllib.error
import urllib.request
import uuid

PASSWORD = "S3cure-Passw0rd!"
ITEM = {"description": "A description of moderate length for the benchmark.", "item_type": "post",
        "metadata": {"tags": ["a", "b"]}}


class ApiError(RuntimeError):
    pass


def call(base, method, path, body=None, token=None, timeout=60):
    """Sends one JSON request and returns the decoded JSON response; raises ApiError on a non-2xx status."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read()
    except urllib.error.HTTPError as error:
        raise ApiError(f"{method} {base}{path} failed with {error.code}: {error.read()[:500]!r}") from None
    return json.loads(text) if text else None


def wait_healthy(base, timeout_s, process=None, interval_s=0.02):
    """Polls GET /api/system/health until it returns 200 and returns the seconds waited."""
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        if process is not None and process.poll() is not None:
            raise ApiError(f"the process behind {base} exited with {process.returncode} before it was healthy")
        try:
            with urllib.request.urlopen(base + "/api/system/health", timeout=2) as response:
                if response.status == 200:
                    return time.monotonic() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(interval_s)
    raise ApiError(f"{base}/api/system/health did not return 200 within {timeout_s} s")


def register(base, prefix="bench"):
    """Registers a fresh account and returns (username, access token)."""
    name = prefix + uuid.uuid4().hex[:10]
    answer = call(base, "POST", "/api/auth/register",
                  {"username": name, "email": f"{name}@example.test", "password": PASSWORD})
    return name, answer["access_token"]


def seed_items(base, token, count=200):
    """Creates count items as crud_load.py does and returns their ids."""
    ids = []
    for i in range(count):
        body = dict(ITEM, title=f"Item {i}", content={"body": "x" * 200, "n": i},
                    status="published" if i % 2 else "draft")
        ids.append(call(base, "POST", "/api/items", body, token)["id"])
    return ids


def upload(base, path, token, file_path, log=None):
    """Streams a multipart upload with curl and returns (decoded JSON response, seconds, bytes per second)."""
    command = ["curl", "-sS", "-o", "-", "-w", "\n%{http_code} %{time_total} %{speed_upload}",
               "-H", "Authorization: Bearer " + token, "-F", "file=@" + file_path, base + path]
    completed = subprocess.run(command, capture_output=True, text=True)
    if log:
        log.write("$ curl -F file=@" + file_path + " " + base + path + "\n" + completed.stdout + completed.stderr + "\n")
    body, _, status_line = completed.stdout.rpartition("\n")
    parts = status_line.split()
    if completed.returncode != 0 or len(parts) != 3 or not parts[0].startswith("2"):
        raise ApiError(f"upload of {file_path} to {path} failed: {completed.stderr.strip()} {completed.stdout[-500:]}")
    return json.loads(body), float(parts[1]), float(parts[2])
