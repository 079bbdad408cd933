import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals private signing keys before they reach Redis (AES-256-GCM), so a Redis dump or replica alone cannot mint
 * tokens. The 256-bit key is derived with HKDF from the configured secret, so any long enough secret will do.
 */
export interface KeySealer {
  seal(plaintext: string, aad: string): string;
  /** Throws when the ciphertext was made with another key or tampered with. */
  open(sealed: string, aad: string): string;
}

export function createKeySealer(secret: string): KeySealer {
  const key = Buffer.from(hkdfSync('sha256', secret, 'polystatus-users', 'signing-key-encryption', 32));
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
      if (version !== 'v1' || !iv || !body || !tag) throw new Error('sealed key has an unknown format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(aad));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
