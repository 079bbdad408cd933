-- Gives a lease back at shutdown so another replica need not wait for it to expire; only its holder may.
-- KEYS[1] lease   ARGV[1] holder id
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
