-- Installs the first signing key unless another replica already did; returns the active key id either way.
-- KEYS: signing-keys, active-signing-key
-- ARGV: kid, record (JSON)
local active = redis.call('GET', KEYS[2])
if active then
  return active
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SET', KEYS[2], ARGV[1])
return ARGV[1]
