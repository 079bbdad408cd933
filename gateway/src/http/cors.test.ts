import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { parseOrigins, registerCors } from './cors.ts';

async function app() {
  const a = Fastify();
  registerCors(a, parseOrigins('http://localhost:3000, https://status.example.com'));
  a.post('/graphql', async () => ({ ok: true }));
  await a.ready();
  return a;
}

describe('CORS', () => {
  it('answers a preflight from a listed origin without authentication', async () => {
    const res = await (await app()).inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(res.headers['access-control-allow-headers']).toContain('authorization');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('marks responses to a listed origin and ignores others', async () => {
    const a = await app();
    const listed = await a.inject({
      method: 'POST',
      url: '/graphql',
      headers: { origin: 'https://status.example.com' },
    });
    expect(listed.headers['access-control-allow-origin']).toBe('https://status.example.com');
    expect(listed.headers.vary).toContain('Origin');
    const other = await a.inject({
      method: 'POST',
      url: '/graphql',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses entries that are not origins', () => {
    expect(() => parseOrigins('http://localhost:3000/app')).toThrow(/not an origin/);
    expect(parseOrigins('')).toEqual(new Set());
  });
});
