-- ARGV[1]: id, role, userId, field, label. Taking a role the user does not hold is a no-op, like a retry.
if redis.call('EXISTS', INCIDENT) == 0 then return reply('not_found') end
local held = redis.call('HGET', ROLES, A.field)
if not held or cjson.decode(held).userId ~= A.userId then return reply('noop') end
redis.call('HDEL', ROLES, A.field)
if not holds_any(A.userId) then redis.call('ZREM', KS.roleHolder .. A.userId, A.id) end
local v = bump()
local entry = record('role_unassigned', A.label .. ' unassigned: ' .. name_of(A.userId), A.userId)
emit('"version":' .. v .. ',"timelineEntryId":"' .. entry .. '"')
return reply('ok', entry)
