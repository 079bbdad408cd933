-- Applies the next page of the users domain's events to the incidents' user directory, then answers one user's
-- standing. One script, so the read position and the directory move together: concurrent callers (replicas,
-- parallel requests) never apply a page twice or move the position backwards.
-- KEYS: directory (hash), applied (string: last applied entry id), users events (stream, read only), names (hash:
--       user id → display name, for timeline messages)
-- ARGV: page size, user id to answer for ('' for none), then the users event types (from packages/contracts, so
--       this script spells no event name): created, disabled, enabled, updated (names only)
-- Returns { standing ('enabled' | 'disabled' | '' when unknown), entries applied }
local DIRECTORY, APPLIED, STREAM, NAMES = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local page, userId = tonumber(ARGV[1]), ARGV[2]
local CREATED, DISABLED, ENABLED, UPDATED = ARGV[3], ARGV[4], ARGV[5], ARGV[6]

-- The event's data as a table, or an empty one when it does not parse.
local function data_of(f)
  local ok, data = pcall(cjson.decode, f.data or '{}')
  if ok and type(data) == 'table' then return data end
  return {}
end

local applied = redis.call('GET', APPLIED)
local from = '-'
if applied then
  -- Trimming removes from the head, so the last applied entry still being there means nothing after it is lost.
  -- Gone: the stream was trimmed past us (or recreated); replay whatever remains from its start.
  if #redis.call('XRANGE', STREAM, applied, applied) == 1 then from = '(' .. applied end
end

local entries = redis.call('XRANGE', STREAM, from, '+', 'COUNT', page)
for _, entry in ipairs(entries) do
  local f = {}
  local flat = entry[2]
  for i = 1, #flat, 2 do f[flat[i]] = flat[i + 1] end
  local subject = f.subject
  if subject and subject ~= '' then
    if f.type == CREATED then
      local data = data_of(f)
      redis.call('HSET', DIRECTORY, subject, data.disabled == true and 'disabled' or 'enabled')
      if type(data.name) == 'string' and data.name ~= '' then redis.call('HSET', NAMES, subject, data.name) end
    elseif f.type == UPDATED then
      local data = data_of(f)
      if type(data.name) == 'string' and data.name ~= '' then redis.call('HSET', NAMES, subject, data.name) end
    elseif f.type == DISABLED then
      redis.call('HSET', DIRECTORY, subject, 'disabled')
    elseif f.type == ENABLED then
      redis.call('HSET', DIRECTORY, subject, 'enabled')
    end
  end
end
if #entries > 0 then redis.call('SET', APPLIED, entries[#entries][1]) end

local standing = ''
if userId ~= '' then standing = redis.call('HGET', DIRECTORY, userId) or '' end
return { standing, #entries }
