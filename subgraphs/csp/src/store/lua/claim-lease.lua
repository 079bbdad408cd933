-- Takes or renews a lease: granted when free or already ours (its TTL restarts), refused when another holds it.
-- A holder that dies stops renewing, so its lease expires and the next claimant gets it.
-- KEYS[1] lease   ARGV[1] holder id   ARGV[2] ttl (ms)
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if not holder then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
