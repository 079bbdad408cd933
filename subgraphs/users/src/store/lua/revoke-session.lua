-- Ends a session (logout) when the caller proves it holds one of its refresh tokens.
-- KEYS: session, session-used, events, audit
-- ARGV: presented hash, now ms, reason, stream writes...
local s = redis.call('HMGET', KEYS[1], 'current', 'revoked')
if not s[1] then
  return 'INVALID'
end
if s[1] ~= ARGV[1] and redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 0 then
  return 'INVALID'
end
if s[2] == '1' then
  return 'ALREADY'
end
redis.call('HSET', KEYS[1], 'revoked', '1', 'revokedReason', ARGV[3], 'revokedAt', ARGV[2])
append_streams(KEYS[3], KEYS[4], ARGV[4], ARGV[5], ARGV[6])
return 'OK'
