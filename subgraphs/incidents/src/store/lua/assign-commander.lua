-- ARGV[1]: id, commanderId. Assigning the current commander again is a no-op, like a retried request.
-- KEYS[4..6]: the user directory, its applied position and the users events stream (user-directory-catch-up.lua).
if redis.call('EXISTS', INCIDENT) == 0 then return reply('not_found') end
-- The service checked the commander against a directory caught up to the stream's end, one round trip ago. A
-- users event appended since (a disable) must count: a directory behind the stream refuses the write, and the
-- service catches up and tries again, so the check that decides is atomic with the write.
local applied = redis.call('GET', KEYS[5])
if #redis.call('XRANGE', KEYS[6], applied and ('(' .. applied) or '-', '+', 'COUNT', 1) > 0 then
  return reply('directory_behind')
end
if redis.call('HGET', KEYS[4], A.commanderId) ~= 'enabled' then return reply('commander_refused') end
local old = redis.call('HGET', INCIDENT, 'commanderId')
if old == A.commanderId then return reply('noop') end
if stale() then return reply('version_conflict') end
move(KS.commander, old, A.commanderId, A.id, redis.call('HGET', INCIDENT, 'seq'))
redis.call('HSET', INCIDENT, 'commanderId', A.commanderId)
local v = bump()
local message = 'Commander assigned: ' .. name_of(A.commanderId)
if old then message = message .. ' (was ' .. name_of(old) .. ')' end
local entry = record('commander_assigned', message, A.commanderId)
restat()
emit('"version":' .. v .. ',"previousCommanderId":' .. json(old) .. ',"timelineEntryId":"' .. entry .. '"')
return reply('ok', entry, old or '')
