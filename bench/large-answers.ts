import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { cpuSeconds } from './support/process-cpu.ts';

/**
 * Why large answers leave as Buffers (packages/kit/src/http/compression.ts, LARGE_STRING_BYTES): a bare
 * `node:http` server answering the same JSON text as a string or as a Buffer, at 128 KB and 195 KB (the REST
 * list of 500 incidents), 10 keep-alive connections, the server's CPU per answer read from /proc. The server runs
 * in this process; the client's CPU is counted with it, so the figure is per answer for both ends, and the
 * difference between the two rows is the server's string handling.
 */
const SECONDS = Number(process.env.BENCH_SECONDS) || 3;
const CONNECTIONS = 10;

function body(items: number): string {
  const item = JSON.stringify({
    id: 'INC-0000000001',
    title: 'Seeded incident 1 in region 1',
    sev: 2,
    services: ['svc-1'],
    summary: 'Customers report elevated error rates',
    status: 'open',
    started_at: 1_700_000_000,
    updated_at: 1_700_000_000,
    commander: null,
    version: 1,
  });
  return `[${Array.from({ length: items }, () => item).join(',')}]`;
}

async function measure(payload: string | Buffer): Promise<{ rps: number; cpuMs: number }> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: CONNECTIONS });
  let answers = 0;
  const end = Date.now() + SECONDS * 1000;
  const before = cpuSeconds(process.pid) ?? 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const res = await pool.request({ path: '/', method: 'GET' });
        for await (const _ of res.body) {
          // Read and dropped: the client keeps nothing.
        }
        answers++;
      }
    }),
  );
  const used = (cpuSeconds(process.pid) ?? 0) - before;
  await pool.close();
  await new Promise((resolve) => server.close(resolve));
  return { rps: answers / SECONDS, cpuMs: (used * 1000) / answers };
}

export async function run(): Promise<void> {
  for (const items of [500, 760]) {
    const text = body(items);
    const bytes = Buffer.from(text);
    const asString = await measure(text);
    const asBuffer = await measure(bytes);
    console.log(
      `${(bytes.length / 1024).toFixed(0)} KB: string ${asString.rps.toFixed(0)} answers/s, ${asString.cpuMs.toFixed(2)} ms CPU each; ` +
        `Buffer ${asBuffer.rps.toFixed(0)} answers/s, ${asBuffer.cpuMs.toFixed(2)} ms CPU each (string / Buffer CPU = ${(asString.cpuMs / asBuffer.cpuMs).toFixed(1)})`,
    );
  }
}
