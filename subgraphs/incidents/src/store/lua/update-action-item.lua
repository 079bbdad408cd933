-- ARGV[1]: itemId; changes: any of text, ownerId, dueDate, status, where '' clears ownerId or dueDate; labels: the
-- timeline wording of each change; dueDateIso: the new due date as the event states it; itemExpectedVersion (optional, the item's version). KEYS[1..3] are those of
-- the item's incident (an item never moves), KEYS[4..6] see user-check.lua. Values equal to the stored ones are
-- not changes; nothing changed is a no-op.
local key = KS.ai .. A.itemId
local cur = redis.call('HMGET', key, 'text', 'ownerId', 'dueDate', 'status', 'seq', 'version', 'incidentId')
if not cur[7] or cur[7] ~= A.id then return reply('item_not_found') end
local c = A.changes
local fields = { 'text', 'ownerId', 'dueDate', 'status' }
local changed, story = {}, {}
for i, f in ipairs(fields) do
  local stored = cur[i] or ''
  if present(c[f]) and c[f] ~= stored then
    changed[#changed + 1] = f
    -- A new owner is named as the directory knows them ('owner Ann Lee'); a removal keeps its label.
    if f == 'ownerId' and c[f] ~= '' then
      story[#story + 1] = A.labels[f] .. ' ' .. name_of(c[f])
    else
      story[#story + 1] = A.labels[f]
    end
  end
end
if #changed == 0 then return reply('noop', '', A.itemId) end
if present(c.ownerId) and c.ownerId ~= '' and c.ownerId ~= cur[2] then
  local refusal = user_refusal(c.ownerId)
  if refusal then return reply(refusal) end
end
if present(A.itemExpectedVersion) and tonumber(cur[6]) ~= tonumber(A.itemExpectedVersion) then
  return reply('version_conflict', '', cur[6])
end
local members = {}
for _, f in ipairs(changed) do
  if c[f] == '' then
    redis.call('HDEL', key, f)
    members[#members + 1] = '"' .. f .. '":null'
  else
    redis.call('HSET', key, f, c[f])
    if f == 'dueDate' then
      members[#members + 1] = '"dueDate":' .. cjson.encode(A.dueDateIso)
    else
      members[#members + 1] = '"' .. f .. '":' .. cjson.encode(c[f])
    end
  end
end
local new_owner = cur[2]
if present(c.ownerId) then new_owner = (c.ownerId ~= '' and c.ownerId) or nil end
ai_reindex(A.itemId, cur[5], { status = cur[4], ownerId = cur[2] or nil },
  { status = (present(c.status) and c.status) or cur[4], ownerId = new_owner })
redis.call('HSET', key, 'updatedAt', NOW)
redis.call('HINCRBY', key, 'version', 1)
local v = bump()
local entry = record('action_item_updated', 'Action item ' .. A.itemId .. ': ' .. table.concat(story, '; '))
emit('"version":' .. v .. ',"changed":' .. cjson.encode(changed) .. ',"changes":{' .. table.concat(members, ',')
  .. '},"timelineEntryId":"' .. entry .. '"')
return reply('ok', entry, A.itemId)
