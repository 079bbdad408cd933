-- Shared by both write scripts. ARGV[1] is JSON from store/flag-store.ts:
--   key, now, actor      the flag, the time of the change (epoch ms, string), who made it
--   maxlen               approximate cap of the events stream
--   event                the kit envelope as flat XADD fields; `emit` adds what only the script knows to `data`
--   incidentId           the incident a kill-switch toggle came from, or null
--   expectedVersion      optional optimistic check
-- KEYS: [1] flag hash, [2] index, [3] audit stream, [4] the flag's audit stream, [5] events stream.
local A = cjson.decode(ARGV[1])
local FLAG, INDEX, AUDIT, FLAG_AUDIT, EVENTS = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]

local function present(v)
  return v ~= nil and v ~= false and v ~= cjson.null
end

-- The whole definition as JSON: `def` is stored without `on`, so a toggle rewrites one field, not the text.
local function whole(def, on)
  local flag = on == '1' and 'true' or 'false'
  if def == '{}' then return '{"on":' .. flag .. '}' end
  return '{"on":' .. flag .. ',' .. string.sub(def, 2)
end

local function stale(version)
  return present(A.expectedVersion) and tonumber(version or 0) ~= tonumber(A.expectedVersion)
end

-- One entry in the domain's audit stream and, with the same id, in the flag's own.
local function audit(action, before, after)
  local fields = { 'flagKey', A.key, 'action', action, 'actorId', A.actor, 'at', A.now,
    'incidentId', present(A.incidentId) and A.incidentId or '', 'before', before or '', 'after', after }
  local id = redis.call('XADD', AUDIT, '*', unpack(fields))
  redis.call('XADD', FLAG_AUDIT, id, unpack(fields))
  return id
end

local function with_members(object, members)
  if object == '{}' then return '{' .. members .. '}' end
  return string.sub(object, 1, -2) .. ',' .. members .. '}'
end

local function emit(action, version, auditId)
  local f = A.event
  local members = '"action":"' .. action .. '","version":' .. version .. ',"auditId":"' .. auditId .. '"'
  for i = 1, #f, 2 do
    if f[i] == 'data' then f[i + 1] = with_members(f[i + 1], members) end
  end
  redis.call('XADD', EVENTS, 'MAXLEN', '~', A.maxlen, '*', unpack(f))
end

-- Every write answers {outcome, audit id, the flag's fields in store/record.ts order}: no read-back needed.
local function reply(outcome, auditId)
  local r = { outcome, auditId or '' }
  local s = redis.call('HMGET', FLAG, 'def', 'on', 'version', 'createdAt', 'updatedAt', 'updatedBy')
  for i = 1, 6 do r[#r + 1] = s[i] end
  return r
end
