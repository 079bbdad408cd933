import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent, fetch, type RequestInit, type Response } from 'undici';

/**
 * The one gate for every outbound call to a URL a user typed (webhook endpoints, status feeds). Without it a
 * tenant could make our servers call 127.0.0.1:6379, the cloud metadata service on 169.254.169.254 or anything
 * else on the private network (SSRF). Three rules:
 *
 * - every address the host resolves to must be public (one bad record refuses the lot: the resolver may hand
 *   either one to the socket);
 * - the connection goes to an address that was checked: the check runs inside the socket's own DNS lookup, so a
 *   name cannot resolve to a public address for the check and a private one for the connect (DNS rebinding);
 * - redirects are never followed (a public URL answering 302 to http://10.0.0.1/ is the classic bypass).
 *
 * `allowPrivate` (POLYSTATUS_ALLOW_PRIVATE_NETWORK=true) turns the address check off for development and tests
 * whose receivers listen on loopback; redirects stay unfollowed either way.
 */

export interface OutboundGuardOptions {
  allowPrivate: boolean;
}

export class OutboundRefusedError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`refused outbound call to ${url}: ${reason}`);
    this.name = 'OutboundRefusedError';
  }
}

type Family = 'ipv4' | 'ipv6';

// IANA special-purpose registries (RFC 6890 and successors): everything here is not globally reachable.
const V4_BLOCKED: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network", includes the unspecified address
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, includes broadcast
];

const V6_BLOCKED: Array<[string, number]> = [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible form
  ['::ffff:0:0', 96], // IPv4-mapped: a public name has no business resolving to one
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard-only
  ['2001::', 23], // IETF protocol assignments (Teredo, ORCHID, ...)
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

// One list per family: Node's BlockList matches IPv4 addresses against IPv6 rules through their mapped form,
// so a single list holding ::ffff:0:0/96 would refuse every IPv4 address.
const blockedV4 = new BlockList();
for (const [net, bits] of V4_BLOCKED) blockedV4.addSubnet(net, bits, 'ipv4');
const blockedV6 = new BlockList();
for (const [net, bits] of V6_BLOCKED) blockedV6.addSubnet(net, bits, 'ipv6');

/** Expands an IPv6 literal to its 16 bytes (the literal has already passed `isIP`). */
function ipv6Bytes(address: string): number[] {
  let text = address.split('%')[0]!;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const maybeV4 = text.slice(lastColon + 1);
  if (isIP(maybeV4) === 4) {
    tail.push(...maybeV4.split('.').map(Number));
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const groups = (s: string | undefined) => (s ? s.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const left = groups(head);
  const right = groups(rest);
  const words = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  const bytes = words.flatMap((w) => [w >> 8, w & 0xff]);
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** The IPv4 address a translation prefix carries, when the IPv6 address is one (NAT64, 6to4). */
function embeddedIpv4(address: string): string | undefined {
  const b = ipv6Bytes(address);
  const isNat64 =
    b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && b.slice(4, 12).every((x) => x === 0);
  if (isNat64) return b.slice(12, 16).join('.');
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6).join('.');
  return undefined;
}

/** True when an IP literal is globally reachable; false for anything special-purpose or unparsable. */
export function isPublicAddress(address: string): boolean {
  const version = isIP(address.split('%')[0]!);
  if (version === 0) return false;
  const family: Family = version === 4 ? 'ipv4' : 'ipv6';
  if (family === 'ipv6' && address.includes('%')) return false; // a zone id only exists on link-local
  if ((family === 'ipv4' ? blockedV4 : blockedV6).check(address.split('%')[0]!, family)) return false;
  if (family === 'ipv6') {
    const inner = embeddedIpv4(address);
    if (inner !== undefined) return isPublicAddress(inner);
  }
  return true;
}

/** `[::1]` → `::1`: URL keeps the brackets of an IPv6 host, resolvers and isIP want them gone. */
const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

function checkScheme(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundRefusedError(url.href, `scheme ${url.protocol} is not http or https`);
  }
}

function refuseUnlessPublic(url: string, host: string, addresses: readonly string[]): void {
  if (addresses.length === 0) throw new OutboundRefusedError(url, `${host} resolves to no address`);
  const bad = addresses.find((a) => !isPublicAddress(a));
  if (bad !== undefined) {
    throw new OutboundRefusedError(url, `${host} resolves to ${bad}, a private or reserved address`);
  }
}

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    );
  });
}

