/**
 * Reading untrusted JSON without trusting its shape: every accessor returns a typed value or a neutral default, so
 * a missing or mistyped optional field (incident.io pages drop many) never turns into a TypeError deep in a
 * parser. Required fields are checked by the parsers, which throw a FeedError naming them.
 */
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const obj = (v: unknown): Obj => (isObj(v) ? v : {});

export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Objects of an array, skipping anything else. */
export const objs = (v: unknown): Obj[] => arr(v).filter(isObj);

/** A string (numbers accepted: ids are ints in some feeds and strings in others), or null. */
export function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

export const num = (v: unknown): number | null => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};

/** Distinct non-empty strings, first occurrence order. */
export function distinct(values: Iterable<string | null | undefined>): string[] {
  const seen = new Set<string>();
  for (const v of values) if (v) seen.add(v);
  return [...seen];
}

/** `relative` resolved against `base`, or null when either is not a usable URL. */
export function safeUrl(relative: string, base?: string): string | null {
  try {
    return new URL(relative, base).href;
  } catch {
    return null;
  }
}
