-- Creates a user if its email is free. HSETNX on the email index is the uniqueness check and the claim in one
-- step, so two concurrent creates with the same email cannot both succeed.
-- KEYS: user, email-index, by-created, admins, events, audit
-- ARGV: id, email (lower-cased), created-at ms, user fields (JSON flat array), is-enabled-admin, stream writes...
if redis.call('HSETNX', KEYS[2], ARGV[2], ARGV[1]) == 0 then
  return 'EMAIL_TAKEN'
end
redis.call('HSET', KEYS[1], unpack(cjson.decode(ARGV[4])))
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
if ARGV[5] == '1' then
  redis.call('SADD', KEYS[4], ARGV[1])
end
append_streams(KEYS[5], KEYS[6], ARGV[6], ARGV[7], ARGV[8])
return 'OK'
