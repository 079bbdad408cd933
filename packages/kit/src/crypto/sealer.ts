import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals secrets before they reach Redis (AES-256-GCM), so a Redis dump or replica alone does not give them away:
 * the users domain's JWT signing keys, the comms domain's webhook signing secrets. The 256-bit key is derived with
 * HKDF from one operator secret (POLYSTATUS_KEY_ENCRYPTION_KEY) and a per-use `purpose`, so one configured value
 * gives every domain its own, unrelated key. The associated data binds a ciphertext to its owner (a kid, an
 * endpoint id): a sealed value copied onto another record does not open.
 */
export interface Sealer {
  seal(plaintext: string, aad: string): string;
  /** Throws when the ciphertext was made with another key or purpose, for another owner, or tampered with. */
  open(sealed: string, aad: string): string;
}

/** HKDF salt and info: fixed per use, never changed once data is sealed with them. */
export interface SealPurpose {
  salt: string;
  info: string;
}

export function createSealer(secret: string, purpose: SealPurpose): Sealer {
  const key = Buffer.from(hkdfSync('sha256', secret, purpose.salt, purpose.info, 32));
  return {
    seal(plaintext, aad) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(aad));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv, body, cipher.getAuthTag()]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed, aad) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== 'v1' || !iv || !body || !tag) throw new Error('sealed value has an unknown format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(aad));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

/**
 * The key-encryption secret a service seals with: POLYSTATUS_KEY_ENCRYPTION_KEY when set (each service's config
 * requires it in production), otherwise one derived from the internal secret so a development checkout starts
 * with no setup. Changing either makes what was sealed under the old value unreadable.
 */
export function keyEncryptionSecret(env: {
  POLYSTATUS_KEY_ENCRYPTION_KEY?: string | undefined;
  POLYSTATUS_INTERNAL_SECRET: string;
}): string {
  return env.POLYSTATUS_KEY_ENCRYPTION_KEY ?? `dev-kek:${env.POLYSTATUS_INTERNAL_SECRET}`;
}
