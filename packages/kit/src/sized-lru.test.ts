import { describe, expect, it } from 'vitest';
import { SizedLru } from './sized-lru.ts';

const answer = (body: string | Buffer) => ({ body });
const sizeOf = (key: string, value: { body: string | Buffer }) => key.length + value.body.length;

describe('SizedLru', () => {
  it('drops the least recently used answers once over its size', () => {
    const store = new SizedLru(30, 30, sizeOf);
    store.set('a', answer('x'.repeat(9)));
    store.set('b', answer('x'.repeat(9)));
    store.get('a');
    store.set('c', answer('x'.repeat(9)));
    expect(store.usedSize).toBe(30);
    store.set('d', answer('x'.repeat(9)));
    expect(
      [store.get('a'), store.get('b'), store.get('c'), store.get('d')].map((e) => e !== undefined),
    ).toEqual([true, false, true, true]);
    expect(store.usedSize).toBe(30);
  });

  it('refuses an answer larger than one entry may be, and replaces one kept under the same key', () => {
    const store = new SizedLru(100, 10, sizeOf);
    store.set('a', answer('x'.repeat(20)));
    expect(store.size).toBe(0);
    store.set('a', answer('y'));
    store.set('a', answer('zz'));
    expect(store.get('a')?.body).toBe('zz');
    expect(store.usedSize).toBe(3);
    store.delete('a');
    expect(store.usedSize).toBe(0);
  });

  it('counts buffers by their bytes', () => {
    const store = new SizedLru(100, 100, sizeOf);
    store.set('k', answer(Buffer.alloc(40)));
    expect(store.usedSize).toBe(41);
  });
});
