-- wrk script: sends the paths of one query kind in turn, with the bench user's token, and prints
-- the latency percentiles. Arguments after "--": the token, then the file of paths (one a line).
local paths = {}
local token = nil
local next_path = 1

function init(args)
  token = args[1]
  for line in io.lines(args[2]) do
    paths[#paths + 1] = line
  end
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d errors=%d p50_us=%d p95_us=%d p99_us=%d\n",
      summary.requests, errors, latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
