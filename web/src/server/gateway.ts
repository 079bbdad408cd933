import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { runtimeConfig } from './runtime-config.ts';

/** A GraphQL error as the gateway sends it: `extensions.code` (VALIDATION, UNAUTHENTICATED …) and details. */
export interface GatewayError {
  message: string;
  extensions?: { code?: string; retryAfter?: number; details?: Array<{ field: string; issue: string }> };
}

export type GatewayResult<T> = { ok: true; data: T } | { ok: false; status: number; errors: GatewayError[] };

/** HTTP status for a refusal the app passes on to the browser. */
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  VALIDATION: 400,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/**
 * One operation from this server to the gateway (the session routes). `forwardedFor` is the browser's address:
 * the gateway trusts loopback proxies' X-Forwarded-For, so login throttling counts the person, not this server.
 */
export async function callGateway<T, V extends Record<string, unknown>>(
  document: TypedDocumentNode<T, V>,
  variables: V,
  opts: { forwardedFor?: string | null } = {},
): Promise<GatewayResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.forwardedFor) headers['x-forwarded-for'] = opts.forwardedFor;
  let res: Response;
  try {
    res = await fetch(runtimeConfig().gatewayUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: print(document), variables }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return {
      ok: false,
      status: 503,
      errors: [{ message: 'the gateway is unreachable', extensions: { code: 'UNAVAILABLE' } }],
    };
  }
  const body = (await res.json().catch(() => null)) as { data?: T | null; errors?: GatewayError[] } | null;
  if (body?.errors?.length || !body?.data) {
    const errors = body?.errors?.length
      ? body.errors
      : [{ message: `the gateway answered ${res.status}`, extensions: { code: 'UNAVAILABLE' } }];
    const code = errors[0]?.extensions?.code ?? '';
    return { ok: false, status: STATUS[code] ?? (res.status >= 400 ? res.status : 502), errors };
  }
  return { ok: true, data: body.data };
}
