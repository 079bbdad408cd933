import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ok, TEST_INTERNAL_SECRET, TEST_REDIS_URL } from '@polystatus/kit/testing';
import { Pool } from 'undici';
import { loadCommsRestEnv } from '../rest-adapters/comms/src/config.ts';
import { buildCommsRestService } from '../rest-adapters/comms/src/server.ts';
import { startComms } from '../subgraphs/comms/src/testing/harness.ts';

/**
 * The public read path under load: `/api/v1/public/status` and `/api/v2/summary.json` served by the comms REST
 * adapter (from its in-memory snapshot) against a bare `node:http` server answering the very same bytes and
 * headers, in the same run, with 50 keep-alive connections sending `Accept-Encoding: gzip, br`. During each
 * adapter run a public update is published (a domain event), so the snapshot is re-rendered and swapped in while
 * it is being read; the figures count how many answers carried the new version. Goal: the adapter at least half
 * the bare server's throughput.
 *
 * BENCH_SECONDS (default 5) per case.
 */
const SECONDS = Number(process.env.BENCH_SECONDS) || 5;
const CONNECTIONS = 50;
const PATHS = ['/api/v1/public/status', '/api/v2/summary.json'];
const HEADERS = { 'accept-encoding': 'gzip, br' };

interface Result {
  requests: number;
  errors: number;
  rps: number;
  etags: Set<string>;
}

/** Closed loop: each connection sends the next request when the previous one answered. */
async function measure(
  origin: string,
  path: string,
  seconds: number,
  during?: () => Promise<void>,
): Promise<Result> {
  const pool = new Pool(origin, { connections: CONNECTIONS });
  const etags = new Set<string>();
  const loop = async (ms: number, count: boolean) => {
    let requests = 0;
    let errors = 0;
    const end = performance.now() + ms;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < end) {
          try {
            const res = await pool.request({ path, method: 'GET', headers: HEADERS });
            await res.body.arrayBuffer();
            if (res.statusCode !== 200) errors++;
            if (count) etags.add(String(res.headers.etag));
            requests++;
          } catch {
            errors++;
          }
        }
      }),
    );
    return { requests, errors };
  };
  await loop(1000, false); // warm-up
  const midway = during ? sleep((seconds * 1000) / 2).then(during) : Promise.resolve();
  const [{ requests, errors }] = await Promise.all([loop(seconds * 1000, true), midway]);
  await pool.close();
  return { requests, errors, rps: requests / seconds, etags };
}

/** A bare server answering one captured response, byte for byte, whatever the request. */
async function bareServer(body: Buffer, headers: Record<string, string>): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function run() {
  const comms = await startComms({ env: { COMMS_SCHEDULER_INTERVAL_MS: '60000' } });
  const rest = await buildCommsRestService(
    loadCommsRestEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: comms.prefix,
      POLYSTATUS_INTERNAL_SECRET: TEST_INTERNAL_SECRET,
      // Only the public read path is measured: it needs no gateway.
      GATEWAY_URL: 'http://127.0.0.1:9/graphql',
    }),
  );
  const bare: Server[] = [];
  try {
    // A page of realistic size: 3 groups of 5 components, 4 incidents with a few updates each.
    const groups = [];
    for (const name of ['Core', 'Data', 'Edge'])
      groups.push(
        ok(
          await comms.gql<{ createComponentGroup: { id: string } }>(
            `mutation($i: CreateComponentGroupInput!) { createComponentGroup(input: $i) { id } }`,
            { i: { name } },
          ),
        ).createComponentGroup.id,
      );
    const components: string[] = [];
    for (let i = 0; i < 15; i++)
      components.push(
        ok(
          await comms.gql<{ createComponent: { id: string } }>(
            `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
            { i: { name: `Service ${i}`, groupId: groups[i % 3], description: 'What customers use' } },
          ),
        ).createComponent.id,
      );
    const publish = (
      incidentId: string,
      state: string,
      message: string,
      componentId: string,
      status: string,
    ) =>
      comms.gql(
        `mutation($i: PublishAnnouncementInput!) { publishAnnouncement(input: $i) { id } }`,
        { i: { incidentId, state, message, impacts: [{ componentId, status }] } },
        { role: 'responder', id: 'bench' },
      );
    for (let n = 0; n < 4; n++) {
      const id = `INC-BENCH${n}`;
      comms.incidents.set({ id, title: `Elevated errors in region ${n}`, sev: 1 + n });
      for (const state of ['INVESTIGATING', 'IDENTIFIED', 'MONITORING'])
        ok(
          await publish(
            id,
            state,
            `Update on region ${n}: ${state.toLowerCase()}, more soon.`,
            components[n]!,
            'PARTIAL_OUTAGE',
          ),
        );
    }

    await rest.parts.app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(rest.parts.app.server.address() as AddressInfo).port}`;
    if (!(await rest.follower.ready())) throw new Error('the adapter received no snapshot');
    await sleep(300); // let the last rendering of the seeding arrive

    console.log(`${CONNECTIONS} connections, ${SECONDS} s per case, Accept-Encoding: gzip, br\n`);
    console.log(
      'path                      | bare node:http req/s | rest-comms req/s | ratio | versions seen | errors',
    );
    console.log(
      '------------------------- | -------------------- | ---------------- | ----- | ------------- | ------',
    );
    let round = 0;
    for (const path of PATHS) {
      const headers: Record<string, string> = {};
      // The raw bytes the adapter sends (br), and its headers: the bare server answers exactly these.
      const probe = new Pool(origin);
      const raw = await probe.request({ path, method: 'GET', headers: HEADERS });
      const rawBody = Buffer.from(await raw.body.arrayBuffer());
      await probe.close();
      for (const [k, v] of Object.entries(raw.headers))
        if (typeof v === 'string' && k !== 'date' && k !== 'connection' && k !== 'keep-alive') headers[k] = v;
      const server = await bareServer(rawBody, headers);
      bare.push(server);
      const bareOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

      const baseline = await measure(bareOrigin, path, SECONDS);
      // Midway, a domain event: a public update that changes this page, re-rendered and swapped in under load.
      const subject = await measure(origin, path, SECONDS, async () => {
        ok(
          await publish(
            'INC-BENCH0',
            'MONITORING',
            `Still monitoring (${++round}).`,
            components[0]!,
            'DEGRADED_PERFORMANCE',
          ),
        );
      });
      console.log(
        `${path.padEnd(25)} | ${baseline.rps.toFixed(0).padStart(20)} | ${subject.rps.toFixed(0).padStart(16)} | ${(subject.rps / baseline.rps).toFixed(2).padStart(5)} | ${String(subject.etags.size).padStart(13)} | ${subject.errors}`,
      );
      if (subject.etags.size < 2)
        console.log(`  warning: the invalidation did not reach ${path} during the run`);
    }
    console.log(
      '\nratio: rest-comms over the bare server (goal ≥ 0.5); versions seen ≥ 2 shows the mid-run invalidation.',
    );
  } finally {
    for (const s of bare) await new Promise((r) => s.close(r));
    await rest.close();
    await comms.close();
  }
}
