"""5,000 WebSocket clients in chat rooms, with messages fanned out to every subscriber of a room.

50 accounts share 100 rooms: each room has 10 members (its owner and the next 9 accounts) and
each member opens 5 connections to it, so a room has 50 subscribers and every account has
100 connections open. ws/WsLoad.java opens the connections, sends the messages at a fixed total
rate and measures delivery latency from send to receipt at each subscriber.
"""
import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor

import api
import report
from procs import ResourceMeter

ACCOUNTS = 50
ROOMS = 100
MEMBERS_PER_ROOM = 10
CONNECTIONS_PER_MEMBER = 5
MESSAGES_PER_SECOND = 100
WS_CLIENT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ws", "WsLoad.java")


def _prepare(base):
    """Registers the accounts and creates the rooms; returns the plan lines 'room_id token'."""
    with ThreadPoolExecutor(4) as pool:
        accounts = list(pool.map(lambda _: api.register(base, "ws"), range(ACCOUNTS)))
    tokens = [token for _, token in accounts]
    ids = [api.call(base, "GET", "/api/auth/me", token=token)["id"] for token in tokens]

    def create_room(r):
        room = f"bench-{r}"
        owner = r % ACCOUNTS
        api.call(base, "POST", "/api/chat/send", {"room_id": room, "message": "room opened"}, tokens[owner])
        members = [(owner + k) % ACCOUNTS for k in range(MEMBERS_PER_ROOM)]
        for member in members[1:]:
            api.call(base, "POST", f"/api/chat/rooms/{room}/members", {"user_id": ids[member]}, tokens[owner])
        return [f"{room} {tokens[member]}" for member in members for _ in range(CONNECTIONS_PER_MEMBER)]

    with ThreadPoolExecutor(4) as pool:
        return [line for lines in pool.map(create_room, range(ROOMS)) for line in lines]


def run(ctx):
    plan = _prepare(ctx.allice.base)
    plan_file = os.path.join(ctx.run_dir, "ws-plan.txt")
    with open(plan_file, "w") as out:
        out.write("\n".join(plan) + "\n")
    url = ctx.allice.base.replace("http://", "ws://") + "/ws"
    command = [ctx.java, "-Xmx1g", WS_CLIENT, url, plan_file, str(MESSAGES_PER_SECOND), str(ctx.seconds * 3)]
    with ResourceMeter([ctx.allice.pid]) as meter:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=900)
    ctx.log.write("$ " + " ".join(command) + "\n" + completed.stdout + completed.stderr + "\n")
    if completed.returncode != 0 or not completed.stdout.strip():
        raise RuntimeError(f"WsLoad failed with exit code {completed.returncode}: {completed.stderr[-2000:]}")
    figures = json.loads(completed.stdout.strip().splitlines()[-1])
    missing = figures["deliveries_expected"] - figures["deliveries"]
    errors = figures["failed_handshakes"] + figures["error_frames"] + figures["closed_by_server"] + max(missing, 0)
    notes = (f"{figures['opened']} of {figures['connections']} connected in {figures['connect_seconds']} s; "
             f"{figures['messages_sent']} messages at {MESSAGES_PER_SECOND}/s to rooms of "
             f"{MEMBERS_PER_ROOM * CONNECTIONS_PER_MEMBER}: {figures['deliveries']} of "
             f"{figures['deliveries_expected']} deliveries, max {figures['max_ms']} ms")
    result = {"rps": figures["deliveries"] / (ctx.seconds * 3), "p50_ms": figures["p50_ms"],
              "p99_ms": figures["p99_ms"], "errors": errors}
    row = report.row("websocket 5,000 clients", "allice", result, meter, notes=notes)
    row["figures"] = figures
    return [row]
