-- Confirms a pending subscription (idempotent: confirming twice keeps the first time).
-- KEYS[1] subscription hash  KEYS[2] confirmed zset
-- ARGV[1] id  ARGV[2] now ms
-- Returns the status after the call, or false when the subscription is gone (unsubscribed since).
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return false end
if status == 'pending' then
  redis.call('HSET', KEYS[1], 'status', 'confirmed', 'confirmedAt', ARGV[2])
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
end
return 'confirmed'
