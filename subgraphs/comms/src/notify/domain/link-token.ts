import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * The signed tokens in subscriber mail links: `confirm` (double opt-in; expires) and `unsubscribe` (must keep
 * working from a mail read months later, so it has no expiry, but it names one subscription: unsubscribing, then
 * subscribing again, mints a new subscription id and the old links stop mattering). The HMAC key is derived from
 * the key-encryption secret, so no extra setting is needed and a leaked token cannot be re-signed for another id.
 */
export type LinkPurpose = 'confirm' | 'unsubscribe';

export interface LinkClaims {
  purpose: LinkPurpose;
  subscriptionId: string;
  /** Epoch ms; absent for unsubscribe links. */
  expiresAt?: number;
}

export interface LinkSigner {
  sign(claims: LinkClaims): string;
  /** The claims of a valid token for `purpose`, or null (bad signature, wrong purpose, expired, garbage). */
  verify(token: string, purpose: LinkPurpose, now: number): LinkClaims | null;
}

export function createLinkSigner(secret: string): LinkSigner {
  const key = Buffer.from(hkdfSync('sha256', secret, 'polystatus-comms', 'subscriber-link-signing', 32));
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    sign(claims) {
      const payload = Buffer.from(
        JSON.stringify({ p: claims.purpose, s: claims.subscriptionId, e: claims.expiresAt }),
      ).toString('base64url');
      return `${payload}.${mac(payload).toString('base64url')}`;
    },
    verify(token, purpose, now) {
      const [payload, sig, extra] = token.split('.');
      if (!payload || !sig || extra !== undefined) return null;
      const given = Buffer.from(sig, 'base64url');
      const expected = mac(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      let raw: { p?: unknown; s?: unknown; e?: unknown };
      try {
        raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return null;
      }
      if (raw.p !== purpose || typeof raw.s !== 'string') return null;
      if (raw.e !== undefined && (typeof raw.e !== 'number' || raw.e <= now)) return null;
      if (purpose === 'confirm' && raw.e === undefined) return null;
      return { purpose, subscriptionId: raw.s, ...(typeof raw.e === 'number' ? { expiresAt: raw.e } : {}) };
    },
  };
}
