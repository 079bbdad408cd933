import { fieldError } from '@polystatus/kit';

/**
 * Cursors are opaque to clients (base64url of the position) so the paging scheme can change without breaking them.
 */
export const encodeCursor = (position: string): string => Buffer.from(position, 'utf8').toString('base64url');

export function decodeCursor(cursor: string, field = 'after'): string {
  const position = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!position || encodeCursor(position) !== cursor)
    throw fieldError(field, 'is not a cursor this API returned');
  return position;
}

export const MAX_PAGE = 200;

export function pageSize(first: number | null | undefined, fallback = 50, field = 'first'): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE)
    throw fieldError(field, `must be between 1 and ${MAX_PAGE}`);
  return n;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  endCursor: string | null;
}
