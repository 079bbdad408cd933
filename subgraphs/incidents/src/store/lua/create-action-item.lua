-- ARGV[1].item: id, text, ownerId (optional), dueDate (optional, epoch ms), status. KEYS[4..6]: user-check.lua,
-- for the owner. The item id is reserved here: an existing item means a collision and the service retries.
if redis.call('EXISTS', INCIDENT) == 0 then return reply('not_found') end
local it = A.item
if present(it.ownerId) then
  local refusal = user_refusal(it.ownerId)
  if refusal then return reply(refusal) end
end
if redis.call('EXISTS', KS.ai .. it.id) == 1 then return reply('collision') end
new_action_item(it)
local v = bump()
local entry = record('action_item_created', 'Action item ' .. it.id .. ' created: ' .. it.text)
emit('"version":' .. v .. ',"timelineEntryId":"' .. entry .. '"')
return reply('ok', entry, it.id)
