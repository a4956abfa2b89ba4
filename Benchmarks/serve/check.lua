-- wrk script: POST /v2/check with form bodies read from the files named in $BODIES
-- (space-separated), one after another per connection, so a run mixes stories.
local bodies = {}
for path in string.gmatch(os.getenv("BODIES") or "", "%S+") do
  local file = assert(io.open(path, "rb"))
  bodies[#bodies + 1] = file:read("*a")
  file:close()
end
local counter = 0
local failures = 0

request = function()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  return wrk.format("POST", "/v2/check", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

response = function(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non200=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f mean_ms=%.3f max_ms=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.mean / 1000, latency.max / 1000))
end
