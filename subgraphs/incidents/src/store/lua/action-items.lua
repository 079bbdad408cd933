-- Shared by the scripts that create or change tracked action items (keys from keys.ts through KS.ai*).
local function pending(status)
  return status == 'open' or status == 'in_progress'
end

-- Moves an item between the status, owner and pending indexes; `old` is {} for a new item.
local function ai_reindex(id, seq, old, new)
  move(KS.aiStatus, old.status, new.status, id, seq)
  move(KS.aiOwner, old.ownerId, new.ownerId, id, seq)
  local was, is = pending(old.status), pending(new.status)
  if was and not is then redis.call('ZREM', KS.aiPending, id) end
  if is and not was then redis.call('ZADD', KS.aiPending, seq, id) end
end

-- Creates an item of incident A.id: it = {id, text, ownerId?, dueDate?, status}. The caller checked that the id is
-- free. The first item of a text is what a later postmortem listing that text refers to (action-item-texts).
local function new_action_item(it)
  local key = KS.ai .. it.id
  local seq = redis.call('INCR', KS.aiSeq)
  redis.call('HSET', key, 'id', it.id, 'seq', seq, 'incidentId', A.id, 'text', it.text, 'status', it.status,
    'createdById', A.actor, 'createdAt', NOW, 'updatedAt', NOW, 'version', 1)
  local owner = nil
  if present(it.ownerId) then
    owner = it.ownerId
    redis.call('HSET', key, 'ownerId', owner)
  end
  if present(it.dueDate) then redis.call('HSET', key, 'dueDate', it.dueDate) end
  redis.call('ZADD', KS.aiAll, seq, it.id)
  redis.call('ZADD', KS.aiIncident .. A.id, seq, it.id)
  ai_reindex(it.id, seq, {}, { status = it.status, ownerId = owner })
  redis.call('HSETNX', KS.aiTexts .. A.id, it.text, it.id)
end
