-- One public update on an incident, atomically with the component statuses it implies.
-- KEYS: [1] the incident's mirror (JSON), [2] the announcement (JSON), [3] the incident's announcements zset.
-- A: now (ms), incidentId, announcementId, state, impacts [{componentId, status}],
--    record (announcement JSON without `impacts`), event (flat XADD fields; its `data` lacks `impacts`).
-- The script adds `impacts` ({componentId, oldStatus, newStatus}) to both: only it knows the old statuses.
-- Returns {'no_incident'}, {'no_component', id} or {'ok', impacts JSON}.
local raw = redis.call('GET', KEYS[1])
if not raw then return { 'no_incident' } end
local inc = cjson.decode(raw)
for _, i in ipairs(A.impacts) do
  if redis.call('EXISTS', KS.component .. i.componentId) == 0 then return { 'no_component', i.componentId } end
end
if type(inc.impacts) ~= 'table' then inc.impacts = {} end
for _, i in ipairs(A.impacts) do inc.impacts[i.componentId] = i.status end

-- A resolved update, or an incident already resolved, releases every component it held; otherwise the
-- components named take the status this update gives them and the others keep the incident's last word.
local field = 'i:' .. A.incidentId
local ops = {}
local released = A.state == 'resolved' or inc.status == 'resolved'
if released then
  for cid, _ in pairs(inc.impacts) do ops[#ops + 1] = { cid = cid, field = field } end
else
  for _, i in ipairs(A.impacts) do ops[#ops + 1] = { cid = i.componentId, field = field, status = i.status } end
end
local moved = apply_impacts(ops, A.now, 'incident', A.incidentId)

local parts = {}
for n = 1, #moved, 3 do
  parts[#parts + 1] = cjson.encode({ componentId = moved[n], oldStatus = moved[n + 1], newStatus = moved[n + 2] })
end
local impacts = '[' .. table.concat(parts, ',') .. ']'
local function with_impacts(object) return string.sub(object, 1, -2) .. ',"impacts":' .. impacts .. '}' end

inc.state = A.state
inc.lastAnnouncementId = A.announcementId
redis.call('SET', KEYS[1], cjson.encode(inc))
redis.call('SET', KEYS[2], with_impacts(A.record))
redis.call('ZADD', KEYS[3], A.now, A.announcementId)
local event = A.event
for n = 1, #event, 2 do
  if event[n] == 'data' then event[n + 1] = with_impacts(event[n + 1]) end
end
redis.call('XADD', KS.events, 'MAXLEN', '~', EV.maxlen, '*', unpack(event))
return { 'ok', impacts }
