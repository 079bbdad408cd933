import { createHmac, timingSafeEqual } from 'node:crypto';
import { ANONYMOUS, type Principal } from './principal.ts';
import { isRole } from './roles.ts';

/** The header the gateway (and trusted internal callers) use to hand a verified principal to a subgraph. */
export const IDENTITY_HEADER = 'x-ps-identity';

interface Claims {
  k: Principal['kind'];
  s: string | null;
  r: Principal['role'];
  t?: string;
  /** The client address, when the signer knows it. */
  i?: string;
  /** Expiry, epoch seconds: a leaked header is useless after a short while. */
  e: number;
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const mac = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

export function signIdentity(p: Principal, secret: string, ttlSeconds = 60): string {
  const claims: Claims = { k: p.kind, s: p.id, r: p.role, e: Math.floor(Date.now() / 1000) + ttlSeconds };
  if (p.tokenId) claims.t = p.tokenId;
  if (p.ip) claims.i = p.ip;
  const payload = b64(JSON.stringify(claims));
  return `${payload}.${mac(payload, secret)}`;
}

export type IdentityResult = { ok: true; principal: Principal } | { ok: false; reason: string };

/** Absent header: anonymous. Present but forged, malformed or expired: refused, never silently anonymous. */
export function verifyIdentity(header: string | string[] | undefined, secret: string): IdentityResult {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return { ok: true, principal: ANONYMOUS };
  const [payload, sig] = value.split('.');
  if (!payload || !sig) return { ok: false, reason: 'malformed identity' };
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'identity signature mismatch' };
  }
  let claims: Claims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
  } catch {
    return { ok: false, reason: 'malformed identity' };
  }
  if (typeof claims.e !== 'number' || claims.e < Math.floor(Date.now() / 1000)) {
    return { ok: false, reason: 'identity expired' };
  }
  // An anonymous caller still has an address: login limits per client need it.
  if (claims.k === 'anonymous') {
    return { ok: true, principal: typeof claims.i === 'string' ? { ...ANONYMOUS, ip: claims.i } : ANONYMOUS };
  }
  if (!isRole(claims.r) || typeof claims.s !== 'string') return { ok: false, reason: 'malformed identity' };
  const principal: Principal = { kind: claims.k, id: claims.s, role: claims.r };
  if (claims.t) principal.tokenId = claims.t;
  if (typeof claims.i === 'string') principal.ip = claims.i;
  return { ok: true, principal };
}
