-- Pacing shared by the wrk scripts (loaded with dofile): with RATE set, spreads the
-- requests of this wrk thread evenly in time so that all THREADS threads together send
-- RATE requests per second. wrk's delay() counts from the previous response, so a fixed
-- delay would also add each response's time and undershoot the rate; here every request
-- is given a slot on a schedule kept against the monotonic clock (LuaJIT's FFI), and
-- waits only for what is left until its slot. When the server falls behind, requests go
-- out as soon as a connection is free, catching up on missed slots (up to BACKLOG_MS).
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } osc_pace_timespec;
int clock_gettime(int clock_id, osc_pace_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("osc_pace_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("RATE") or "0")
local threads = tonumber(os.getenv("THREADS") or "1")
local interval = rate > 0 and threads / rate * 1000 or 0
local next_slot = nil
-- Slots missed while the server was slow are caught up on, up to this far back.
local BACKLOG_MS = 250

-- Milliseconds the next request waits for its slot.
function pace_delay()
  local now = now_ms()
  if next_slot == nil or next_slot < now - BACKLOG_MS then
    next_slot = now
  end
  local wait = next_slot - now
  next_slot = next_slot + interval
  if wait < 0 then
    return 0
  end
  return math.floor(wait)
end

return rate > 0
