-- Newest-first page of the incidents in every given index and, with a query, whose title or summary contains it.
-- KEYS: the filter indexes (none: every incident). ARGV[1] JSON: all, tri, incident (key prefixes), q (lower-
-- cased, may be empty), before (exclusive sequence number or null), limit, budget.
-- Walks the smallest candidate index from the cursor down and checks membership in the others (ZSCORE, the
-- most selective first), then the substring itself for a query. Returns {more, resume, seq1, <FIELDS of the
-- first incident>, seq2, <FIELDS>, ...}: `resume` is set when the scan budget ran out before the page filled, so
-- the client carries on from there. The records travel with the page (FIELDS is prepended from record.ts): read
-- in the same atomic step as the indexes, they cannot disagree with them, and the caller needs no second round
-- trip of one HMGET per incident, which cost more than the list itself (docs/performance.md).
local A = cjson.decode(ARGV[1])
-- Trigram sets used as membership checks besides the driver. The substring check decides in the end, so more
-- would only add work per candidate: a 200-character query has ~200 trigrams, and checking each of them would
-- let one list call hold Redis for seconds whatever the scan budget.
local TRIGRAM_CHECKS = 3
local sized = {}
local function add(key, is_trigram)
  local n = redis.call('ZCARD', key)
  sized[#sized + 1] = { key, n, is_trigram }
  return n
end
for i = 1, #KEYS do
  if add(KEYS[i], false) == 0 then return { '0', '' } end
end
local q = A.q
if q ~= '' then
  for t in pairs(add_trigrams({}, q)) do
    if add(A.tri .. t, true) == 0 then return { '0', '' } end
  end
end
-- A query of one or two characters has no trigram: every incident is a candidate and only the check decides.
if #sized == 0 then add(A.all, false) end

table.sort(sized, function(a, b) return a[2] < b[2] end)
local driver = sized[1][1]
local others, trigram_checks = {}, 0
for i = 2, #sized do
  local entry = sized[i]
  if not entry[3] then
    others[#others + 1] = entry[1]
  elseif trigram_checks < TRIGRAM_CHECKS then
    trigram_checks = trigram_checks + 1
    others[#others + 1] = entry[1]
  end
end

local max = '+inf'
if A.before ~= nil and A.before ~= cjson.null then max = '(' .. A.before end
local batch = math.min(math.max(A.limit + 1, 64), 1024)
-- The reply is built in place (its first two slots filled last): a page of 500 records is about 10,000 values,
-- more than unpack() can spread onto Lua's stack.
local out, found, scanned = { '0', '' }, 0, 0
local function reply(more, resume)
  out[1], out[2] = more, resume
  return out
end
while true do
  local page = redis.call('ZRANGE', driver, max, '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, batch, 'WITHSCORES')
  if #page == 0 then return reply('0', '') end
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
      if found == A.limit then return reply('1', '') end
      found = found + 1
      out[#out + 1] = score
      local record = redis.call('HMGET', A.incident .. id, unpack(FIELDS))
      for k = 1, #FIELDS do out[#out + 1] = record[k] end
    end
    scanned = scanned + 1
    if scanned >= A.budget then return reply('1', score) end
    max = '(' .. score
  end
end
