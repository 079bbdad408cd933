-- Revokes an API token: marks it and deletes its hash lookup, so the next introspection no longer finds it.
-- KEYS: api-token, api-token-hash, events, audit
-- ARGV: now ms, stream writes...
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'MISSING'
end
if redis.call('HGET', KEYS[1], 'revokedAt') then
  return 'ALREADY'
end
redis.call('HSET', KEYS[1], 'revokedAt', ARGV[1])
redis.call('DEL', KEYS[2])
append_streams(KEYS[3], KEYS[4], ARGV[2], ARGV[3], ARGV[4])
return 'OK'
