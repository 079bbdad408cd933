-- Moves a job whose attempt failed from the stream to the delayed set in one step: never lost between the two,
-- never both waiting and pending.
-- KEYS[1] queue stream  KEYS[2] delayed zset
-- ARGV[1] consumer group  ARGV[2] stream entry id  ARGV[3] due ms  ARGV[4] job JSON (attempt already counted)
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
return 1
