-- GET one byte range per request at a random offset, as a media player seeking through a file.
-- BENCH_FILE_SIZE is the file's length and BENCH_RANGE_BYTES the length of each range, in bytes.
local file_size = tonumber(os.getenv("BENCH_FILE_SIZE"))
local range_bytes = tonumber(os.getenv("BENCH_RANGE_BYTES"))
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("seed", thread_count)
end

function init(args)
  math.randomseed(os.time() * 100 + seed)
end

function request()
  local first = math.random(0, file_size - range_bytes)
  -- wrk.format uses the given table instead of wrk.headers, so copy the -H headers into it.
  local headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  headers["Range"] = string.format("bytes=%d-%d", first, first + range_bytes - 1)
  return wrk.format(nil, nil, headers)
end
