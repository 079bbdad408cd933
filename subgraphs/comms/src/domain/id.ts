import { randomBytes } from 'node:crypto';

export type IdGenerator = (kind: IdKind) => string;
export type IdKind = 'announcement' | 'component' | 'group' | 'maintenance';

const PREFIX: Record<IdKind, string> = {
  announcement: 'ann_',
  component: 'cmp_',
  group: 'grp_',
  maintenance: 'mnt_',
};

/**
 * Ids are random, not sequential: they appear in public URLs (the Statuspage JSON, the feeds), where a counter
 * would tell outsiders how many incidents and maintenances there have been. 12 base32 characters (60 bits).
 */
export function newId(kind: IdKind): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let out = '';
  for (const b of randomBytes(12)) out += alphabet[b & 31];
  return PREFIX[kind] + out;
}
