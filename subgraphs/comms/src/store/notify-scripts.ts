import { LuaScripts, readLua } from '@polystatus/kit';

const dir = new URL('./lua/', import.meta.url);

/** The notification side's scripts, apart from the rest of comms' so the two halves never edit one file. */
export const notifyScripts = new LuaScripts('comms_notify', {
  enqueueOnce: readLua(dir, 'notify-enqueue-once'),
  enqueueInLane: readLua(dir, 'notify-enqueue-in-lane'),
  retryLater: readLua(dir, 'notify-retry-later'),
  promoteDue: readLua(dir, 'notify-promote-due'),
  subscribe: readLua(dir, 'notify-subscribe'),
  confirm: readLua(dir, 'notify-confirm'),
  unsubscribe: readLua(dir, 'notify-unsubscribe'),
});
