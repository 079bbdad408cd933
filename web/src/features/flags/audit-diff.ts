/**
 * What one audit entry changed, for a person reading the log: the top-level parts of the definition that differ
 * between `before` and `after` (JSON as the flags domain records them), with short values spelled out and long
 * ones (rules, targets) only named. A creation lists nothing: it is the whole definition.
 */
export function auditChanges(before: string | null | undefined, after: string): string[] {
  if (!before) return [];
  const a = parse(before);
  const b = parse(after);
  if (!a || !b) return [];
  const out: string[] = [];
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    const was = JSON.stringify(a[key]);
    const now = JSON.stringify(b[key]);
    if (was === now || IGNORED.has(key)) continue;
    const short = (v: string | undefined) => (v === undefined ? '—' : v.length <= 40 ? v : null);
    const [x, y] = [short(was), short(now)];
    out.push(x !== null && y !== null ? `${key}: ${x} → ${y}` : `${key} changed`);
  }
  return out;
}

/** Bookkeeping every write moves; the entry itself says who and when. */
const IGNORED = new Set(['version', 'updatedAt', 'updatedBy', 'createdAt']);

const parse = (json: string): Record<string, unknown> | null => {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
};
