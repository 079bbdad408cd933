-- ARGV[1]: id, to, note (optional), plans = { [current status] = {mitigatedAt, resolvedAt} } from
-- domain/transitions.ts; a current status with no plan is a refused transition.
if redis.call('EXISTS', INCIDENT) == 0 then return reply('not_found') end
local cur = redis.call('HGET', INCIDENT, 'status')
-- Checked before the version: a retried request whose first attempt landed must succeed, not conflict.
if cur == A.to then return reply('noop') end
if stale() then return reply('version_conflict') end
local effects = A.plans[cur]
if not present(effects) then return reply('transition_conflict', '', cur) end

local function stamp(field, how)
  if how == 'set' then
    redis.call('HSET', INCIDENT, field, NOW)
  elseif how == 'set_if_unset' then
    redis.call('HSETNX', INCIDENT, field, NOW)
  elseif how == 'clear' then
    redis.call('HDEL', INCIDENT, field)
  end
end
stamp('mitigatedAt', effects.mitigatedAt)
stamp('resolvedAt', effects.resolvedAt)
-- Mitigating or resolving implies someone responded: the first such move acknowledges, so every incident that
-- reaches mitigation has a time to acknowledge.
local acknowledged = false
if effects.acknowledgedAt == 'set_if_unset' and redis.call('HSETNX', INCIDENT, 'acknowledgedAt', NOW) == 1 then
  redis.call('HSET', INCIDENT, 'acknowledgedById', A.actor)
  acknowledged = true
end
local seq = redis.call('HGET', INCIDENT, 'seq')
move(KS.status, cur, A.to, A.id, seq)
-- `User.incidentRoles` lists incidents not resolved: the holders leave the index on resolution, return on reopen.
if A.to == 'resolved' or cur == 'resolved' then
  local roles = redis.call('HGETALL', KS.roles .. A.id)
  for k = 2, #roles, 2 do
    local holder = cjson.decode(roles[k]).userId
    if A.to == 'resolved' then
      redis.call('ZREM', KS.roleHolder .. holder, A.id)
    else
      redis.call('ZADD', KS.roleHolder .. holder, seq, A.id)
    end
  end
end
redis.call('HSET', INCIDENT, 'status', A.to)
local v = bump()
local message = 'Status changed from ' .. cur .. ' to ' .. A.to
if present(A.note) then message = message .. ': ' .. A.note end
local entry = record('status_changed', message)
restat()
emit('"version":' .. v .. ',"from":"' .. cur .. '","acknowledged":' .. tostring(acknowledged)
  .. ',"timelineEntryId":"' .. entry .. '"')
return reply('ok', entry, cur)
