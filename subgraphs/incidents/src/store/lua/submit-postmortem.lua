-- KEYS[4]: the postmortem list. ARGV[1].postmortem: the version's JSON without its number, added here.
if redis.call('EXISTS', INCIDENT) == 0 then return reply('not_found') end
if stale() then return reply('version_conflict') end
local pv = redis.call('LLEN', KEYS[4]) + 1
redis.call('RPUSH', KEYS[4], with_members(A.postmortem, '"version":' .. pv))
local v = bump()
local entry = record('postmortem_updated', 'Postmortem version ' .. pv .. ' submitted')
emit('"version":' .. v .. ',"postmortemVersion":' .. pv .. ',"timelineEntryId":"' .. entry .. '"')
return reply('ok', entry, pv)
