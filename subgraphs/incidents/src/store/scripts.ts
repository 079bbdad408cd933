import { LuaScripts, readLua } from '@polystatus/kit';
import { INCIDENT_FIELDS } from './record.ts';

const dir = new URL('./lua/', import.meta.url);

/**
 * Each script is its preludes plus its body. The write prelude starts with the hash fields a write returns,
 * generated from record.ts, so the script and the decoder cannot disagree on their order.
 */
const fieldsLine = `local FIELDS = { ${INCIDENT_FIELDS.map((f) => `'${f}'`).join(', ')} }\n`;
const write = (name: string) => [fieldsLine, readLua(dir, 'trigrams', 'write-common', name)].join('\n');

export const scripts = new LuaScripts('incidents', {
  create: write('create'),
  update: write('update'),
  changeStatus: write('change-status'),
  assignCommander: write('assign-commander'),
  addNote: write('add-note'),
  submitPostmortem: write('submit-postmortem'),
  list: readLua(dir, 'trigrams', 'list'),
  userDirectoryCatchUp: readLua(dir, 'user-directory-catch-up'),
});

export type ScriptName = Parameters<typeof scripts.run>[1];
