-- Sets or clears the manual banner with its audit, in one atomic step: the banner key changes, and the event
-- (banner.set or banner.cleared) goes to the domain stream and to the banner's own capped history, or nothing
-- happens at all.
-- KEYS: banner, events, history. ARGV: expected (the banner's text as read; '' = none), value ('' = clear),
-- event (JSON array of flat XADD fields), events maxlen, history maxlen.
-- Returns 1, or 0 when the banner changed since it was read (the caller reads again).
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then return 0 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], ARGV[2])
end
local fields = cjson.decode(ARGV[3])
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[4], '*', unpack(fields))
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[5], '*', unpack(fields))
return 1
