-- Queues a delivery job that must go out in order with others (one incident's PagerDuty events), unless this
-- recipient already has its job for this event. The job joins its lane at its event's stream position; the
-- delivery worker sends only the lane's first job, so a later event cannot overtake an earlier one being retried.
-- KEYS[1] dedupe mark  KEYS[2] queue stream  KEYS[3] lane zset
-- ARGV[1] job JSON  ARGV[2] mark lifetime ms  ARGV[3] position (score)  ARGV[4] job id
-- Returns 1 when queued, 0 when the recipient already had its job.
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[2]) == false then
  return 0
end
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
-- A lane outlives its jobs' retries (about three days) but not the dedupe marks: it cannot leak.
redis.call('PEXPIRE', KEYS[3], ARGV[2])
redis.call('XADD', KEYS[2], '*', 'job', ARGV[1])
return 1
