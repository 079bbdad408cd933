-- For writes that name a user (a role holder, an action item's owner). KEYS[4..6]: the user directory, its
-- applied position and the users events stream. The service checked the user against a directory caught up one
-- round trip ago; a users event appended since (a disable) must count, so a directory behind the stream refuses
-- and the service catches up and retries (as assign-commander.lua does): the check that decides is atomic with
-- the write.
local function user_refusal(user_id)
  local applied = redis.call('GET', KEYS[5])
  if #redis.call('XRANGE', KEYS[6], applied and ('(' .. applied) or '-', '+', 'COUNT', 1) > 0 then
    return 'directory_behind'
  end
  if redis.call('HGET', KEYS[4], user_id) ~= 'enabled' then return 'user_refused' end
  return nil
end
