import { LuaScripts, readLua } from '@polystatus/kit';

const dir = new URL('./lua/', import.meta.url);

/**
 * Every script that appends to the streams starts with this function; Lua has no imports, so it is prepended.
 * Writes arrive as JSON built by stream-writes.ts.
 */
const APPEND_STREAMS = `
local function append_streams(events_key, audit_key, writes_json, events_maxlen, audit_maxlen)
  local writes = cjson.decode(writes_json)
  for _, fields in ipairs(writes.events) do
    redis.call('XADD', events_key, 'MAXLEN', '~', events_maxlen, '*', unpack(fields))
  end
  for _, fields in ipairs(writes.audit) do
    redis.call('XADD', audit_key, 'MAXLEN', '~', audit_maxlen, '*', unpack(fields))
  end
end
`;

const withStreams = (name: string) => APPEND_STREAMS + readLua(dir, name);

export const scripts = new LuaScripts('users', {
  createUser: withStreams('create-user'),
  applyUserChange: withStreams('apply-user-change'),
  revokeApiToken: withStreams('revoke-api-token'),
  revokeSession: withStreams('revoke-session'),
  rotateRefresh: withStreams('rotate-refresh'),
  initSigningKey: readLua(dir, 'init-signing-key'),
  rotateSigningKey: withStreams('rotate-signing-key'),
  reserveLoginAttempt: readLua(dir, 'reserve-login-attempt'),
});
