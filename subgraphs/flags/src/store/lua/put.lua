-- Creates or replaces a whole definition. ARGV[1] adds: def (JSON without `on`), on (boolean).
local cur = redis.call('HMGET', FLAG, 'def', 'on', 'version')
local exists = cur[1] ~= false
if stale(exists and cur[3] or 0) then return reply('version_conflict') end
local on = A.on and '1' or '0'
-- A retried request whose first attempt landed changes nothing and records nothing.
if exists and cur[1] == A.def and cur[2] == on then return reply('noop') end
local action = 'updated'
local before = nil
if exists then
  before = whole(cur[1], cur[2])
else
  action = 'created'
  redis.call('HSET', FLAG, 'createdAt', A.now)
  redis.call('ZADD', INDEX, A.now, A.key)
end
redis.call('HSET', FLAG, 'def', A.def, 'on', on, 'updatedAt', A.now, 'updatedBy', A.actor)
local v = redis.call('HINCRBY', FLAG, 'version', 1)
local id = audit(action, before, whole(A.def, on))
emit(action, v, id)
return reply(action, id)
