/** Small HTTP helpers for end-to-end tests: JSON in, status + JSON (or text) out, never throwing on 4xx/5xx. */

// biome-ignore lint/suspicious/noExplicitAny: bodies are checked field by field in the tests
export type Json = any;

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: Json;
}

export async function call(
  method: string,
  url: string,
  opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let payload: string | undefined;
  if (opts.raw !== undefined) payload = opts.raw;
  else if (opts.body !== undefined) payload = JSON.stringify(opts.body);
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(url, { method, headers, body: payload });
  const text = await res.text();
  let body: Json = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (docs pages, YAML): the text is the body.
  }
  return { status: res.status, headers: res.headers, body };
}

/** A GraphQL request through the gateway; returns the HTTP status with `data` and `errors`. */
export async function graphql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ status: number; data: Json; errors?: Json[] }> {
  const res = await call('POST', url, { token, body: { query, variables } });
  return { status: res.status, data: res.body?.data, errors: res.body?.errors };
}

/** The field names of a REST error body's details, sorted. */
export const fieldsOf = (answer: HttpAnswer): string[] =>
  (answer.body?.error?.details ?? []).map((d: { field: string }) => d.field).sort();
