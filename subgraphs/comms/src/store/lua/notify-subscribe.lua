-- Subscribes an address: creates a pending subscription, or finds the existing one, and says whether a
-- confirmation mail is due. At most one confirmation per address per throttle window, whatever the number of
-- requests, so the form cannot be used to flood someone's mailbox.
-- KEYS[1] sub-by-email hash  KEYS[2] the new subscription's hash (used only when there is none yet)
-- ARGV[1] email key  ARGV[2] new id  ARGV[3] email as typed  ARGV[4] component ids JSON  ARGV[5] now ms
-- ARGV[6] subscription key prefix  ARGV[7] confirm-sent key prefix  ARGV[8] throttle window ms
-- Returns { id, status, send } with send = 1 when a confirmation mail must be queued.
local id = redis.call('HGET', KEYS[1], ARGV[1])
if not id then
  id = ARGV[2]
  redis.call('HSET', KEYS[2], 'id', id, 'email', ARGV[3], 'emailKey', ARGV[1], 'status', 'pending',
    'componentIds', ARGV[4], 'createdAt', ARGV[5])
  redis.call('HSET', KEYS[1], ARGV[1], id)
end
local sub = ARGV[6] .. id
local status = redis.call('HGET', sub, 'status')
if status == 'confirmed' then
  -- Changing the component choice of a confirmed address needs its owner: a stranger could otherwise narrow
  -- someone's subscription. They unsubscribe and subscribe again.
  return { id, status, 0 }
end
redis.call('HSET', sub, 'componentIds', ARGV[4])
if redis.call('SET', ARGV[7] .. id, '1', 'NX', 'PX', ARGV[8]) == false then
  return { id, status, 0 }
end
return { id, status, 1 }
