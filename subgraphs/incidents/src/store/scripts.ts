import { readFileSync } from 'node:fs';
import type { Redis } from '@polystatus/kit';
import type { ChainableCommander } from 'ioredis';
import { INCIDENT_FIELDS } from './record.ts';

const lua = (name: string) => readFileSync(new URL(`./lua/${name}.lua`, import.meta.url), 'utf8');

/**
 * Each script is its prelude plus its body, assembled once. The write prelude starts with the hash fields a
 * write returns, generated from record.ts, so the script and the decoder cannot disagree on their order.
 */
const fieldsLine = `local FIELDS = { ${INCIDENT_FIELDS.map((f) => `'${f}'`).join(', ')} }\n`;
const write = (name: string) => [fieldsLine, lua('trigrams'), lua('write-common'), lua(name)].join('\n');

const SOURCES = {
  incidentsCreate: write('create'),
  incidentsUpdate: write('update'),
  incidentsChangeStatus: write('change-status'),
  incidentsAssignCommander: write('assign-commander'),
  incidentsAddNote: write('add-note'),
  incidentsSubmitPostmortem: write('submit-postmortem'),
  incidentsList: [lua('trigrams'), lua('list')].join('\n'),
  incidentsUserDirectoryCatchUp: lua('user-directory-catch-up'),
} as const;

export type ScriptName = keyof typeof SOURCES;
type Caller = (numKeys: number, ...keysAndArgs: string[]) => Promise<unknown>;

/**
 * Registers the scripts on a client. ioredis runs them with EVALSHA and loads them on NOSCRIPT, in pipelines
 * too, so a Redis restart (which forgets loaded scripts) costs one extra round trip, not an error.
 */
export function defineScripts(client: Redis): void {
  for (const [name, source] of Object.entries(SOURCES)) client.defineCommand(name, { lua: source });
}

/** Runs a registered script on a client or queues it on a pipeline. */
export function runScript(
  target: Redis | ChainableCommander,
  name: ScriptName,
  keys: string[],
  args: string[],
): Promise<unknown> {
  const fn = (target as unknown as Record<ScriptName, Caller>)[name];
  return fn.call(target, keys.length, ...keys, ...args);
}
