-- ARGV[1]: message, upstream {provider, upstreamId, status, at (epoch ms), url}, dedupe (provider, upstream id,
-- status and time as one string). A PolyStatus service's entry (system = 0: it is news, not a change record).
-- The csp poller may relay the same provider update twice (a retry, two replicas): the second answers the entry
-- the first recorded ('noop', its id and its fields), so the timeline holds each provider update once.
if redis.call('EXISTS', INCIDENT) == 0 then return reply('not_found') end
local seen = KS.upstream .. A.id
local existing = redis.call('HGET', seen, A.dedupe)
if existing then
  local rows = redis.call('XRANGE', TIMELINE, existing, existing)
  if #rows == 1 then return reply('noop', existing, cjson.encode(rows[1][2])) end
end
local u = A.upstream
local entry = redis.call('XADD', TIMELINE, '*', 'type', 'upstream_update', 'message', A.message, 'authorId', A.actor,
  'at', NOW, 'system', '0', 'provider', u.provider, 'upstreamId', u.upstreamId, 'upstreamStatus', u.status,
  'upstreamAt', u.at, 'url', present(u.url) and u.url or '')
redis.call('HSET', seen, A.dedupe, entry)
local v = bump()
emit('"version":' .. v .. ',"timelineEntryId":"' .. entry .. '"')
return reply('ok', entry)
