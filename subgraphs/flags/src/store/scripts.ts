import { LuaScripts, readLua } from '@polystatus/kit';

const dir = new URL('./lua/', import.meta.url);

export const scripts = new LuaScripts('flags', {
  put: readLua(dir, 'write-common', 'put'),
  toggle: readLua(dir, 'write-common', 'toggle'),
});

export type ScriptName = Parameters<typeof scripts.run>[1];
