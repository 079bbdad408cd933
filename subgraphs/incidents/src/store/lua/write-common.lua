-- Shared by every write script. The service hands over, in ARGV[1] as JSON:
--   ks               key prefixes from keys.ts (index keys are derived from values only the script can read)
--   now, actor       time of the change (epoch ms, string) and who made it
--   maxlen           approximate cap of the events stream
--   event            the kit envelope as flat XADD fields; the script adds what only it knows to `data`
--   expectedVersion  optional optimistic check
-- KEYS: [1] incident hash, [2] timeline stream, [3] events stream, then any the verb declares.
local A = cjson.decode(ARGV[1])
local KS = A.ks
local NOW = A.now
local INCIDENT, TIMELINE, EVENTS = KEYS[1], KEYS[2], KEYS[3]

local function present(v)
  return v ~= nil and v ~= false and v ~= cjson.null
end

local function json(v)
  if present(v) then return cjson.encode(v) end
  return 'null'
end

-- Adds raw JSON members to a JSON object text.
local function with_members(object, members)
  if object == '{}' then return '{' .. members .. '}' end
  return string.sub(object, 1, -2) .. ',' .. members .. '}'
end

-- Every write answers {outcome, a, b, incident fields in FIELDS order}, so the service never reads back.
local function reply_of(key, outcome, a, b)
  local r = { outcome, a or '', b or '' }
  local s = redis.call('HMGET', key, unpack(FIELDS))
  for i = 1, #FIELDS do r[#r + 1] = s[i] end
  return r
end

local function reply(outcome, a, b)
  return reply_of(INCIDENT, outcome, a, b)
end

local function stale()
  return present(A.expectedVersion)
    and tonumber(redis.call('HGET', INCIDENT, 'version')) ~= tonumber(A.expectedVersion)
end

local function bump()
  redis.call('HSET', INCIDENT, 'updatedAt', NOW)
  return redis.call('HINCRBY', INCIDENT, 'version', 1)
end

-- A system entry; `subject`, when given, is the user it is about (an assigned commander or role holder).
local function record(kind, message, subject)
  if subject then
    return redis.call('XADD', TIMELINE, '*', 'type', kind, 'message', message, 'authorId', A.actor, 'at', NOW,
      'system', '1', 'subjectId', subject)
  end
  return redis.call('XADD', TIMELINE, '*', 'type', kind, 'message', message, 'authorId', A.actor, 'at', NOW,
    'system', '1')
end

-- How a timeline message names a person: the display name the user directory learned from the users events when
-- it has one (written into the entry, as a log would), else the id (services, users it never heard of).
local function name_of(id)
  local name = redis.call('HGET', KS.userNames, id)
  if name and name ~= '' then return name end
  return id
end

local function emit(members)
  local f = A.event
  for i = 1, #f, 2 do
    if f[i] == 'data' then f[i + 1] = with_members(f[i + 1], members) end
  end
  redis.call('XADD', EVENTS, 'MAXLEN', '~', A.maxlen, '*', unpack(f))
end

-- Moves an incident from the index of one value to the index of another (either may be absent).
local function move(prefix, old, new, id, seq)
  if old == new then return end
  if present(old) then redis.call('ZREM', prefix .. old, id) end
  if present(new) then redis.call('ZADD', prefix .. new, seq, id) end
end

-- Only the trigrams that appear or disappear are touched: editing a summary rewrites a handful of index entries.
local function reindex_text(id, seq, old_title, old_summary, new_title, new_summary)
  local old = add_trigrams(add_trigrams({}, old_title), old_summary)
  local new = add_trigrams(add_trigrams({}, new_title), new_summary)
  for t in pairs(old) do
    if not new[t] then redis.call('ZREM', KS.tri .. t, id) end
  end
  for t in pairs(new) do
    if not old[t] then redis.call('ZADD', KS.tri .. t, seq, id) end
  end
end

-- The stats index: one member per incident holding the figures incidentStats needs (domain/stats.ts StatsEntry:
-- id, sev, source, commanderId, services, startedAt, acknowledgedAt, resolvedAt), scored by startedAt, so the
-- stats of a period are one ZRANGEBYSCORE and never a read of the incidents. The figures change, so the member
-- written last is kept on the hash (`statsEntry`, never returned) to be replaced. Every write that can change a
-- figure calls this last.
local function restat()
  local f = redis.call('HMGET', INCIDENT, 'id', 'sev', 'source', 'commanderId', 'services', 'startedAt',
    'acknowledgedAt', 'resolvedAt', 'statsEntry')
  local entry = '[' .. cjson.encode(f[1]) .. ',' .. f[2] .. ',' .. cjson.encode(f[3]) .. ',' .. json(f[4]) .. ','
    .. f[5] .. ',' .. f[6] .. ',' .. (f[7] or 'null') .. ',' .. (f[8] or 'null') .. ']'
  if entry == f[9] then return end
  if f[9] then redis.call('ZREM', KS.stats, f[9]) end
  redis.call('ZADD', KS.stats, f[6], entry)
  redis.call('HSET', INCIDENT, 'statsEntry', entry)
end
