-- Forgets a subscription entirely (the address is personal data we no longer have a reason to keep).
-- KEYS[1] subscription hash  KEYS[2] confirmed zset  KEYS[3] sub-by-email hash  KEYS[4] confirm-sent mark
-- ARGV[1] id
-- Returns 1 when it existed.
local emailKey = redis.call('HGET', KEYS[1], 'emailKey')
if not emailKey then return 0 end
if redis.call('HGET', KEYS[3], emailKey) == ARGV[1] then redis.call('HDEL', KEYS[3], emailKey) end
redis.call('DEL', KEYS[1], KEYS[4])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
