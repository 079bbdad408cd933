import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startStack } from '../e2e/support/stack.ts';

/**
 * Realtime fan-out on the real platform (the launcher's processes: users, incidents, gateway with its realtime
 * server, Redis; free ports, a key prefix of its own, real sessions).
 * BENCH_SUBSCRIBERS (default 1000) graphql-ws sockets subscribed to one incident's timeline,
 * BENCH_SELECTIONS (default 4) distinct selections among them, all asking for federated fields (the commander's
 * name and email come from the users subgraph). BENCH_EVENTS (default 100) notes are added one after another
 * through the gateway; each waits until every subscriber has it.
 *
 * Latency is from sending the mutation to a subscriber receiving the event, so it includes the write itself.
 * Baseline: the same events to a single subscriber, measured first in the same run. Hydration queries per event
 * come from the gateway's `realtime_hydrations_total`; they must equal the number of distinct selections.
 *
 * The clients run in a child process: on a real deployment they are elsewhere, and sharing the server's event
 * loop would charge their JSON parsing to the server.
 */
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS) || 1000;
const SELECTIONS = Number(process.env.BENCH_SELECTIONS) || 4;
const EVENTS = Number(process.env.BENCH_EVENTS) || 100;
const BASELINE_EVENTS = 30;
const WARMUP = 5;

const SELECTION_VARIANTS = [
  'cursor event { message at } incident { title commander { name email } }',
  'cursor event { type message author { name } } incident { status }',
  'cursor incident { id sev commander { name } }',
  'cursor event { id system } incident { title status commander { email } }',
  'cursor event { message } incident { summary }',
  'cursor event { type } incident { services }',
];

const selectionFor = (i: number) => SELECTION_VARIANTS[i % Math.min(SELECTIONS, SELECTION_VARIANTS.length)]!;
const subscription = (i: number) =>
  `subscription Wallboard($id: ID!) { incidentTimeline(incidentId: $id) { ${selectionFor(i)} } }`;

// ---------------------------------------------------------------------------------------------------------------
// Child process: the subscribers.

interface ClientsInput {
  url: string;
  token: string;
  incidentId: string;
  count: number;
}

type ToMain =
  | { kind: 'delivered'; cursor: string; at: number[] }
  | { kind: 'error'; message: string }
  | { kind: 'closed' };

const CLIENTS_FLAG = '--realtime-clients';

function runClients({ url, token, incidentId, count }: ClientsInput): void {
  const port = { postMessage: (m: ToMain) => process.send!(m) };
  const received = new Map<string, number[]>();
  const clients: Client[] = [];
  for (let i = 0; i < count; i++) {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
      onNonLazyError: (err) => port.postMessage({ kind: 'error', message: String(err) } satisfies ToMain),
    });
    clients.push(client);
    client.subscribe<{ incidentTimeline: { cursor: string } }>(
      { query: subscription(i), variables: { id: incidentId } },
      {
        next: (result) => {
          const at = performance.timeOrigin + performance.now();
          const cursor = result.data?.incidentTimeline.cursor;
          if (!cursor || result.errors) {
            port.postMessage({ kind: 'error', message: JSON.stringify(result.errors) } satisfies ToMain);
            return;
          }
          const times = received.get(cursor) ?? [];
          times.push(at);
          received.set(cursor, times);
          if (times.length === count) {
            received.delete(cursor);
            port.postMessage({ kind: 'delivered', cursor, at: times } satisfies ToMain);
          }
        },
        error: (err) => port.postMessage({ kind: 'error', message: JSON.stringify(err) } satisfies ToMain),
        complete: () => {},
      },
    );
  }
  process.on('message', async (msg: { kind: string }) => {
    if (msg.kind !== 'close') return;
    await Promise.all(clients.map((c) => c.dispose()));
    port.postMessage({ kind: 'closed' } satisfies ToMain);
  });
}

if (process.argv.includes(CLIENTS_FLAG)) {
  process.once('message', (input: ClientsInput) => runClients(input));
}

// ---------------------------------------------------------------------------------------------------------------
// Main: the stack, the writes, the figures.

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (v: number) => `${v.toFixed(1)} ms`;

class Subscribers {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<string, (at: number[]) => void>();
  private readonly early = new Map<string, number[]>();
  errors: string[] = [];

  constructor(input: ClientsInput) {
    this.child = fork(fileURLToPath(import.meta.url), [CLIENTS_FLAG], { execArgv: ['--import', 'tsx'] });
    this.child.send(input);
    this.child.on('message', (msg: ToMain) => {
      if (msg.kind === 'error') this.errors.push(msg.message);
      if (msg.kind !== 'delivered') return;
      const waiter = this.waiting.get(msg.cursor);
      if (waiter) {
        this.waiting.delete(msg.cursor);
        waiter(msg.at);
      } else this.early.set(msg.cursor, msg.at);
    });
  }

  /** Receive times of `cursor` at every subscriber. */
  delivered(cursor: string, timeoutMs = 10_000): Promise<number[]> {
    const early = this.early.get(cursor);
    if (early) {
      this.early.delete(cursor);
      return Promise.resolve(early);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `event ${cursor} not delivered to everyone in ${timeoutMs} ms; ${this.errors[0] ?? ''}`,
            ),
          ),
        timeoutMs,
      );
      this.waiting.set(cursor, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    const closed = new Promise<void>((resolve) =>
      this.child.on('message', (m: ToMain) => {
        if (m.kind === 'closed') resolve();
      }),
    );
    this.child.send({ kind: 'close' });
    await Promise.race([closed, new Promise((r) => setTimeout(r, 5000))]);
    this.child.kill();
    await exited;
  }
}

