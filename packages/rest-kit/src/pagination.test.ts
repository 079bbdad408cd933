import { describe, expect, it } from 'vitest';
import { nextPageHeaders } from './pagination.ts';

describe('nextPageHeaders', () => {
  it('announces the next page with every current filter and the new cursor', () => {
    const headers = nextPageHeaders(
      '/api/v1/things',
      { status: 'open', tag: ['a', 'b'], cursor: 'old', q: undefined },
      'cursor',
      'n/2',
    );
    expect(headers).toEqual({
      link: '</api/v1/things?status=open&tag=a&tag=b&cursor=n%2F2>; rel="next"',
      'x-next-cursor': 'n/2',
    });
  });

  it('sends nothing on the last page', () => {
    expect(nextPageHeaders('/x', { a: 1 }, 'cursor', null)).toEqual({});
  });
});
