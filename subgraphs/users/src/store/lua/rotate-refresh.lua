-- Rotates a session's refresh token. Only the current token rotates; a token already rotated away is proof that
-- someone kept a copy (it was stolen, or replayed), so the whole session is revoked and the event recorded.
-- KEYS: session, session-used, events, audit
-- ARGV: presented hash, new hash, now ms, reuse writes (JSON), events maxlen, audit maxlen
local s = redis.call('HMGET', KEYS[1], 'current', 'revoked', 'expiresAt')
local current, revoked, expires_at = s[1], s[2], s[3]
if not current then
  return 'INVALID'
end
if tonumber(expires_at) <= tonumber(ARGV[3]) then
  return 'INVALID'
end
local known = current == ARGV[1] or redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1
if revoked == '1' then
  if known then return 'REVOKED' end
  return 'INVALID'
end
if current == ARGV[1] then
  redis.call('SADD', KEYS[2], ARGV[1])
  redis.call('PEXPIREAT', KEYS[2], expires_at)
  redis.call('HSET', KEYS[1], 'current', ARGV[2], 'rotatedAt', ARGV[3])
  return 'OK'
end
if known then
  redis.call('HSET', KEYS[1], 'revoked', '1', 'revokedReason', 'reuse', 'revokedAt', ARGV[3])
  append_streams(KEYS[3], KEYS[4], ARGV[4], ARGV[5], ARGV[6])
  return 'REUSED'
end
return 'INVALID'
