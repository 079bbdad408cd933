-- Writes one record (a JSON string) only if it still holds what the service read (`expected`; '' = must not
-- exist), with its index changes, its event and the component impacts it implies, in one atomic step.
-- A: key, expected, value, zadd [[key, score, member]], zrem [[key, member]], event (flat XADD fields or
--    absent), impacts (ops for apply_impacts), now (ms), cause {kind, id}.
-- Returns {'conflict'} or {'ok', cid, old, new, ...}.
local current = redis.call('GET', A.key)
if A.expected == '' then
  if current then return { 'conflict' } end
elseif current ~= A.expected then
  return { 'conflict' }
end
redis.call('SET', A.key, A.value)
for _, z in ipairs(A.zadd) do redis.call('ZADD', z[1], z[2], z[3]) end
for _, z in ipairs(A.zrem) do redis.call('ZREM', z[1], z[2]) end
if type(A.event) == 'table' and #A.event > 0 then
  redis.call('XADD', KS.events, 'MAXLEN', '~', EV.maxlen, '*', unpack(A.event))
end
local moved = apply_impacts(A.impacts, A.now, A.cause.kind, A.cause.id)
local reply = { 'ok' }
for _, v in ipairs(moved) do reply[#reply + 1] = v end
return reply
