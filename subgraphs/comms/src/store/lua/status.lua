-- Shared by the scripts that change what a component's status derives from. ARGV[1] (JSON) carries:
--   ks   key prefixes from keys.ts: component, impacts, history; and events (the domain stream)
--   ev   { maxlen, at (ISO time), actor, idBase, statusChanged (the event type, from packages/contracts) }
-- A component's status is never set: it is the worst value of its impacts hash (`i:<incidentId>` for what an
-- unresolved incident's latest public update said, `m:<maintenanceId>` while a maintenance runs), or
-- operational. Recomputing appends a history entry and a component.status_changed event when it moves.
local A = cjson.decode(ARGV[1])
local KS = A.ks
local EV = A.ev
local RANK = { operational = 0, under_maintenance = 1, degraded_performance = 2, partial_outage = 3, major_outage = 4 }

-- Returns old, new (equal when nothing moved), or nil for a component that does not exist.
local function recompute(cid, now, cause_kind, cause_id)
  local key = KS.component .. cid
  local raw = redis.call('GET', key)
  if not raw then return nil end
  local c = cjson.decode(raw)
  local worst = 'operational'
  for _, v in ipairs(redis.call('HVALS', KS.impacts .. cid)) do
    if RANK[v] and RANK[v] > RANK[worst] then worst = v end
  end
  local old = c.status
  if old == worst then return old, old end
  c.status = worst
  c.updatedAt = now
  redis.call('SET', key, cjson.encode(c))
  -- Capped generously: 90 days of uptime need far fewer entries unless a component flaps all day long.
  redis.call('XADD', KS.history .. cid, 'MAXLEN', '~', 20000, '*', 'at', now, 'from', old, 'to', worst,
    'kind', cause_kind, 'id', cause_id or '')
  local data = cjson.encode({ componentId = cid, from = old, to = worst,
    cause = { kind = cause_kind, id = cause_id or cjson.null } })
  redis.call('XADD', KS.events, 'MAXLEN', '~', EV.maxlen, '*', 'id', EV.idBase .. ':' .. cid,
    'type', EV.statusChanged, 'at', EV.at, 'actor', EV.actor, 'subject', cid, 'data', data)
  return old, worst
end

-- Applies impact operations {cid, field, status (or absent: remove)}, then recomputes each component once.
-- Returns a flat list cid, old, new for every existing component touched, in first-touch order.
local function apply_impacts(ops, now, cause_kind, cause_id)
  local seen, order = {}, {}
  for _, op in ipairs(ops) do
    if type(op.status) == 'string' then
      redis.call('HSET', KS.impacts .. op.cid, op.field, op.status)
    else
      redis.call('HDEL', KS.impacts .. op.cid, op.field)
    end
    if not seen[op.cid] then
      seen[op.cid] = true
      order[#order + 1] = op.cid
    end
  end
  local out = {}
  for _, cid in ipairs(order) do
    local old, new = recompute(cid, now, cause_kind, cause_id)
    if old then
      out[#out + 1] = cid
      out[#out + 1] = old
      out[#out + 1] = new
    end
  end
  return out
end