/**
 * Throws OutboundRefusedError unless the URL is http(s) and its host (a literal or every address its name
 * resolves to) is public. Use it to reject a URL when it is saved; the call itself goes through guardedFetch,
 * which checks again at connect time (DNS answers change).
 */
export async function assertPublicDestination(url: URL, opts: OutboundGuardOptions): Promise<void> {
  checkScheme(url);
  if (opts.allowPrivate) return;
  const host = bareHost(url);
  if (isIP(host)) return refuseUnlessPublic(url.href, host, [host]);
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(host);
  } catch (err) {
    throw new OutboundRefusedError(
      url.href,
      `${host} does not resolve (${(err as NodeJS.ErrnoException).code})`,
    );
  }
  refuseUnlessPublic(
    url.href,
    host,
    addresses.map((a) => a.address),
  );
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `net.connect` lookup that only ever hands the socket addresses it has checked: the check and the connect
 * share one resolution, so there is no window for a rebinding answer. Node calls it with `all: true` when it
 * races address families (autoSelectFamily), with a single-address callback otherwise.
 */
export function guardedLookup(
  hostname: string,
  options: { all?: boolean; family?: number | string },
  callback: LookupCallback,
): void {
  dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (addresses.length === 0 || bad !== undefined) {
      const refusal = new OutboundRefusedError(
        hostname,
        `${hostname} resolves to ${bad?.address ?? 'nothing'}`,
      );
      return callback(Object.assign(refusal, { code: 'EPRIVATEADDRESS' }), []);
    }
    const wanted = options.family === 6 || options.family === 'IPv6' ? 6 : options.family === 4 ? 4 : 0;
    const usable = wanted ? addresses.filter((a) => a.family === wanted) : addresses;
    if (options.all) return callback(null, usable);
    const first = usable[0];
    if (!first)
      return callback(
        Object.assign(new Error(`no IPv${wanted} address for ${hostname}`), { code: 'ENOTFOUND' }),
        [],
      );
    callback(null, first.address, first.family);
  });
}

export interface GuardedDispatcherOptions extends OutboundGuardOptions {
  /** Time to establish the TCP (and TLS) connection. */
  connectTimeoutMs?: number;
}

/**
 * An undici dispatcher whose sockets can only reach public addresses (unless allowPrivate). For callers that
 * want undici's `request`/`stream` rather than fetch; they must still pass `maxRedirections: 0` (the default).
 */
export function createGuardedDispatcher(opts: GuardedDispatcherOptions): Agent {
  return new Agent({
    connect: {
      timeout: opts.connectTimeoutMs ?? 5000,
      ...(opts.allowPrivate ? {} : { lookup: guardedLookup }),
    },
    // Short idle keep-alive: receivers are many and mostly called in bursts.
    keepAliveTimeout: 4000,
  });
}

const shared = new Map<boolean, Agent>();
const sharedDispatcher = (allowPrivate: boolean): Agent => {
  let agent = shared.get(allowPrivate);
  if (!agent) {
    agent = createGuardedDispatcher({ allowPrivate });
    shared.set(allowPrivate, agent);
  }
  return agent;
};

export interface GuardedFetchInit extends Omit<RequestInit, 'dispatcher' | 'redirect'>, OutboundGuardOptions {
  /** Whole-call deadline (connect, send, response headers); the body read is the caller's to bound. */
  timeoutMs: number;
}

/**
 * fetch() for user-supplied URLs: public destinations only (checked at connect time, pinned), no redirect
 * followed (a 3xx comes back as the response), and a deadline. Throws OutboundRefusedError for a refused
 * destination, a TimeoutError-caused error on the deadline, undici's network errors otherwise.
 */
export async function guardedFetch(url: URL, init: GuardedFetchInit): Promise<Response> {
  checkScheme(url);
  const host = bareHost(url);
  // Node connects to an IP literal without calling the lookup, so literals are checked here.
  if (!init.allowPrivate && isIP(host)) refuseUnlessPublic(url.href, host, [host]);
  const { allowPrivate, timeoutMs, signal, ...rest } = init;
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    return await fetch(url, {
      ...rest,
      redirect: 'manual',
      dispatcher: sharedDispatcher(allowPrivate),
      signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
    });
  } catch (err) {
    // undici wraps connect errors as `TypeError: fetch failed` with the real reason as the cause.
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof OutboundRefusedError) throw new OutboundRefusedError(url.href, cause.reason);
    throw err;
  }
}
