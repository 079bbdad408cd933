import { Client, fetchExchange } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { describe, expect, it } from 'vitest';
import type { FlagFieldsFragment } from '../generated/graphql.ts';
import { FlagsQuery, PutFlagMutation } from '../graphql/flags.ts';
import { CreateActionItemMutation, IncidentActionItemsQuery } from '../graphql/response.ts';
import { cacheOptions } from './cache.ts';

/**
 * The app's real cache configuration (keys from the client schema, the updaters of cache.ts and cache-depth.ts)
 * behind a gateway played by a fake `fetch`: what a mutation's answer does to lists already on screen.
 */
function clientAnswering(answers: Record<string, unknown>): Client {
  const fakeFetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const { operationName } = JSON.parse(String(init?.body)) as { operationName: string };
    const data = answers[operationName];
    if (data === undefined) throw new Error(`no answer for ${operationName}`);
    return new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
  };
  return new Client({
    url: 'http://gateway.test/graphql',
    fetch: fakeFetch as typeof fetch,
    preferGetMethod: false,
    exchanges: [cacheExchange(cacheOptions), fetchExchange],
  });
}

const flag = (key: string): FlagFieldsFragment & { __typename: 'Flag' } => ({
  __typename: 'Flag',
  key,
  on: true,
  kind: 'BOOLEAN',
  description: '',
  variations: ['on', 'off'],
  offVariation: 'off',
  fallthrough: { __typename: 'FlagServe', variation: 'on', rollout: null } as never,
  rules: [],
  targets: [],
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedById: 'usr_1',
});

const item = (id: string) => ({
  __typename: 'ActionItem',
  id,
  incidentId: 'INC-AAAAAA',
  text: `task ${id}`,
  ownerId: null,
  owner: null,
  dueDate: null,
  status: 'OPEN',
  overdue: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

describe('the normalized cache for flags and action items', () => {
  it('adds a flag created on this page to the list already shown, once', async () => {
    const client = clientAnswering({
      Flags: { flags: [flag('a')] },
      PutFlag: { putFlag: { __typename: 'FlagWrite', created: true, flag: flag('b') } },
    });
    await client.query(FlagsQuery, {}).toPromise();
    await client.mutation(PutFlagMutation, { input: { key: 'b', on: true } }).toPromise();
    await client.mutation(PutFlagMutation, { input: { key: 'b', on: true } }).toPromise();
    const cached = await client.query(FlagsQuery, {}, { requestPolicy: 'cache-only' }).toPromise();
    expect(cached.data?.flags.map((f) => f.key)).toEqual(['a', 'b']);
  });

  it("puts a new action item first in its incident's list", async () => {
    const client = clientAnswering({
      IncidentActionItems: {
        incident: {
          __typename: 'Incident',
          id: 'INC-AAAAAA',
          actionItems: {
            __typename: 'ActionItemConnection',
            nodes: [item('ACT-OLD00001')],
            pageInfo: { __typename: 'PageInfo', hasNextPage: false },
          },
        },
      },
      CreateActionItem: { createActionItem: item('ACT-NEW00001') },
    });
    const vars = { id: 'INC-AAAAAA', first: 200 };
    await client.query(IncidentActionItemsQuery, vars).toPromise();
    await client
      .mutation(CreateActionItemMutation, { incidentId: 'INC-AAAAAA', input: { text: 'task' } })
      .toPromise();
    const cached = await client
      .query(IncidentActionItemsQuery, vars, { requestPolicy: 'cache-only' })
      .toPromise();
    expect(cached.data?.incident?.actionItems.nodes.map((i) => i.id)).toEqual([
      'ACT-NEW00001',
      'ACT-OLD00001',
    ]);
  });
});
