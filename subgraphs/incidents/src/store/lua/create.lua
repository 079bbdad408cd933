-- ARGV[1].incident: id, title, sev, services (list), servicesJson, summary, status, source, qTitle, qSummary,
-- externalKey (optional). The id is reserved here, atomically: an existing key means a collision and the service
-- retries with a new id. An externalKey already used answers the incident it created ('existing'), so two
-- creates for one upstream event can never both create, however they interleave.
local i = A.incident
if present(i.externalKey) then
  local existing = redis.call('HGET', KS.externalKeys, i.externalKey)
  if existing then return reply_of(KS.incident .. existing, 'existing') end
end
if redis.call('EXISTS', INCIDENT) == 1 then return { 'collision', '', '' } end
local seq = redis.call('INCR', KS.seq)
redis.call('HSET', INCIDENT, 'id', i.id, 'seq', seq, 'title', i.title, 'sev', i.sev, 'services', i.servicesJson,
  'summary', i.summary, 'status', i.status, 'source', i.source, 'startedAt', NOW, 'updatedAt', NOW,
  'createdById', A.actor, 'version', 1, 'qTitle', i.qTitle, 'qSummary', i.qSummary)
redis.call('ZADD', KS.all, seq, i.id)
redis.call('ZADD', KS.status .. i.status, seq, i.id)
redis.call('ZADD', KS.sev .. i.sev, seq, i.id)
redis.call('ZADD', KS.source .. i.source, seq, i.id)
for _, s in ipairs(i.services) do redis.call('ZADD', KS.service .. s, seq, i.id) end
if present(i.externalKey) then
  redis.call('HSET', INCIDENT, 'externalKey', i.externalKey)
  redis.call('HSET', KS.externalKeys, i.externalKey, i.id)
end
restat()
reindex_text(i.id, seq, nil, nil, i.qTitle, i.qSummary)
local entry = record('created', A.message)
emit('"version":1,"timelineEntryId":"' .. entry .. '"')
return reply('ok', entry)
