-- Queues a delivery job unless this recipient already has one for this event: the dedupe mark and the job are
-- written together, so a trigger consumer that dies and re-reads its event cannot queue a second job.
-- KEYS[1] dedupe mark  KEYS[2] queue stream
-- ARGV[1] job JSON  ARGV[2] mark lifetime ms
-- Returns 1 when queued, 0 when the recipient already had its job.
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[2]) == false then
  return 0
end
redis.call('XADD', KEYS[2], '*', 'job', ARGV[1])
return 1
