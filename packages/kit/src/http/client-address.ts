import { BlockList, isIP } from 'node:net';
import { DomainError } from '../errors.ts';

export type TrustedProxies = (address: string) => boolean;

const bare = (address: string) =>
  address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;

/**
 * Parses `TRUSTED_PROXIES` (comma-separated addresses or CIDR blocks, or `none`). A bad entry is a configuration
 * error, reported at start rather than silently trusting nobody (or everybody).
 */
export function parseTrustedProxies(spec: string): TrustedProxies {
  const list = new BlockList();
  const entries = spec
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'none');
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address);
    if (!family)
      throw new DomainError('VALIDATION', `TRUSTED_PROXIES: ${entry} is not an address or CIDR block`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (address) => {
    const a = bare(address);
    const family = isIP(a);
    return family !== 0 && list.check(a, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * The address of the client that sent a request: the socket's peer unless that peer is a trusted proxy, in which
 * case the X-Forwarded-For chain is walked from the right, skipping trusted hops. Walking from the right matters:
 * a client can put anything on the left of the header, only the entries our own proxies appended are believed.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  let current = bare(socketAddress ?? '');
  if (!current || !trusted(current) || !forwardedFor) return current;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((h) => bare(h.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return current;
    current = hop;
    if (!trusted(hop)) return hop;
  }
  return current;
}
