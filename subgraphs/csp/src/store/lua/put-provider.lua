-- Registers (ARGV[1] = 'create') or edits ('update') a provider. A name is registered once: 'exists' on a second
-- registration, 'missing' when editing one that is not there.
-- KEYS[1] provider hash   KEYS[2] providers zset
-- ARGV[1] mode   ARGV[2] provider id   ARGV[3] createdAt   ARGV[4] fields, JSON object of strings
local exists = redis.call('EXISTS', KEYS[1]) == 1
if ARGV[1] == 'create' and exists then return 'exists' end
if ARGV[1] == 'update' and not exists then return 'missing' end
for k, v in pairs(cjson.decode(ARGV[4])) do redis.call('HSET', KEYS[1], k, v) end
if ARGV[1] == 'create' then redis.call('ZADD', KEYS[2], tonumber(ARGV[3]), ARGV[2]) end
return 'ok'
