-- Paces a wrk run at READ_RATE requests a second in all (one wrk thread), instead of
-- flat out: each answer's connection waits for the next free slot of a shared schedule.
-- Used by bench/serve_load.sh when READ_RATE is set, to measure the readers a newsroom
-- offers (the goal's 5,000 reads/s) rather than all the CPU wrk can take from the server.
-- wrk waits whole milliseconds, so a request may leave up to 1 ms before its slot; the
-- schedule still holds the rate over the run. Latency is measured from each request's
-- sending, as wrk always does (a late slot is not counted against the server).
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } paced_timespec;
int clock_gettime(int clock, paced_timespec *ts);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("paced_timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("READ_RATE") or "")
if rate and rate > 0 then
  local interval = 1000 / rate
  local next_at = 0
  delay = function()
    local now = now_ms()
    -- A slot missed by a few milliseconds (wrk's timers are whole milliseconds) is still
    -- taken; further behind, the schedule starts again from now instead of bursting.
    if next_at < now - 10 then next_at = now - 10 end
    next_at = next_at + interval
    return math.floor(next_at - now)
  end
end
