-- Takes an event off the linker's queue only if nobody queued it again meanwhile (a refresh re-queues an event
-- with a new score when it gets new updates): otherwise those updates would wait for the next change.
-- KEYS[1] linker pending zset   KEYS[2] tries hash   ARGV[1] event id   ARGV[2] the score it was read with
if redis.call('ZSCORE', KEYS[1], ARGV[1]) == ARGV[2] then
  redis.call('ZREM', KEYS[1], ARGV[1])
end
redis.call('HDEL', KEYS[2], ARGV[1])
return 1
