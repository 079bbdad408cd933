import { LuaScripts, readLua } from '@polystatus/kit';
import { INCIDENT_FIELDS } from './record.ts';

const dir = new URL('./lua/', import.meta.url);

/**
 * Each script is its preludes plus its body. The write prelude (and the list script) starts with the hash fields
 * a script returns, generated from record.ts, so the script and the decoder cannot disagree on their order.
 */
const fieldsLine = `local FIELDS = { ${INCIDENT_FIELDS.map((f) => `'${f}'`).join(', ')} }\n`;
const write = (...names: string[]) =>
  [fieldsLine, readLua(dir, 'trigrams', 'write-common', ...names)].join('\n');

export const scripts = new LuaScripts('incidents', {
  create: write('create'),
  update: write('update'),
  changeStatus: write('change-status'),
  assignCommander: write('assign-commander'),
  addNote: write('add-note'),
  recordUpstream: write('record-upstream'),
  acknowledge: write('acknowledge'),
  assignRole: write('user-check', 'roles-common', 'assign-role'),
  unassignRole: write('roles-common', 'unassign-role'),
  createActionItem: write('user-check', 'action-items', 'create-action-item'),
  updateActionItem: write('user-check', 'action-items', 'update-action-item'),
  submitPostmortem: write('action-items', 'submit-postmortem'),
  list: [fieldsLine, readLua(dir, 'trigrams', 'list')].join('\n'),
  listActionItems: readLua(dir, 'list-action-items'),
  userDirectoryCatchUp: readLua(dir, 'user-directory-catch-up'),
});

export type ScriptName = Parameters<typeof scripts.run>[1];
