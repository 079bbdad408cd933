import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/stack.ts';

// biome-ignore lint/suspicious/noExplicitAny: GraphQL responses are checked field by field
type Answer = any;

/**
 * The gateway with the real users and incidents services behind it: sessions and API tokens verified by the users
 * service, the signed identity honoured by the incidents subgraph, and entities joined across the two.
 */
describe('gateway end to end', () => {
  let stack: Stack;

  const gql = async (
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<Answer> => {
    const res = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as object) };
  };
  const login = async () => {
    const res = await gql(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken user { id role } } }',
      { e: stack.admin.email, p: stack.admin.password },
    );
    if (!res.data)
      throw new Error(`login failed: ${JSON.stringify(res.errors)}\n${stack.output().slice(-4000)}`);
    return res.data.login as {
      accessToken: string;
      refreshToken: string;
      user: { id: string; role: string };
    };
  };

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('logs the first admin in and knows who they are', async () => {
    const session = await login();
    expect(session.user.role).toBe('ADMIN');
    const me = await gql('{ me { id email role } }', {}, session.accessToken);
    expect(me.data.me).toEqual({ id: session.user.id, email: stack.admin.email, role: 'ADMIN' });
  });

  it('refuses a forged or malformed token with 401 UNAUTHENTICATED', async () => {
    const forged = await gql('{ __typename }', {}, 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
    expect(forged.status).toBe(401);
    expect(forged.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const res = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Token abc' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(401);
  });

  it('stops honouring an access token as soon as its session is logged out', async () => {
    const session = await login();
    expect((await gql('{ me { id } }', {}, session.accessToken)).data.me.id).toBe(session.user.id);
    const out = await gql('mutation($r: String!) { logout(refreshToken: $r) }', { r: session.refreshToken });
    expect(out.data.logout).toBe(true);
    const after = await gql('{ me { id } }', {}, session.accessToken);
    expect(after.status).toBe(401);
    expect(after.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('accepts API tokens and stops at once when one is revoked', async () => {
    const { accessToken } = await login();
    const created = await gql(
      'mutation { createApiToken(input: { name: "e2e", role: RESPONDER }) { token apiToken { id } } }',
      {},
      accessToken,
    );
    const { token, apiToken } = created.data.createApiToken;
    expect(token).toMatch(/^ps_/);
    expect((await gql('{ me { role } }', {}, token)).data.me.role).toBe('ADMIN');
    await gql('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: apiToken.id }, accessToken);
    expect((await gql('{ me { role } }', {}, token)).status).toBe(401);
  });

  it('joins an incident with its commander from the users subgraph', async () => {
    const { accessToken, user } = await login();
    const created = await gql(
      'mutation { createIncident(input: { title: "Checkout errors", sev: 2, services: ["checkout"] }) { id version } }',
      {},
      accessToken,
    );
    const { id, version } = created.data.createIncident;
    const assigned = await gql(
      'mutation($id: ID!, $c: ID!, $v: Int) { assignCommander(id: $id, commanderId: $c, expectedVersion: $v) { id } }',
      { id, c: user.id, v: version },
      accessToken,
    );
    expect(assigned.errors).toBeUndefined();
    const read = await gql(
      'query($id: ID!) { incident(id: $id) { title commander { id email role } createdBy { email } } }',
      { id },
      accessToken,
    );
    expect(read.data.incident).toEqual({
      title: 'Checkout errors',
      commander: { id: user.id, email: stack.admin.email, role: 'ADMIN' },
      createdBy: { email: stack.admin.email },
    });
  });
});
