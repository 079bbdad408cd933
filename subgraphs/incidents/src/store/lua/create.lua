-- ARGV[1].incident: id, title, sev, services (list), servicesJson, summary, status, source, qTitle, qSummary.
-- The id is reserved here, atomically: an existing key means a collision and the service retries with a new id.
if redis.call('EXISTS', INCIDENT) == 1 then return { 'collision', '', '' } end
local i = A.incident
local seq = redis.call('INCR', KS.seq)
redis.call('HSET', INCIDENT, 'id', i.id, 'seq', seq, 'title', i.title, 'sev', i.sev, 'services', i.servicesJson,
  'summary', i.summary, 'status', i.status, 'source', i.source, 'startedAt', NOW, 'updatedAt', NOW,
  'createdById', A.actor, 'version', 1, 'qTitle', i.qTitle, 'qSummary', i.qSummary)
redis.call('ZADD', KS.all, seq, i.id)
redis.call('ZADD', KS.status .. i.status, seq, i.id)
redis.call('ZADD', KS.sev .. i.sev, seq, i.id)
redis.call('ZADD', KS.source .. i.source, seq, i.id)
for _, s in ipairs(i.services) do redis.call('ZADD', KS.service .. s, seq, i.id) end
reindex_text(i.id, seq, nil, nil, i.qTitle, i.qSummary)
local entry = record('created', A.message)
emit('"version":1,"timelineEntryId":"' .. entry .. '"')
return reply('ok', entry)
