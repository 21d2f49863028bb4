"""List, get and create items at 64 connections, and login, on Allice and the peers.

Each target gets its own account with 200 items, seeded as crud_load.py seeds them. The runs
alternate between the targets within each round, so drift of the shared machine hits all of
them alike, and the table shows the median of the rounds.
"""
import api
import report
import services
import wrk
from procs import ResourceMeter

CONNECTIONS = 64
# The database that start-peers.sh gives fastapi-peer, which jdbc-floor reads too.
PEER_DATABASE = "peer"
# Each login hashes a password with bcrypt (cost 10 in Allice, 12 in fastapi-peer), so few
# connections and a longer run are needed for any cost-12 login to finish on a busy machine.
LOGIN_CONNECTIONS = 4


def _targets(ctx):
    fastapi = "http://127.0.0.1:8701"
    allice_token = api.register(ctx.allice.base)[1]
    allice_ids = api.seed_items(ctx.allice.base, allice_token)
    fastapi_token = api.register(fastapi)[1]
    fastapi_ids = api.seed_items(fastapi, fastapi_token)
    # jdbc-floor reads the FastAPI peer's tables and checks the same HMAC secret, so the
    # FastAPI account and its items serve it too. It serves only the list.
    return [
        ("allice", ctx.allice.base, allice_token, allice_ids, [ctx.allice.pid]),
        ("fastapi-peer", fastapi, fastapi_token, fastapi_ids, [ctx.peers.pids.get("fastapi-peer")]),
        ("jdbc-floor", "http://127.0.0.1:8702", fastapi_token, None, [ctx.peers.pids.get("jdbc-floor")]),
    ]


def run_items(ctx):
    targets = _targets(ctx)
    operations = [
        ("items list", lambda base, ids: (base + "/api/items?limit=20", None)),
        ("items get", lambda base, ids: (base + f"/api/items/{ids[50]}", None)),
        ("items create", lambda base, ids: (base + "/api/items", wrk.lua("post_item.lua"))),
    ]
    # A short unmeasured run of each request first, so the JVMs measure compiled code.
    for scenario, address in operations:
        for name, base, token, ids, pids in targets:
            if ids is not None or scenario == "items list":
                url, script = address(base, ids)
                wrk.run(url, ctx.warmup, CONNECTIONS, [f"Authorization: Bearer {token}"], script, log=ctx.log)
    # The warm-up's creates add tens of thousands of items to one account before autovacuum has
    # analyzed them. With the old statistics, PostgreSQL sorted the whole account for each list.
    # Both databases get fresh statistics here, as autovacuum would give them a little later.
    services.analyze_items(ctx.database_name)
    services.analyze_items(PEER_DATABASE)
    rounds = {}
    for _ in range(ctx.rounds):
        for scenario, address in operations:
            for name, base, token, ids, pids in targets:
                if ids is None and scenario != "items list":
                    continue
                url, script = address(base, ids)
                with ResourceMeter(pids) as meter:
                    result = wrk.run(url, ctx.seconds, CONNECTIONS, [f"Authorization: Bearer {token}"], script,
                                     log=ctx.log)
                rounds.setdefault((scenario, name), []).append(report.row(scenario, name, result, meter))
    return [report.median_row(rows) for rows in rounds.values()]


def run_login(ctx):
    targets = [("allice", ctx.allice.base, [ctx.allice.pid]),
               ("fastapi-peer", "http://127.0.0.1:8701", [ctx.peers.pids.get("fastapi-peer")])]
    accounts = {name: api.register(base)[0] for name, base, _ in targets}
    rounds = {}
    for _ in range(ctx.rounds):
        for name, base, pids in targets:
            env = {"BENCH_USERNAME": accounts[name], "BENCH_PASSWORD": api.PASSWORD}
            with ResourceMeter(pids) as meter:
                result = wrk.run(base + "/api/auth/login", 2 * ctx.seconds, LOGIN_CONNECTIONS, (),
                                 wrk.lua("login.lua"), env=env, timeout_s=30, log=ctx.log)
            rounds.setdefault(name, []).append(report.row("login", name, result, meter,
                                                          notes=f"{LOGIN_CONNECTIONS} connections, bcrypt"))
    return [report.median_row(rows) for rows in rounds.values()]
