import type { CombinedError } from '@urql/core';

/**
 * The server's VALIDATION details (`extensions.details: [{ field, issue }]`) by form field. `services[2]` is
 * reported on `services`; `input.title` on `title`. What names no field of the form goes under `''`.
 */
export function fieldErrors(
  error: CombinedError | undefined,
  fields: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of error?.graphQLErrors ?? []) {
    const details = e.extensions?.details as Array<{ field?: string; issue?: string }> | undefined;
    if (e.extensions?.code !== 'VALIDATION' || !Array.isArray(details)) continue;
    for (const d of details) {
      const base = String(d.field ?? '')
        .replace(/^input\./, '')
        .replace(/\[\d+\]$/, '');
      const field = fields.includes(base) ? base : '';
      const line = field === base ? String(d.issue) : `${d.field}: ${d.issue}`;
      out[field] = out[field] ? `${out[field]}; ${line}` : line;
    }
  }
  return out;
}
