-- KEYS[4]: the postmortem list; KEYS[5]: the user directory. ARGV[1].postmortem: the version's JSON without its
-- number and its action items; ARGV[1].items: {text, ownerId?, done, actionItemId?, newId}. Each item is tracked:
-- `actionItemId` names an item of this incident; otherwise the incident's item of the same text is reused, or a
-- new one is created (id newId), owned by ownerId only when the directory holds them as enabled (postmortems name
-- owners freely; a tracked item's owner must be a user). Everything is checked before anything is written.
if redis.call('EXISTS', INCIDENT) == 0 then return reply('not_found') end
if stale() then return reply('version_conflict') end
local texts = KS.aiTexts .. A.id
local ids, creates = {}, {}
for i, it in ipairs(A.items) do
  if present(it.actionItemId) then
    if redis.call('HGET', KS.ai .. it.actionItemId, 'incidentId') ~= A.id then
      return reply('item_not_found', '', tostring(i - 1))
    end
    ids[i] = it.actionItemId
  else
    ids[i] = redis.call('HGET', texts, it.text) or creates[it.text]
    if not ids[i] then
      if redis.call('EXISTS', KS.ai .. it.newId) == 1 then return reply('collision') end
      ids[i] = it.newId
      creates[it.text] = it.newId
    end
  end
end
local encoded = {}
for i, it in ipairs(A.items) do
  if creates[it.text] == ids[i] and redis.call('EXISTS', KS.ai .. ids[i]) == 0 then
    local owner = nil
    if present(it.ownerId) and redis.call('HGET', KEYS[5], it.ownerId) == 'enabled' then owner = it.ownerId end
    new_action_item({ id = ids[i], text = it.text, ownerId = owner, status = it.done and 'done' or 'open' })
  end
  encoded[i] = cjson.encode({ text = it.text, ownerId = present(it.ownerId) and it.ownerId or cjson.null,
    done = it.done, actionItemId = ids[i] })
end
local pv = redis.call('LLEN', KEYS[4]) + 1
redis.call('RPUSH', KEYS[4], with_members(A.postmortem, '"version":' .. pv .. ',"actionItems":['
  .. table.concat(encoded, ',') .. ']'))
local v = bump()
local entry = record('postmortem_updated', 'Postmortem version ' .. pv .. ' submitted')
local id_list = '[]'
if #ids > 0 then id_list = cjson.encode(ids) end
emit('"version":' .. v .. ',"postmortemVersion":' .. pv .. ',"actionItemIds":' .. id_list .. ',"timelineEntryId":"'
  .. entry .. '"')
return reply('ok', entry, pv)
