-- Counts a login attempt against the email and, when known, the client address, before the password is checked.
-- Counting first (and forgiving on success) bounds guesses even when an attacker fires many attempts in parallel.
-- The window starts at the first attempt and is not extended, so a blocked client knows when to come back.
-- KEYS: email counter, address counter (optional)
-- ARGV: window seconds
-- Returns: { email count, email ttl, address count, address ttl }
local function bump(key)
  local n = redis.call('INCR', key)
  if n == 1 then
    redis.call('EXPIRE', key, ARGV[1])
  end
  return { n, redis.call('TTL', key) }
end
local e = bump(KEYS[1])
local a = { 0, 0 }
if KEYS[2] then
  a = bump(KEYS[2])
end
return { e[1], e[2], a[1], a[2] }
