-- The incident's roles hash (roles:<id>): field (domain/roles.ts roleField) → {"userId","at","by"}.
local ROLES = KS.roles .. A.id

-- Whether the user still holds any role in the incident (a responder can also be the scribe).
local function holds_any(user_id)
  local all = redis.call('HVALS', ROLES)
  for i = 1, #all do
    if cjson.decode(all[i]).userId == user_id then return true end
  end
  return false
end
