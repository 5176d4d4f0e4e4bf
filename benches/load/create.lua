-- wrk script: every request files a contact request (POST /contact) as a visitor without
-- an account, whose CSRF cookie and token core-load.sh passes in the environment (so the
-- searched company's results do not grow with the tickets the run creates).
-- With RATE set, the requests are paced (pace.lua) so that all THREADS together send
-- RATE per second.
local seed = os.getenv("BENCH_CSRF_SEED")
local token = os.getenv("BENCH_TOKEN")
local counter = 0

function request()
  counter = counter + 1
  local body = "name=Kai+Lastprobe&email=kai%40example.com&topic=general" ..
    "&message=Lastmessung+Zaehler+" .. counter ..
    "+Wechselrichter+meldet+Netzfehler&csrf_token=" .. token
  return wrk.format("POST", "/contact", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "osc_csrf=" .. seed,
  }, body)
end

if dofile("benches/load/pace.lua") then
  function delay()
    return pace_delay()
  end
end
