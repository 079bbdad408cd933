-- Trigrams of lower-cased UTF-8 text, taken by character rather than by byte, so "café" yields "caf" and "afé".
-- The write scripts index with this function and the list script splits the query with it: one definition, so
-- the index and the lookup cannot drift apart.
local function add_trigrams(set, text)
  if not text or text == '' then return set end
  local c = {}
  for ch in string.gmatch(text, '[%z\1-\127\192-\255][\128-\191]*') do c[#c + 1] = ch end
  for i = 1, #c - 2 do set[c[i] .. c[i + 1] .. c[i + 2]] = true end
  return set
end