export async function run(): Promise<void> {
  // Every simulated wallboard connects from this one machine: lift the per-address socket caps (issue 17) that
  // would rightly refuse a thousand sockets from one real client.
  const sockets = String(SUBSCRIBERS + 10);
  const stack = await startStack({
    env: {
      RATE_LIMIT_PER_SECOND: '0',
      REALTIME_MAX_SOCKETS_PER_ADDRESS: sockets,
      REALTIME_CONNECT_BURST: sockets,
    },
  });
  try {
    const gql = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
      const res = await fetch(stack.graphqlUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: unknown };
      if (!body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const metric = async (name: string): Promise<number> => {
      const text = await (await fetch(`${stack.urls.gateway}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
      return line ? Number(line.split(' ').at(-1)) : 0;
    };
    const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
    const login = async (e: string, p: string) =>
      (await gql<{ login: { accessToken: string } }>(LOGIN, { e, p })).login.accessToken;
    const createUser = (input: Record<string, unknown>) =>
      gql<{ createUser: { id: string } }>(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        { i: input },
        admin,
      );

    // Real sessions: the wallboards sign in as one viewer; the admin writes.
    const admin = await login(stack.admin.email, stack.admin.password);
    const tag = stack.keyPrefix.split(':').at(-1);
    const viewer = {
      email: `wallboard-${tag}@bench.polystatus.test`,
      password: `bench-${tag}-wallboard-password`,
    };
    await createUser({ name: 'Wallboard', email: viewer.email, role: 'VIEWER', password: viewer.password });
    const viewerToken = await login(viewer.email, viewer.password);
    const commander = await createUser({
      name: 'Bench Commander',
      email: `cmd-${tag}@bench.polystatus.test`,
      role: 'RESPONDER',
    });

    // The incident every wallboard watches, with a commander from the users domain.
    const { createIncident } = await gql<{ createIncident: { id: string } }>(
      'mutation($i: CreateIncidentInput!) { createIncident(input: $i) { id } }',
      { i: { title: 'Wallboard benchmark', sev: 1, services: ['checkout'] } },
      admin,
    );
    await gql(
      'mutation($id: ID!, $c: ID!) { assignCommander(id: $id, commanderId: $c) { id } }',
      { id: createIncident.id, c: commander.createUser.id },
      admin,
    );
    const addNote = async (n: number) =>
      (
        await gql<{ addTimelineEvent: { id: string } }>(
          'mutation($id: ID!, $i: TimelineNoteInput!) { addTimelineEvent(incidentId: $id, input: $i) { id } }',
          { id: createIncident.id, i: { type: 'UPDATE', message: `update ${n}` } },
          admin,
        )
      ).addTimelineEvent.id;

    /** Opens `count` subscribers, sends `events` notes one by one, returns every latency and the hydrations. */
    const phase = async (count: number, events: number) => {
      const subs = new Subscribers({
        url: stack.graphqlUrl.replace('http', 'ws'),
        token: viewerToken,
        incidentId: createIncident.id,
        count,
      });
      try {
        const deadline = Date.now() + 60_000;
        while ((await metric('realtime_subscriptions')) < count) {
          if (Date.now() > deadline)
            throw new Error(`only ${await metric('realtime_subscriptions')} subscribed`);
          if (subs.errors.length) throw new Error(subs.errors[0]);
          await new Promise((r) => setTimeout(r, 100));
        }
        for (let i = 0; i < WARMUP; i++) await subs.delivered(await addNote(-i));
        const hydrationsBefore = await metric('realtime_hydrations_total');
        const latencies: number[] = [];
        for (let i = 0; i < events; i++) {
          const sent = performance.timeOrigin + performance.now();
          const cursor = await addNote(i);
          for (const at of await subs.delivered(cursor)) latencies.push(at - sent);
        }
        const hydrations = (await metric('realtime_hydrations_total')) - hydrationsBefore;
        return { latencies: latencies.sort((a, b) => a - b), hydrationsPerEvent: hydrations / events };
      } finally {
        await subs.close();
      }
    };

    const baseline = await phase(1, BASELINE_EVENTS);
    const fanout = await phase(SUBSCRIBERS, EVENTS);
    const distinct = Math.min(SELECTIONS, SELECTION_VARIANTS.length);
    const row = (label: string, r: typeof baseline, subscribers: number) =>
      `| ${label} | ${subscribers} | ${ms(quantile(r.latencies, 0.5))} | ${ms(quantile(r.latencies, 0.99))} | ${ms(r.latencies.at(-1)!)} | ${r.hydrationsPerEvent.toFixed(2)} |`;
    console.log(
      `${EVENTS} timeline events on one incident; ${distinct} distinct selections; latency = mutation sent → event received\n`,
    );
    console.log('| case | subscribers | p50 | p99 | max | hydration queries / event |');
    console.log('|---|---:|---:|---:|---:|---:|');
    console.log(row('baseline: one subscriber', baseline, 1));
    console.log(row('fan-out', fanout, SUBSCRIBERS));
    const p99 = quantile(fanout.latencies, 0.99);
    console.log(
      `\np99 ratio fan-out / baseline: ${(p99 / quantile(baseline.latencies, 0.99)).toFixed(2)}x; ` +
        `target p99 < 100 ms: ${p99 < 100 ? 'met' : 'MISSED'}`,
    );
    console.log(
      `hydration queries per event: ${fanout.hydrationsPerEvent} for ${distinct} distinct selections and ${SUBSCRIBERS} ` +
        `subscribers: ${fanout.hydrationsPerEvent === distinct ? 'one per selection' : 'NOT one per selection'}`,
    );
  } finally {
    await stack.stop();
  }
}

if (
  !process.argv.includes(CLIENTS_FLAG) &&
  process.argv[1] &&
  fileURLToPath(import.meta.url) === process.argv[1]
) {
  await run();
}
