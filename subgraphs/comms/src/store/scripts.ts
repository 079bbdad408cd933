import { LuaScripts, readLua } from '@polystatus/kit';

const dir = new URL('./lua/', import.meta.url);

/** Every script starts with the status prelude: the arguments' shape and how component statuses are derived. */
const withStatus = (name: string) => readLua(dir, 'status', name);

export const scripts = new LuaScripts('comms', {
  casWrite: withStatus('cas-write'),
  publishAnnouncement: withStatus('publish-announcement'),
  applyIncident: withStatus('apply-incident'),
  readPublicState: withStatus('read-public-state'),
  storeSnapshot: withStatus('store-snapshot'),
  lease: readLua(dir, 'lease'),
  bannerWrite: readLua(dir, 'banner-write'),
});
