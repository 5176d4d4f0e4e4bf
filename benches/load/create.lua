-- wrk script: every request files a contact request (POST /contact) as the signed-in
-- person whose session cookie and CSRF token core-load.sh passes in the environment.
-- With RATE set, connections are paced so that all CONNS together send RATE per second.
local session = os.getenv("OSC_BENCH_SESSION")
local token = os.getenv("OSC_BENCH_TOKEN")
local rate = tonumber(os.getenv("RATE") or "0")
local conns = tonumber(os.getenv("CONNS") or "8")
local counter = 0

function request()
  counter = counter + 1
  local body = "topic=general&message=Lastmessung+Zaehler+" .. counter ..
    "+Wechselrichter+meldet+Netzfehler&csrf_token=" .. token
  return wrk.format("POST", "/contact", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "osc_session=" .. session,
  }, body)
end

if rate > 0 then
  function delay()
    return conns / rate * 1000
  end
end
