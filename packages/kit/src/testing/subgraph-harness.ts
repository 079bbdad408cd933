import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { IDENTITY_HEADER, signIdentity } from '../auth/identity-header.ts';
import { ANONYMOUS, type Principal } from '../auth/principal.ts';
import type { Role } from '../auth/roles.ts';
import type { FieldIssue } from '../errors.ts';
import {
  deletePrefix,
  identityHeaders,
  TEST_INTERNAL_SECRET,
  TEST_REDIS_URL,
  testRedis,
  uniquePrefix,
} from './shared-redis.ts';

/**
 * Who a test request acts as. A role (with an optional id, kind, ip) is a principal signed as the gateway signs
 * it; `{ kind: 'anonymous' }` is a signed anonymous caller (with the client address a login limit needs);
 * null sends no identity header at all.
 */
export type As = (Partial<Principal> & { role: Role }) | { kind: 'anonymous'; ip?: string } | null;

export interface GqlReply<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions: { code: string; details?: FieldIssue[]; retryAfter?: number; [key: string]: unknown };
  }[];
}

/** What a domain's `build<Domain>Service` returns (the kit's createService result, maybe with more). */
export interface StartableService {
  parts: { app: FastifyInstance };
  close(): Promise<void>;
}

/** What a test may choose when it starts a domain's service through its wrapper (`startUsers`, `startIncidents`). */
export interface StartSubgraphOptions {
  /**
   * Keys under a prefix the harness generates are deleted by `close()`. A prefix passed here belongs to the test
   * (several services may use it one after another, a restart reads what the first wrote): the test deletes it.
   */
  prefix?: string;
  /** Environment on top of the test defaults (port 0, silent logs, the test Redis and secret, the prefix). */
  env?: Record<string, string>;
}

export interface SubgraphHarnessOptions<S extends StartableService> extends StartSubgraphOptions {
  /** Shown in the generated key prefix (`pstest:<label>:<random>`). */
  label: string;
  /** The domain's builder: its own env loader runs on the strings given here. */
  build(env: Record<string, string>): Promise<S>;
  /** Who `gql` acts as when a call names nobody; default: no identity header. */
  defaultAs?: As;
}

export interface SubgraphHarness<S extends StartableService> {
  /** `http://127.0.0.1:<port>`, for routes beside /graphql. */
  url: string;
  graphqlUrl: string;
  prefix: string;
  service: S;
  /** POSTs an operation to /graphql as `as` (the harness default when omitted). */
  gql<T = Record<string, unknown>>(query: string, variables?: object, as?: As): Promise<GqlReply<T>>;
  /** Stops the service; deletes its keys when the harness chose the prefix. */
  close(): Promise<void>;
}

/** The identity header for `as`, signed as the gateway signs it. */
export function identityFor(as: As, secret = TEST_INTERNAL_SECRET): Record<string, string> {
  if (as === null) return {};
  if (as.kind === 'anonymous') {
    const principal: Principal = { ...ANONYMOUS, ...(as.ip ? { ip: as.ip } : {}) };
    return { [IDENTITY_HEADER]: signIdentity(principal, secret) };
  }
  return identityHeaders(as, secret);
}

/**
 * One subgraph service, in-process, on port 0, under its own key prefix, spoken to over HTTP as the gateway
 * would. It listens without installing signal handlers (those belong to a process, not to a test).
 */
export async function startSubgraph<S extends StartableService>(
  opts: SubgraphHarnessOptions<S>,
): Promise<SubgraphHarness<S>> {
  const prefix = opts.prefix ?? uniquePrefix(opts.label);
  const service = await opts.build({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    POLYSTATUS_INTERNAL_SECRET: TEST_INTERNAL_SECRET,
    ...opts.env,
  });
  await service.parts.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = service.parts.app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const graphqlUrl = `${url}/graphql`;
  const defaultAs = opts.defaultAs ?? null;
  let closed = false;

  return {
    url,
    graphqlUrl,
    prefix,
    service,
    async gql<T>(query: string, variables: object = {}, as: As = defaultAs) {
      const res = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...identityFor(as) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlReply<T>;
    },
    async close() {
      if (closed) return;
      closed = true;
      await service.close();
      if (!opts.prefix) await cleanupPrefix(prefix);
    },
  };
}

/** Deletes the keys under `prefix` over a connection of its own. */
export async function cleanupPrefix(prefix: string): Promise<void> {
  const redis = testRedis();
  try {
    await deletePrefix(redis, prefix);
  } finally {
    await redis.quit();
  }
}

/** The data of a reply that must have succeeded; the errors otherwise, so a failing test says why. */
export function ok<T>(reply: GqlReply<T>): T {
  if (reply.errors?.length || !reply.data) throw new Error(`GraphQL errors: ${JSON.stringify(reply.errors)}`);
  return reply.data;
}

/** The first error's code, or 'OK'. */
export const codeOf = (reply: GqlReply<unknown>): string => reply.errors?.[0]?.extensions.code ?? 'OK';

/** The fields the first error names. */
export const fieldsOf = (reply: GqlReply<unknown>): string[] =>
  (reply.errors?.[0]?.extensions.details ?? []).map((d) => d.field);
