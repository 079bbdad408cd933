import { randomBytes } from 'node:crypto';

/**
 * Crockford base32: no I, L, O or U, so an id read aloud on a bridge call or copied from a screenshot cannot be
 * mistaken for another.
 */
export const ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ID_PATTERN = /^INC-[0-9A-HJKMNP-TV-Z]{8}$/;
const ID_LENGTH = 8;

/**
 * 40 random bits: a new id hits an existing one with probability n / 2^40 (one in a million once a million
 * incidents exist). Rare but possible, so the create script reserves the id atomically and the service retries.
 */
export function newIncidentId(random: (n: number) => Uint8Array = randomBytes): string {
  return randomId('INC-', random);
}

/** Action item ids: the same 40 random bits, reserved atomically by the script that creates the item. */
export const ACTION_ITEM_ID_PATTERN = /^ACT-[0-9A-HJKMNP-TV-Z]{8}$/;

export function newActionItemId(random: (n: number) => Uint8Array = randomBytes): string {
  return randomId('ACT-', random);
}

function randomId(prefix: string, random: (n: number) => Uint8Array): string {
  const bytes = random(ID_LENGTH);
  let out = prefix;
  // 256 is a multiple of 32, so masking keeps every character equally likely.
  for (let i = 0; i < ID_LENGTH; i++) out += ID_ALPHABET[bytes[i]! & 31];
  return out;
}

export type IdGenerator = () => string;
