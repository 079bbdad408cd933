-- ARGV[1].changes: any of title, sev, services (list) with servicesJson, summary; qTitle/qSummary with the text.
-- Fields equal to what is stored are not changes; nothing changed is a no-op (no version, no event).
if redis.call('EXISTS', INCIDENT) == 0 then return reply('not_found') end
local c = A.changes
local cur = redis.call('HMGET', INCIDENT, 'title', 'sev', 'services', 'summary', 'qTitle', 'qSummary', 'seq')
local changed, members, previous, story = {}, {}, {}, {}
if present(c.title) and c.title ~= cur[1] then
  changed[#changed + 1] = 'title'
  members[#members + 1] = '"title":' .. cjson.encode(c.title)
  previous[#previous + 1] = '"title":' .. cjson.encode(cur[1])
  story[#story + 1] = 'title'
end
if present(c.sev) and string.format('%d', c.sev) ~= cur[2] then
  changed[#changed + 1] = 'sev'
  members[#members + 1] = '"sev":' .. string.format('%d', c.sev)
  previous[#previous + 1] = '"sev":' .. cur[2]
  story[#story + 1] = 'severity ' .. cur[2] .. ' → ' .. string.format('%d', c.sev)
end
-- Services are a set (validation deduplicates them): the same ones in another order are not a change, so a
-- client that reorders the list still gets the idempotent no-op.
local function same_services(given, stored)
  if not stored then return false end
  local a, b = cjson.decode(given), cjson.decode(stored)
  if #a ~= #b then return false end
  table.sort(a)
  table.sort(b)
  for i = 1, #a do
    if a[i] ~= b[i] then return false end
  end
  return true
end
if present(c.servicesJson) and not same_services(c.servicesJson, cur[3]) then
  changed[#changed + 1] = 'services'
  members[#members + 1] = '"services":' .. c.servicesJson
  previous[#previous + 1] = '"services":' .. cur[3]
  local function listed(j)
    local names = cjson.decode(j)
    if #names == 0 then return '(none)' end
    return table.concat(names, ', ')
  end
  story[#story + 1] = 'services ' .. listed(cur[3]) .. ' → ' .. listed(c.servicesJson)
end
if present(c.summary) and c.summary ~= cur[4] then
  changed[#changed + 1] = 'summary'
  members[#members + 1] = '"summary":' .. cjson.encode(c.summary)
  previous[#previous + 1] = '"summary":' .. cjson.encode(cur[4])
  story[#story + 1] = 'summary'
end
if #changed == 0 then return reply('noop') end
if stale() then return reply('version_conflict') end

local id, seq = A.id, cur[7]
local text_changed = false
for _, f in ipairs(changed) do
  if f == 'title' then
    redis.call('HSET', INCIDENT, 'title', c.title, 'qTitle', c.qTitle)
    text_changed = true
  elseif f == 'sev' then
    move(KS.sev, cur[2], string.format('%d', c.sev), id, seq)
    redis.call('HSET', INCIDENT, 'sev', c.sev)
  elseif f == 'services' then
    local old, new = {}, {}
    for _, s in ipairs(cjson.decode(cur[3])) do old[s] = true end
    for _, s in ipairs(c.services) do new[s] = true end
    for s in pairs(old) do
      if not new[s] then redis.call('ZREM', KS.service .. s, id) end
    end
    for s in pairs(new) do
      if not old[s] then redis.call('ZADD', KS.service .. s, seq, id) end
    end
    redis.call('HSET', INCIDENT, 'services', c.servicesJson)
  elseif f == 'summary' then
    redis.call('HSET', INCIDENT, 'summary', c.summary, 'qSummary', c.qSummary)
    text_changed = true
  end
end
if text_changed then
  local after = redis.call('HMGET', INCIDENT, 'qTitle', 'qSummary')
  reindex_text(id, seq, cur[5], cur[6], after[1], after[2])
end
local v = bump()
-- The timeline tells the whole story: severity and services with their old and new values.
local entry = record('incident_updated', 'Updated ' .. table.concat(story, '; '))
restat()
emit('"version":' .. v .. ',"changed":' .. cjson.encode(changed) .. ',"changes":{' .. table.concat(members, ',')
  .. '},"previous":{' .. table.concat(previous, ',') .. '},"timelineEntryId":"' .. entry .. '"')
return reply('ok', entry)
