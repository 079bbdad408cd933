import { readFileSync } from 'node:fs';
import type { Redis } from '@polystatus/kit';

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

const load = (name: string) =>
  APPEND_STREAMS + readFileSync(new URL(`./lua/${name}.lua`, import.meta.url), 'utf8');

/** Runs a script by SHA (EVALSHA, falling back to EVAL once after a SCRIPT FLUSH or a failover). */
export interface Script {
  run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown>;
}

export function script(name: string): Script {
  const source = load(name);
  const cmd = `ps_users_${name.replace(/-/g, '_')}`;
  return {
    async run(redis, keys, args) {
      const client = redis as Redis & Record<string, (...a: unknown[]) => Promise<unknown>>;
      if (typeof client[cmd] !== 'function') redis.defineCommand(cmd, { lua: source });
      return client[cmd]!(keys.length, ...keys, ...args);
    },
  };
}
