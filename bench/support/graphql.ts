import type { Stack } from '../../e2e/support/stack.ts';

/** One GraphQL request through `url`; a reply carrying errors throws, so a scenario never measures failures. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { data?: T; errors?: unknown[] };
  if (json.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(json.errors)}`);
  return json.data!;
}

export interface AdminSession {
  adminId: string;
  /** The Authorization header of the stack's first admin. */
  auth: Record<string, string>;
}

export async function loginAdmin(stack: Stack): Promise<AdminSession> {
  const { login } = await gql<{ login: { accessToken: string; user: { id: string } } }>(
    stack.graphqlUrl,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id } } }',
    { e: stack.admin.email, p: stack.admin.password },
  );
  return { adminId: login.user.id, auth: { authorization: `Bearer ${login.accessToken}` } };
}

/**
 * `count` incidents, each with the admin as commander, so a dashboard read joins incidents to users as it does
 * in use (the commander is a User entity resolved by the users subgraph).
 */
export async function seedIncidentsWithCommander(
  stack: Stack,
  session: AdminSession,
  count: number,
  title: string,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    const { createIncident } = await gql<{ createIncident: { id: string } }>(
      stack.graphqlUrl,
      'mutation($t: String!) { createIncident(input: { title: $t, sev: 3 }) { id } }',
      { t: `${title} ${i}` },
      session.auth,
    );
    await gql(
      stack.graphqlUrl,
      'mutation($id: ID!, $c: ID!) { assignCommander(id: $id, commanderId: $c) { id } }',
      { id: createIncident.id, c: session.adminId },
      session.auth,
    );
  }
}
