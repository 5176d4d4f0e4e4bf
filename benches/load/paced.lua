-- Paces the connections so that all of them together send RATE requests per second
-- (wrk itself sends as fast as it can): latency at a given load, not at saturation.
-- RATE and THREADS (the -t given to wrk) come from the environment (defaults 5000
-- and 1); the schedule is in pace.lua.
if os.getenv("RATE") == nil then
  error("paced.lua needs RATE")
end
dofile("benches/load/pace.lua")

function delay()
  return pace_delay()
end
