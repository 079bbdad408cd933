-- Puts jobs whose retry time has come back on the stream. Atomic, so two workers promoting at once move each
-- job once.
-- KEYS[1] delayed zset  KEYS[2] queue stream
-- ARGV[1] now ms  ARGV[2] most jobs to move
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, job in ipairs(due) do
  redis.call('XADD', KEYS[2], '*', 'job', job)
  redis.call('ZREM', KEYS[1], job)
end
return #due
