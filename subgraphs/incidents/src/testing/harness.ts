import type { AddressInfo } from 'node:net';
import type { Principal, Role } from '@polystatus/kit';
import { identityHeaders, TEST_INTERNAL_SECRET } from '@polystatus/kit/testing';
import { loadIncidentsEnv } from '../config.ts';
import { type BuildOptions, buildIncidentsService } from '../server.ts';

export interface GraphQLReply<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export type Caller = (Partial<Principal> & { role: Role }) | null;

export interface RunningIncidents {
  url: string;
  /** POSTs an operation as `caller` (null: no identity header, as an anonymous request through the gateway). */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller,
  ): Promise<GraphQLReply<T>>;
  close(): Promise<void>;
}

/**
 * The real service, in-process, on a free port, under `prefix`: what the integration tests and the benchmark
 * speak HTTP to. It listens without installing signal handlers (those belong to a process, not to a test).
 */
export async function startIncidents(
  prefix: string,
  opts: BuildOptions & { env?: Record<string, string> } = {},
): Promise<RunningIncidents> {
  const env = loadIncidentsEnv({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    REDIS_KEY_PREFIX: prefix,
    POLYSTATUS_INTERNAL_SECRET: TEST_INTERNAL_SECRET,
    ...opts.env,
  });
  const service = await buildIncidentsService(env, opts);
  await service.parts.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = service.parts.app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    url,
    async gql(query, variables = {}, caller = { role: 'manager' }) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(caller ? identityHeaders(caller) : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLReply<never>;
    },
    close: service.close,
  };
}

/** The data of a reply that must have succeeded; the errors otherwise, so a failing test says why. */
export function ok<T>(reply: GraphQLReply<T>): T {
  if (reply.errors?.length || !reply.data) throw new Error(`GraphQL errors: ${JSON.stringify(reply.errors)}`);
  return reply.data;
}
