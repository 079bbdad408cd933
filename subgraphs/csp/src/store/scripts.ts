import { LuaScripts, readLua } from '@polystatus/kit';

const dir = new URL('./lua/', import.meta.url);

export const scripts = new LuaScripts('csp', {
  applyRefresh: readLua(dir, 'apply-refresh'),
  putProvider: readLua(dir, 'put-provider'),
  claimLease: readLua(dir, 'claim-lease'),
  releaseLease: readLua(dir, 'release-lease'),
  settlePending: readLua(dir, 'settle-pending'),
});
