import { fieldError } from './errors.ts';

/**
 * The most items one page may hold, in every domain and through every API (GraphQL `first`, REST `limit`). One
 * number, so a client that pages through one list pages through all of them the same way; 500 keeps a page one
 * pipelined read while letting the REST lists answer a whole status board at once.
 */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

/**
 * `first` as asked, or `fallback` when absent. Out of range is refused rather than clamped silently, so a client
 * learns its page is not what it asked for.
 */
export function pageSize(
  first: number | null | undefined,
  fallback = DEFAULT_PAGE_SIZE,
  field = 'first',
): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw fieldError(field, `must be from 1 to ${MAX_PAGE_SIZE}`);
  }
  return n;
}

/**
 * Cursors are opaque to clients (base64url of the position) so a domain can change how it pages without breaking
 * them. A domain that wants to check the position's shape does so on what `decodeCursor` returns.
 */
export const encodeCursor = (position: string): string => Buffer.from(position, 'utf8').toString('base64url');

/** The position inside a cursor; anything this API did not hand out is refused as VALIDATION on `field`. */
export function decodeCursor(cursor: string, field = 'after'): string {
  const position = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!position || encodeCursor(position) !== cursor) {
    throw fieldError(field, 'is not a cursor this API returned');
  }
  return position;
}

/** What a list service returns: each item with its own cursor, and where the next page starts. */
export interface Page<T> {
  items: { cursor: string; node: T }[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** A page of items whose cursor is a position read off each item (an id, a score), encoded. */
export function pageOf<T>(items: T[], hasNextPage: boolean, positionOf: (item: T) => string): Page<T> {
  const edges = items.map((node) => ({ cursor: encodeCursor(positionOf(node)), node }));
  return { items: edges, hasNextPage, endCursor: edges.at(-1)?.cursor ?? null };
}

/** The Relay connection shape every subgraph's list fields share: `edges`, `nodes`, `pageInfo`. */
export function toConnection<T>(page: Page<T>) {
  return {
    edges: page.items,
    nodes: page.items.map((i) => i.node),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
  };
}
