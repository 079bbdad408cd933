-- Newest-first page of the incidents in every given index and, with a query, whose title or summary contains it.
-- KEYS: the filter indexes (none: every incident). ARGV[1] JSON: all, tri, incident (key prefixes), q (lower-
-- cased, may be empty), before (exclusive sequence number or null), limit, budget.
-- Walks the smallest candidate index from the cursor down and checks membership in the others (ZSCORE, the
-- most selective first), then the substring itself for a query. Returns {more, resume, id1, seq1, id2, ...}:
-- `resume` is set when the scan budget ran out before the page filled, so the client carries on from there.
local A = cjson.decode(ARGV[1])
local sets = {}
for i = 1, #KEYS do sets[#sets + 1] = KEYS[i] end
local q = A.q
if q ~= '' then
  for t in pairs(add_trigrams({}, q)) do sets[#sets + 1] = A.tri .. t end
end
-- A query of one or two characters has no trigram: every incident is a candidate and only the check decides.
if #sets == 0 then sets[1] = A.all end

local sized = {}
for _, k in ipairs(sets) do
  local n = redis.call('ZCARD', k)
  if n == 0 then return { '0', '' } end
  sized[#sized + 1] = { k, n }
end
table.sort(sized, function(a, b) return a[2] < b[2] end)
local driver = sized[1][1]
local others = {}
for i = 2, #sized do others[#others + 1] = sized[i][1] end

local max = '+inf'
if A.before ~= nil and A.before ~= cjson.null then max = '(' .. A.before end
local batch = math.min(math.max(A.limit + 1, 64), 1024)
local out, found, scanned = {}, 0, 0
while true do
  local page = redis.call('ZRANGE', driver, max, '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, batch, 'WITHSCORES')
  if #page == 0 then return { '0', '', unpack(out) } end
  for i = 1, #page, 2 do
    local id, score = page[i], page[i + 1]
    local ok = true
    for j = 1, #others do
      if not redis.call('ZSCORE', others[j], id) then
        ok = false
        break
      end
    end
    if ok and q ~= '' then
      local f = redis.call('HMGET', A.incident .. id, 'qTitle', 'qSummary')
      ok = (f[1] and string.find(f[1], q, 1, true) ~= nil) or (f[2] and string.find(f[2], q, 1, true) ~= nil)
    end
    if ok then
      if found == A.limit then return { '1', '', unpack(out) } end
      found = found + 1
      out[#out + 1] = id
      out[#out + 1] = score
    end
    scanned = scanned + 1
    if scanned >= A.budget then return { '1', score, unpack(out) } end
    max = '(' .. score
  end
end
