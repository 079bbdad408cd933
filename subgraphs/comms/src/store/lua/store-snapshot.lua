-- Stores a rendering unless another one was stored since this one's state was read (its seq moved): then the
-- service renders again from a fresh read, so a slower, older rendering never replaces a newer one.
-- A: seq (the one read), snapshot (JSON), event (flat XADD fields of public_status.changed).
-- Returns 1 when stored, 0 on a lost race.
if tonumber(redis.call('GET', KS.snapshotSeq) or '0') ~= tonumber(A.seq) then return 0 end
redis.call('SET', KS.snapshotSeq, A.seq + 1)
redis.call('SET', KS.snapshot, A.snapshot)
redis.call('XADD', KS.events, 'MAXLEN', '~', EV.maxlen, '*', unpack(A.event))
return 1
