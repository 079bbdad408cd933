import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPublicDestination, guardedFetch, OutboundRefusedError } from './outbound-guard.ts';

/** Loopback receivers: they stand for "something on our private network" an attacker would like us to call. */
let server: Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/redirect') {
      res.writeHead(302, { location: `${base}/secret` }).end();
    } else if (req.url === '/hang') {
      // never answers
    } else {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('guardedFetch', () => {
  it('refuses a loopback literal before any connection is made', async () => {
    hits.length = 0;
    await expect(
      guardedFetch(new URL(`${base}/`), { allowPrivate: false, timeoutMs: 2000 }),
    ).rejects.toBeInstanceOf(OutboundRefusedError);
    expect(hits).toEqual([]);
  });

  it('refuses a name resolving to loopback at connect time (the check lives in the socket lookup)', async () => {
    hits.length = 0;
    const { port } = server.address() as AddressInfo;
    const url = new URL(`http://localhost:${port}/`);
    await expect(assertPublicDestination(url, { allowPrivate: false })).rejects.toBeInstanceOf(
      OutboundRefusedError,
    );
    const err = await guardedFetch(url, { allowPrivate: false, timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutboundRefusedError);
    expect((err as OutboundRefusedError).reason).toMatch(/localhost resolves to/);
    expect(hits).toEqual([]);
  });

  it('calls a private receiver when allowed, and does not follow its redirect', async () => {
    hits.length = 0;
    const ok = await guardedFetch(new URL(`${base}/ok`), { allowPrivate: true, timeoutMs: 2000 });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('ok');
    const redirected = await guardedFetch(new URL(`${base}/redirect`), {
      allowPrivate: true,
      timeoutMs: 2000,
    });
    await redirected.body?.cancel();
    expect(redirected.status).toBe(302);
    expect(hits).toEqual(['/ok', '/redirect']);
  });

  it('gives up on a receiver that never answers at the deadline', async () => {
    const started = Date.now();
    await expect(
      guardedFetch(new URL(`${base}/hang`), { allowPrivate: true, timeoutMs: 300 }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
