-- Everything the public page shows, read in one atomic step so a rendering never mixes two states.
-- KEYS: none that are not derived; A: ks (all key prefixes below), historySince (ms), incidents (how many recent
-- ones), maintenances (how many recent ones), announcements (per incident).
-- Returns one JSON object whose records are the stored JSON strings, parsed by the service.
local out = { seq = tonumber(redis.call('GET', KS.snapshotSeq) or '0') }

local function records(prefix, ids)
  local list = {}
  for _, id in ipairs(ids) do
    local raw = redis.call('GET', prefix .. id)
    if raw then list[#list + 1] = raw end
  end
  return list
end

out.groups = records(KS.group, redis.call('ZRANGE', KS.groups, 0, -1))
local componentIds = redis.call('ZRANGE', KS.components, 0, -1)
out.components = records(KS.component, componentIds)

-- Per component: the last change before the window (the status the window starts in) and the changes in it.
out.history = {}
for _, cid in ipairs(componentIds) do
  local before = redis.call('XREVRANGE', KS.history .. cid, '(' .. A.historySince, '-', 'COUNT', 1)
  local within = redis.call('XRANGE', KS.history .. cid, A.historySince, '+')
  out.history[#out.history + 1] = { cid, before, within }
end

local ids, seen = {}, {}
local function add(id)
  if not seen[id] then
    seen[id] = true
    ids[#ids + 1] = id
  end
end
for _, id in ipairs(redis.call('SMEMBERS', KS.open)) do add(id) end
for _, id in ipairs(redis.call('ZREVRANGE', KS.recent, 0, A.incidents - 1)) do add(id) end
out.incidents = {}
for _, id in ipairs(ids) do
  local raw = redis.call('GET', KS.incident .. id)
  if raw then
    local anns = records(KS.announcement, redis.call('ZREVRANGE', KS.announcements .. id, 0, A.announcements - 1))
    out.incidents[#out.incidents + 1] = { raw, anns }
  end
end

local mids, mseen = {}, {}
for _, id in ipairs(redis.call('ZRANGE', KS.due, 0, -1)) do
  mseen[id] = true
  mids[#mids + 1] = id
end
for _, id in ipairs(redis.call('ZREVRANGE', KS.maintenances, 0, A.maintenances - 1)) do
  if not mseen[id] then mids[#mids + 1] = id end
end
out.maintenances = records(KS.maintenance, mids)
-- The admin's manual banner (false when none), read here so it is as consistent with the rest as they are.
out.manualBanner = redis.call('GET', KS.manualBanner)
return cjson.encode(out)
