-- Switches a flag on or off, leaving its definition as it is. ARGV[1] adds: on (boolean).
local cur = redis.call('HMGET', FLAG, 'def', 'on', 'version')
if cur[1] == false then return reply('not_found') end
if stale(cur[3]) then return reply('version_conflict') end
local on = A.on and '1' or '0'
if cur[2] == on then return reply('noop') end
redis.call('HSET', FLAG, 'on', on, 'updatedAt', A.now, 'updatedBy', A.actor)
local v = redis.call('HINCRBY', FLAG, 'version', 1)
local id = audit('toggled', whole(cur[1], cur[2]), whole(cur[1], on))
emit('toggled', v, id)
return reply('toggled', id)
