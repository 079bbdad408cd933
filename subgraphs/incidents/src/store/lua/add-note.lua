-- ARGV[1]: type, message. A person's entry (system = 0); it still counts as a change of the incident.
if redis.call('EXISTS', INCIDENT) == 0 then return reply('not_found') end
local entry = redis.call('XADD', TIMELINE, '*', 'type', A.type, 'message', A.message, 'authorId', A.actor,
  'at', NOW, 'system', '0')
local v = bump()
emit('"version":' .. v .. ',"timelineEntryId":"' .. entry .. '"')
return reply('ok', entry)
