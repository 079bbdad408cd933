-- Applies a change computed from the user as read at `expected version`. If the user moved since, nothing is
-- written and the caller re-reads and recomputes, so concurrent updates never overwrite each other.
-- KEYS: user, admins, events, audit
-- ARGV: id, expected version, fields to set (JSON flat array), admin membership (add | remove | keep),
--       guard last admin (1 | 0), stream writes...
local version = redis.call('HGET', KEYS[1], 'version')
if not version then
  return 'MISSING'
end
if version ~= ARGV[2] then
  return 'STALE'
end
-- The platform must always keep one enabled admin, or nobody could manage users any more.
if ARGV[5] == '1' and redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 and redis.call('SCARD', KEYS[2]) <= 1 then
  return 'LAST_ADMIN'
end
redis.call('HSET', KEYS[1], unpack(cjson.decode(ARGV[3])))
redis.call('HINCRBY', KEYS[1], 'version', 1)
if ARGV[4] == 'add' then
  redis.call('SADD', KEYS[2], ARGV[1])
elseif ARGV[4] == 'remove' then
  redis.call('SREM', KEYS[2], ARGV[1])
end
append_streams(KEYS[3], KEYS[4], ARGV[6], ARGV[7], ARGV[8])
return 'OK'
