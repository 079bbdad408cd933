-- ARGV[1]: id, commanderId. Assigning the current commander again is a no-op, like a retried request.
if redis.call('EXISTS', INCIDENT) == 0 then return reply('not_found') end
local old = redis.call('HGET', INCIDENT, 'commanderId')
if old == A.commanderId then return reply('noop') end
if stale() then return reply('version_conflict') end
move(KS.commander, old, A.commanderId, A.id, redis.call('HGET', INCIDENT, 'seq'))
redis.call('HSET', INCIDENT, 'commanderId', A.commanderId)
local v = bump()
local entry = record('commander_assigned', 'Commander assigned: ' .. A.commanderId)
emit('"version":' .. v .. ',"previousCommanderId":' .. json(old) .. ',"timelineEntryId":"' .. entry .. '"')
return reply('ok', entry, old or '')
