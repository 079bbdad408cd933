import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deletePrefix, testRedis } from '@polystatus/kit/testing';
import { catalogFor } from '../subgraphs/csp/src/domain/catalog.ts';
import { fixture } from '../subgraphs/csp/src/formats/testing/fixtures.ts';
import { startFeedServer } from '../subgraphs/csp/src/testing/feed-server.ts';
import { story } from './demo/story.ts';

/**
 * `npm run demo`: the whole platform offline, watching a local status-page simulator instead of the internet.
 * The simulator serves the real captures for every catalog provider (../shared/fixtures/csp) and plays a scripted
 * outage across AWS and Atlassian (which runs on AWS); the csp service, its catalog pointed at the simulator,
 * polls every 10 s, opens incidents, copies the upstream updates to their timelines and links the two outages in
 * the cause-and-effect graph. Runs under a Redis key prefix of its own, deleted on exit. Ctrl-C stops it.
 *
 *   DEMO_STEP_SECONDS  seconds between two steps of the story (default 25)
 */
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const STEP_MS = Number(process.env.DEMO_STEP_SECONDS ?? 25) * 1000;
const prefix = `psdemo-${Date.now().toString(36)}`;
const admin = { email: 'demo-admin@polystatus.test', password: `demo-${randomBytes(6).toString('hex')}` };
const GATEWAY = `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 4000}/graphql`;

/** The real captures each catalog provider answers with, where the story does not speak for it. */
const CAPTURES: Record<string, string> = {
  cloudflare: 'statuspage/cloudamqp-summary-2020-07-16-maintenance.json',
  github: 'statuspage/github-summary-2022-11-25-active-incident.json',
  gcp: 'gcp/incidents-2022-07-19-active-low-severity.json',
  gitlab: 'gitlab/statusio-status-2023-06-29.json',
  docker: 'docker/statusio-status-2020-07-16-partial-disruption.json',
  slack: 'slack/current-2020-07-30-active.json',
};

const say = (text: string) => process.stdout.write(`\x1b[1mdemo\x1b[0m           │ ${text}\n`);

async function gql(query: string, token?: string) {
  const res = await fetch(GATEWAY, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
}

async function waitForGateway(launcher: ChildProcess) {
  for (;;) {
    if (launcher.exitCode !== null) throw new Error('the platform did not start');
    const ok = await gql('{ __typename }').then(
      (r) => !!r.data,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function summarize() {
  const login = await gql(
    `mutation { login(email: "${admin.email}", password: "${admin.password}") { accessToken } }`,
  );
  const token = (login.data?.login as { accessToken: string } | undefined)?.accessToken;
  const graph = await gql(
    '{ cspCauseGraph { edges { fromId toId kind confidence evidence { sharedRegions overlapSeconds } } } incidents(filter: { source: CSP }) { nodes { id title sev status } } }',
    token,
  );
  say(`cause and effect: ${JSON.stringify(graph.data?.cspCauseGraph)}`);
  say(`incidents opened from providers: ${JSON.stringify(graph.data?.incidents)}`);
}

const sim = await startFeedServer();
for (const entry of catalogFor(sim.url)) {
  const path = new URL(entry.feedUrl).pathname;
  const capture = CAPTURES[entry.name];
  if (capture) sim.set(path, { body: fixture(capture) });
}
const paths = Object.fromEntries(catalogFor(sim.url).map((e) => [e.name, new URL(e.feedUrl).pathname]));
const steps = story(Date.now());
const play = (i: number) => {
  const step = steps[i]!;
  if (step.aws) sim.set(paths.aws!, { body: JSON.stringify(step.aws) });
  if (step.atlassian) sim.set(paths.atlassian!, { body: JSON.stringify(step.atlassian) });
  say(`step ${i + 1}/${steps.length}: ${step.narration}`);
};
play(0);

say(`status-page simulator at ${sim.url}; Redis key prefix ${prefix}`);
say(`sign in as ${admin.email} / ${admin.password} (GraphQL at ${GATEWAY}, web app on :3000 when present)`);
const launcher = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    REDIS_KEY_PREFIX: prefix,
    CSP_CATALOG: sim.url,
    CSP_CATALOG_INTERVAL_SECONDS: '10',
    CSP_TICK_MS: '500',
    POLYSTATUS_ALLOW_PRIVATE_NETWORK: 'true',
    POLYSTATUS_ADMIN_EMAIL: admin.email,
    POLYSTATUS_ADMIN_PASSWORD: admin.password,
  },
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  launcher.kill('SIGTERM');
  await new Promise((r) => launcher.once('exit', r));
  await sim.close();
  const redis = testRedis();
  await deletePrefix(redis, prefix);
  await redis.quit();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
launcher.on('exit', () => void stop());

await waitForGateway(launcher);
say('the platform is up; the story starts');
for (let i = 1; i < steps.length && !stopping; i++) {
  await new Promise((r) => setTimeout(r, STEP_MS));
  play(i);
}
await new Promise((r) => setTimeout(r, 15_000));
if (!stopping) await summarize();
say('the story is over; the platform keeps running until Ctrl-C');
