import { createHmac } from 'node:crypto';

/**
 * Headers the gateway sends with an answer it may reuse (gateway/src/response-cache), so that a REST adapter can
 * tell on its own whether that answer still stands (rest-kit answer-reuse.ts):
 * - `x-ps-reuse-scope`: the domains whose event streams version the answer and the caller's credential (the
 *   domains it reads, plus users, where every revocation is written), comma-separated and sorted;
 * - `x-ps-reuse-version`: `answerVersion` of those streams' newest ids when the answer was computed or confirmed;
 * - `x-ps-reuse-until`: when the credential's verification stops standing (epoch ms): its expiry, at most the
 *   gateway's trust window.
 */
export const REUSE_HEADERS = {
  scope: 'x-ps-reuse-scope',
  version: 'x-ps-reuse-version',
  until: 'x-ps-reuse-until',
} as const;

/** What a reusable gateway answer says about when it stands. */
export interface ReuseTerms {
  domains: readonly string[];
  version: string;
  until: number;
}

/**
 * A name for the newest ids of some domains' streams. Keyed with the internal secret: the ids are the times of
 * the last writes (a user's sign-out among them), which a caller has no business reading off a header; and only
 * a process holding the secret (an adapter) can compare its own read of the streams with it.
 */
export function answerVersion(secret: string, domains: readonly string[], ids: readonly string[]): string {
  // JSON keeps domain and id boundaries apart whatever they hold.
  return createHmac('sha256', secret)
    .update(JSON.stringify([domains, ids]))
    .digest('base64url')
    .slice(0, 22);
}

/** The terms of a gateway answer, from its headers; undefined when it names none or they do not parse. */
export function reuseTermsOf(headers: Record<string, string | string[] | undefined>): ReuseTerms | undefined {
  const first = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const scope = first(REUSE_HEADERS.scope);
  const version = first(REUSE_HEADERS.version);
  const until = Number(first(REUSE_HEADERS.until));
  if (!scope || !version || !Number.isFinite(until)) return undefined;
  return { domains: scope.split(','), version, until };
}
