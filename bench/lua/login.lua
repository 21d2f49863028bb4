-- POST /api/auth/login for the account named in BENCH_USERNAME and BENCH_PASSWORD.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"username": "%s", "password": "%s"}', os.getenv("BENCH_USERNAME"), os.getenv("BENCH_PASSWORD"))
