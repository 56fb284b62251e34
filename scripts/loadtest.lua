-- wrk script for `make loadtest` (scripts/loadtest.sh): a mix of pages in both languages, API lists
-- with filters, a CSV export, places as GeoJSON and the membership graph. Each wrk thread walks the
-- list round-robin from its own random starting point, so every URL gets the same share of the traffic.
--
-- Prints throughput, latency percentiles and the responses by status; with WRK_RESULTS set, also
-- writes them as key=value lines to that file for the shell script to check.
--
-- scripts/loadtest.sh reads the paths below (one quoted "/..." per line) to check each answers 200
-- before the run: keep one path per line.

paths = {
  -- pages, French
  "/fr/",
  "/fr/reseaux/",
  "/fr/reseaux/anvita/",
  "/fr/fiches/?theme=housing",
  "/fr/fiches/anvita-republican-sponsorship-ceremonies/",
  "/fr/lieux/",
  "/fr/recherche/?q=accueil",
  -- pages, English
  "/en/",
  "/en/networks/",
  "/en/networks/eurocities/",
  "/en/practices/?theme=participation",
  "/en/practices/amman-city-resilience-strategy/",
  "/en/places/",
  "/en/search/?q=welcoming+cities",
  -- research API: lists with filters, a CSV export, GeoJSON, the graph
  "/api/v1/networks/",
  "/api/v1/networks/?scale=transnational&origin=co-opted&lang=en",
  "/api/v1/practices/?theme=housing,participation",
  "/api/v1/practices/?country=FR&lang=fr",
  "/api/v1/memberships/?network=anvita&format=csv",
  "/api/v1/places.geojson",
  "/api/v1/graph/",
}

-- main state: keep the threads to add up their counters at the end
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
  table.insert(threads, thread)
end

-- thread state
local index
statuses = {}

function init(args)
  math.randomseed(os.time() * 1000 + (thread_id or 0))
  index = math.random(#paths)
  requests = {}
  for i, path in ipairs(paths) do
    requests[i] = wrk.format("GET", path, { ["User-Agent"] = "kb-loadtest (wrk)" })
  end
end

function request()
  index = index % #paths + 1
  return requests[index]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

local function ms(microseconds)
  return string.format("%.1f", microseconds / 1000)
end

function done(summary, latency, requests)
  local by_status, ok, s200, s503, other = {}, 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses") or {}) do
      by_status[status] = (by_status[status] or 0) + count
      if status >= 200 and status < 400 then ok = ok + count end
      if status == 200 then
        s200 = s200 + count
      elseif status == 503 then
        s503 = s503 + count
      end
    end
  end
  local codes = {}
  for status, _ in pairs(by_status) do table.insert(codes, status) end
  table.sort(codes)
  local listed = {}
  for _, status in ipairs(codes) do table.insert(listed, status .. ": " .. by_status[status]) end
  local answered = 0
  for _, count in pairs(by_status) do answered = answered + count end
  other = answered - s200 - s503
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  local results = {
    { "urls", #paths },
    { "requests", summary.requests },
    { "seconds", string.format("%.1f", seconds) },
    { "rps", string.format("%.1f", summary.requests / seconds) },
    { "p50_ms", ms(latency:percentile(50)) },
    { "p90_ms", ms(latency:percentile(90)) },
    { "p99_ms", ms(latency:percentile(99)) },
    { "max_ms", ms(latency.max) },
    { "ok_2xx_3xx", ok },
    { "not_2xx_3xx", answered - ok },
    { "status_200", s200 },
    { "status_503", s503 },
    { "status_other", other },
    { "socket_errors", socket_errors },
    { "err_connect", e.connect },
    { "err_read", e.read },
    { "err_write", e.write },
    { "err_timeout", e.timeout },
  }
  io.write("------------------------------------------------------------\n")
  io.write(string.format("  %d URLs, %d requests in %.1f s: %.1f requests/s\n",
    #paths, summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("  latency p50 %s ms, p90 %s ms, p99 %s ms, max %s ms\n",
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)), ms(latency.max)))
  io.write("  responses by status: " .. table.concat(listed, ", ") .. "\n")
  io.write(string.format("  non-2xx/3xx: %d; socket errors: %d (connect %d, read %d, write %d, timeout %d)\n",
    answered - ok, socket_errors, e.connect, e.read, e.write, e.timeout))
  local path = os.getenv("WRK_RESULTS")
  if path and path ~= "" then
    local file = assert(io.open(path, "w"))
    for _, pair in ipairs(results) do file:write(pair[1] .. "=" .. tostring(pair[2]) .. "\n") end
    file:close()
  end
end
