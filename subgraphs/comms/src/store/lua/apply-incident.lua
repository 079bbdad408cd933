-- Records an incident's facts as the graph showed them, and what its status means for components.
-- KEYS: [1] the incident's mirror, [2] open incidents set, [3] recent incidents zset.
-- A: facts {id, title, sev, status, services, startedAt, resolvedAt, updatedAt}, done (idempotency key of the
--    incidents event being applied, or ''), now (ms).
-- Facts older than those held are ignored (two readers of the graph may finish out of order).
-- Returns 0 when nothing was applied, 1 otherwise.
if A.done ~= '' and redis.call('EXISTS', A.done) == 1 then return 0 end
local f = A.facts
local raw = redis.call('GET', KEYS[1])
local inc
if raw then
  inc = cjson.decode(raw)
  if tonumber(inc.updatedAt) > tonumber(f.updatedAt) then
    if A.done ~= '' then redis.call('SET', A.done, '1', 'EX', 604800) end
    return 0
  end
else
  inc = { state = cjson.null, lastAnnouncementId = cjson.null, impacts = {} }
end
if type(inc.impacts) ~= 'table' then inc.impacts = {} end
local was = inc.status
for k, v in pairs(f) do inc[k] = v end
redis.call('SET', KEYS[1], cjson.encode(inc))
redis.call('ZADD', KEYS[3], f.updatedAt, f.id)

-- Resolving releases the components the incident held; reopening gives them back its last word (unless that
-- word was itself "resolved").
local field = 'i:' .. f.id
local ops = {}
if f.status == 'resolved' then
  redis.call('SREM', KEYS[2], f.id)
  if was ~= 'resolved' then
    for cid, _ in pairs(inc.impacts) do ops[#ops + 1] = { cid = cid, field = field } end
  end
else
  redis.call('SADD', KEYS[2], f.id)
  if was == 'resolved' and inc.state ~= 'resolved' then
    for cid, status in pairs(inc.impacts) do ops[#ops + 1] = { cid = cid, field = field, status = status } end
  end
end
apply_impacts(ops, A.now, 'incident', f.id)
if A.done ~= '' then redis.call('SET', A.done, '1', 'EX', 604800) end
return 1
