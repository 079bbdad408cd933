import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageOf, pageSize, toConnection } from './paging.ts';

const issueOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as DomainError).details;
  }
  throw new Error('expected a validation error');
};

describe('paging', () => {
  it('takes any page size from 1 to the one maximum, and the fallback when absent', () => {
    expect(MAX_PAGE_SIZE).toBe(500);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(500)).toBe(500);
    expect(pageSize(null)).toBe(50);
    expect(pageSize(undefined, 100)).toBe(100);
  });

  it.each([0, -1, 501, 2.5])('refuses first = %s, naming the field', (n) => {
    expect(issueOf(() => pageSize(n))).toEqual([{ field: 'first', issue: 'must be from 1 to 500' }]);
  });

  it('round-trips cursors and refuses ones it did not make', () => {
    const c = encodeCursor('v1:42');
    expect(c).not.toContain('42');
    expect(decodeCursor(c)).toBe('v1:42');
    for (const bad of ['', '!!!', `${c}$`, 'dGVzdA=']) {
      expect(() => decodeCursor(bad)).toThrow(DomainError);
    }
    expect(issueOf(() => decodeCursor('%%', 'cursor'))).toEqual([
      { field: 'cursor', issue: 'is not a cursor this API returned' },
    ]);
  });

  it('builds a page and its connection, with the last item as the end cursor', () => {
    const page = pageOf([{ id: 'a' }, { id: 'b' }], true, (x) => x.id);
    expect(page.endCursor).toBe(encodeCursor('b'));
    expect(toConnection(page)).toEqual({
      edges: [
        { cursor: encodeCursor('a'), node: { id: 'a' } },
        { cursor: encodeCursor('b'), node: { id: 'b' } },
      ],
      nodes: [{ id: 'a' }, { id: 'b' }],
      pageInfo: { hasNextPage: true, endCursor: encodeCursor('b') },
    });
    expect(pageOf([], false, String).endCursor).toBeNull();
  });
});
