-- Paces every connection so that all of them together send RATE requests per second
-- (wrk itself sends as fast as it can): latency at a given load, not at saturation.
-- RATE and CONNS come from the environment (defaults 5000 and 64).
local rate = tonumber(os.getenv("RATE") or "5000")
local conns = tonumber(os.getenv("CONNS") or "64")

function delay()
  return conns / rate * 1000
end
