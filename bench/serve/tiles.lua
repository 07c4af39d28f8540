-- wrk script of the viewer server's benchmark (issue 14; bench/run_serve_bench.sh): every
-- request is the next tile of a list of tiles already drawn (from memory), so the load is the
-- cached path. The list ("z x y" lines) is named by the environment variable TILES; each of
-- wrk's threads starts at its own place in it and cycles through it.
--
--   TILES=cached.txt wrk -t2 -c50 -d30s --latency -s bench/serve/tiles.lua http://127.0.0.1:PORT
local paths = {}
local next_index = 1
local thread_count = 0

function setup(thread)
  thread:set("thread_id", thread_count)
  thread_count = thread_count + 1
end

function init(_args)
  local name = os.getenv("TILES")
  local file = assert(io.open(name or "", "r"), "tiles.lua: set TILES to a file of 'z x y' lines")
  for line in file:lines() do
    local z, x, y = line:match("^(%d+)%s+(%d+)%s+(%d+)")
    if z then paths[#paths + 1] = "/tiles/" .. z .. "/" .. x .. "/" .. y .. ".png" end
  end
  file:close()
  assert(#paths > 0, "tiles.lua: no tiles in " .. name)
  next_index = ((thread_id or 0) * 7919) % #paths + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end

-- No response(): wrk then leaves the bodies alone; done() reports wrk's own error counts.
function done(summary, _latency, _requests)
  io.write(string.format("tiles.lua: non-2xx/3xx %d, socket errors connect %d read %d write %d timeout %d\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout))
end
