-- wrk script: every request is a successful log-in (POST /login with a valid CSRF
-- token bound to a fixed visitor cookie). Set by login-load.sh through the environment.
local email = os.getenv("OSC_BENCH_EMAIL")
local password = os.getenv("OSC_BENCH_PASSWORD")
local seed = os.getenv("OSC_BENCH_SEED")
local token = os.getenv("OSC_BENCH_TOKEN")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "osc_csrf=" .. seed
wrk.body = "email=" .. email .. "&password=" .. password .. "&csrf_token=" .. token

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("log-ins/s: %.1f\n", summary.requests / (summary.duration / 1e6)))
end
