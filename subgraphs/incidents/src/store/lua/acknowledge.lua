-- The first acknowledgement stamps who and when; any later one is a no-op answering the incident as it is, so two
-- responders acknowledging at the same moment are both answered and exactly one acknowledgement is recorded.
if redis.call('EXISTS', INCIDENT) == 0 then return reply('not_found') end
if redis.call('HEXISTS', INCIDENT, 'acknowledgedAt') == 1 then return reply('noop') end
redis.call('HSET', INCIDENT, 'acknowledgedAt', NOW, 'acknowledgedById', A.actor)
local v = bump()
local entry = record('acknowledged', 'Acknowledged by ' .. name_of(A.actor))
restat()
emit('"version":' .. v .. ',"timelineEntryId":"' .. entry .. '"')
return reply('ok', entry)
