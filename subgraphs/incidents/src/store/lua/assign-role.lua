-- ARGV[1]: id, role, userId, field (domain/roles.ts roleField), label. KEYS[4..6]: see user-check.lua.
-- A single-holder role passes from its holder to the new one; holding it already is a no-op.
if redis.call('EXISTS', INCIDENT) == 0 then return reply('not_found') end
local refusal = user_refusal(A.userId)
if refusal then return reply(refusal) end
local held = redis.call('HGET', ROLES, A.field)
local previous = nil
if held then
  previous = cjson.decode(held).userId
  if previous == A.userId then return reply('noop') end
end
redis.call('HSET', ROLES, A.field, cjson.encode({ userId = A.userId, at = NOW, by = A.actor }))
local seq = redis.call('HGET', INCIDENT, 'seq')
if previous and not holds_any(previous) then redis.call('ZREM', KS.roleHolder .. previous, A.id) end
-- `User.incidentRoles` lists incidents not resolved; change-status.lua keeps the index in step with the status.
if redis.call('HGET', INCIDENT, 'status') ~= 'resolved' then
  redis.call('ZADD', KS.roleHolder .. A.userId, seq, A.id)
end
local v = bump()
local message = A.label .. ' assigned: ' .. name_of(A.userId)
if previous then message = message .. ' (was ' .. name_of(previous) .. ')' end
local entry = record('role_assigned', message, A.userId)
emit('"version":' .. v .. ',"previousUserId":' .. json(previous) .. ',"timelineEntryId":"' .. entry .. '"')
return reply('ok', entry, previous or '')
