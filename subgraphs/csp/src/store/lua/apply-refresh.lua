-- One refresh of one provider, atomically: the provider's health, components and feed validators, every event
-- the refresh created or changed (record, new upstream updates, indexes), the events queued for the incident
-- linker, and their envelopes on the domain stream. Optimistic concurrency: a refresh computed from an older
-- state (another replica or a manual refresh wrote in between) is refused with 'stale' and recomputed.
--
-- KEYS[1] provider hash   KEYS[2] events stream   KEYS[3] linker pending zset
-- ARGV[1] expected rev ('' for a health-only write, which never conflicts)
-- ARGV[2] provider fields, JSON object of strings
-- ARGV[3] event writes, JSON array of { id, record, score, active, updates[], link }
-- ARGV[4] envelopes, JSON array of flat field arrays (kit envelopeToFields)
-- ARGV[5] stream maxlen   ARGV[6] provider id   ARGV[7] now (ms)
-- ARGV[8..12] key prefixes: event, updates, byProvider, all, active
local provider = KEYS[1]
if redis.call('EXISTS', provider) == 0 then return 'gone' end
local rev = tonumber(redis.call('HGET', provider, 'rev') or '0')
if ARGV[1] ~= '' and tonumber(ARGV[1]) ~= rev then return 'stale' end

local fields = cjson.decode(ARGV[2])
for k, v in pairs(fields) do redis.call('HSET', provider, k, v) end

local writes = cjson.decode(ARGV[3])
local pEvent, pUpdates, pByProvider, kAll, kActive = ARGV[8], ARGV[9], ARGV[10], ARGV[11], ARGV[12]
for _, w in ipairs(writes) do
  redis.call('SET', pEvent .. w.id, w.record)
  for _, u in ipairs(w.updates) do redis.call('RPUSH', pUpdates .. w.id, u) end
  redis.call('ZADD', kAll, w.score, w.id)
  redis.call('ZADD', pByProvider .. ARGV[6], w.score, w.id)
  if w.active then redis.call('ZADD', kActive, w.score, w.id) else redis.call('ZREM', kActive, w.id) end
  if w.link then redis.call('ZADD', KEYS[3], tonumber(ARGV[7]), w.id) end
end

for _, env in ipairs(cjson.decode(ARGV[4])) do
  redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[5], '*', unpack(env))
end

if ARGV[1] ~= '' then
  rev = rev + 1
  redis.call('HSET', provider, 'rev', rev)
end
return rev
