-- Makes a new key active. The previous one stays published (marked retired) so tokens it signed keep verifying
-- until they expire; keys whose last token has expired are dropped.
-- KEYS: signing-keys, active-signing-key, events, audit
-- ARGV: expected active kid, new kid, new record (JSON), retired kid record (JSON or ''), kids to drop (JSON), stream writes...
if (redis.call('GET', KEYS[2]) or '') ~= ARGV[1] then
  return 'STALE'
end
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
if ARGV[4] ~= '' then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
end
for _, kid in ipairs(cjson.decode(ARGV[5])) do
  redis.call('HDEL', KEYS[1], kid)
end
redis.call('SET', KEYS[2], ARGV[2])
append_streams(KEYS[3], KEYS[4], ARGV[6], ARGV[7], ARGV[8])
return 'OK'
