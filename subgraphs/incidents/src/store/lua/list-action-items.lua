-- Newest-first page of the action items in every given index (KEYS; none: every item), optionally only those
-- overdue (or not) at ARGV[1].now. ARGV[1] JSON: all, item (key prefixes), before (exclusive seq or null), limit,
-- budget, now, overdue (true, false or null). Walks the smallest index from the cursor down and checks the others
-- with ZSCORE, like list.lua. Returns {more, resume, id1, seq1, …}; `resume` is set when the budget ran out.
local A = cjson.decode(ARGV[1])
local sized = {}
for i = 1, #KEYS do
  local n = redis.call('ZCARD', KEYS[i])
  if n == 0 then return { '0', '' } end
  sized[#sized + 1] = { KEYS[i], n }
end
if #sized == 0 then sized[1] = { A.all, 0 } end
table.sort(sized, function(a, b) return a[2] < b[2] end)
local driver = sized[1][1]
local overdue = A.overdue
if overdue == cjson.null then overdue = nil end

local function is_overdue(id)
  local f = redis.call('HMGET', A.item .. id, 'dueDate', 'status')
  return f[1] and tonumber(f[1]) < A.now and (f[2] == 'open' or f[2] == 'in_progress')
end

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
    for j = 2, #sized do
      if not redis.call('ZSCORE', sized[j][1], id) then
        ok = false
        break
      end
    end
    if ok and overdue ~= nil then ok = (is_overdue(id) and true or false) == overdue end
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
