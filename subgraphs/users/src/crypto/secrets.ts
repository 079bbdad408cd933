import { createHash, randomBytes } from 'node:crypto';

/** Unguessable random text (base64url). 32 bytes = 256 bits: brute force is out of reach. */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/**
 * High-entropy secrets (refresh and API tokens) are stored as SHA-256: nothing to brute-force, so a slow hash would
 * only slow every request down.
 */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');

/** API tokens carry a prefix so secret scanners and humans recognise them, and so introspection can tell them apart. */
export const API_TOKEN_PREFIX = 'ps_';
export const newApiToken = (): string => `${API_TOKEN_PREFIX}${randomSecret(32)}`;
/** Enough of a token to recognise it in a list, far too little to use it. */
export const displayPrefix = (token: string): string => token.slice(0, API_TOKEN_PREFIX.length + 6);

/**
 * Refresh tokens are `<session id>.<secret>`: the session id lets the store find the family in one lookup, and
 * only the secret's hash is kept.
 */
export const newRefreshToken = (sid: string): string => `${sid}.${randomSecret(32)}`;

export function parseRefreshToken(token: string): { sid: string; hash: string } | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot === token.length - 1) return null;
  const sid = token.slice(0, dot);
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(sid)) return null;
  return { sid, hash: sha256(token) };
}

export const newSessionId = (): string => randomSecret(16);
