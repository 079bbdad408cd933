import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSealer } from '@polystatus/kit';
import { codeOf, fieldsOf, ok, testRedis } from '@polystatus/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commsKeys } from '../keys.ts';
import { NotifyWebhookStore } from '../store/notify-webhook-store.ts';
import { type CommsHarness, startComms } from '../testing/harness.ts';

/**
 * The notification side through the comms subgraph's GraphQL: who may call what, the field named by each refusal,
 * the secret shown once, the delivery log's pages. Private networks are NOT allowed here (the production
 * default), so the refusal of loopback webhook targets is proven with the guard on.
 */

const SUBSCRIBE = `mutation($input: SubscribeEmailInput!) { subscribeEmail(input: $input) { accepted } }`;
const CONFIRM = `mutation($token: String!) {
  confirmEmailSubscription(token: $token) { id email componentIds confirmedAt }
}`;
const UNSUBSCRIBE = `mutation($token: String!) { unsubscribeEmail(token: $token) }`;
const CREATE_HOOK = `mutation($url: String!) {
  createWebhookEndpoint(input: { url: $url }) { secret endpoint { id url status createdById } }
}`;
const ENDPOINTS = `{ webhookEndpoints { id url status disabledReason } }`;
const DELIVERIES = `query($id: ID!, $first: Int, $after: String) {
  webhookEndpoint(id: $id) {
    deliveries(first: $first, after: $after) {
      nodes { id attempt statusCode outcome manual messageId }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

const anonymous = { kind: 'anonymous' as const, ip: '203.0.113.7' };
const viewer = { role: 'viewer' as const, id: 'u-viewer' };
/** A public address written as a literal: accepted by the guard with no DNS lookup (nothing is sent to it). */
const PUBLIC_URL = 'http://93.184.215.14/polystatus';

let comms: CommsHarness;
let outbox: string;
const redis = testRedis();

beforeAll(async () => {
  outbox = await mkdtemp(join(tmpdir(), 'comms-outbox-'));
  comms = await startComms({
    env: {
      POLYSTATUS_ALLOW_PRIVATE_NETWORK: 'false',
      NOTIFY_OUTBOX_DIR: outbox,
      NOTIFY_POLL_MS: '50',
      COMMS_PAGE_URL: 'https://status.example.com',
    },
  });
});

afterAll(async () => {
  await comms.close();
  redis.disconnect();
  await rm(outbox, { recursive: true, force: true });
});

async function mailTo(address: string): Promise<string> {
  const until = Date.now() + 10_000;
  for (;;) {
    for (const name of await readdir(outbox)) {
      const raw = await readFile(join(outbox, name), 'utf8');
      if (raw.includes(`To: ${address}`)) return raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    }
    if (Date.now() > until) throw new Error(`no mail to ${address} in the outbox`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const tokenIn = (mail: string, path: string) =>
  decodeURIComponent(new RegExp(`${path}\\?token=([^\\s>"]+)`).exec(mail)![1]!);

describe('email subscriptions (public)', () => {
  it('subscribes anonymously, confirms and unsubscribes with the tokens of the mail', async () => {
    const input = { email: 'reader@example.com', componentIds: ['cmp-api'] };
    expect(ok(await comms.gql(SUBSCRIBE, { input }, anonymous))).toEqual({
      subscribeEmail: { accepted: true },
    });

    const mail = await mailTo('reader@example.com');
    const confirmToken = tokenIn(mail, '/api/v1/subscriptions/email/confirm');
    const confirmed = ok(
      await comms.gql<{
        confirmEmailSubscription: { email: string; componentIds: string[]; confirmedAt: string };
      }>(CONFIRM, { token: confirmToken }, anonymous),
    ).confirmEmailSubscription;
    expect(confirmed).toMatchObject({ email: 'reader@example.com', componentIds: ['cmp-api'] });
    expect(Date.parse(confirmed.confirmedAt)).toBeGreaterThan(0);

    const unsubscribeToken = tokenIn(mail, '/api/v1/subscriptions/email/unsubscribe');
    expect(ok(await comms.gql(UNSUBSCRIBE, { token: unsubscribeToken }, anonymous))).toEqual({
      unsubscribeEmail: true,
    });
    // The link stays harmless when followed again; the confirmation link is dead once the address is gone.
    expect(ok(await comms.gql(UNSUBSCRIBE, { token: unsubscribeToken }, anonymous)).unsubscribeEmail).toBe(
      true,
    );
    expect(fieldsOf(await comms.gql(CONFIRM, { token: confirmToken }, anonymous))).toEqual(['token']);
  });

  it('names the field of a bad address, a forged token, and refuses a confirmation token as an unsubscribe one', async () => {
    const bad = await comms.gql(SUBSCRIBE, { input: { email: 'nobody' } }, anonymous);
    expect([codeOf(bad), fieldsOf(bad)]).toEqual(['VALIDATION', ['email']]);
    expect(fieldsOf(await comms.gql(CONFIRM, { token: 'forged.token' }, anonymous))).toEqual(['token']);

    await comms.gql(SUBSCRIBE, { input: { email: 'other@example.com' } }, anonymous);
    const confirmToken = tokenIn(await mailTo('other@example.com'), '/api/v1/subscriptions/email/confirm');
    expect(fieldsOf(await comms.gql(UNSUBSCRIBE, { token: confirmToken }, anonymous))).toEqual(['token']);
  });
});

describe('webhook endpoints (managers)', () => {
  it('refuses callers below manager before anything is checked or stored', async () => {
    expect(codeOf(await comms.gql(CREATE_HOOK, { url: PUBLIC_URL }, anonymous))).toBe('UNAUTHENTICATED');
    expect(codeOf(await comms.gql(CREATE_HOOK, { url: PUBLIC_URL }, viewer))).toBe('FORBIDDEN');
    expect(codeOf(await comms.gql(ENDPOINTS, {}, viewer))).toBe('FORBIDDEN');
  });

  it('refuses loopback, private and malformed URLs naming `url`', async () => {
    for (const url of [
      'http://127.0.0.1:6379/',
      'http://10.1.2.3/hook',
      'http://[::1]/',
      'ftp://example.com/',
    ]) {
      const reply = await comms.gql(CREATE_HOOK, { url });
      expect([url, codeOf(reply), fieldsOf(reply)]).toEqual([url, 'VALIDATION', ['url']]);
    }
  });

  it('shows the secret once, rotates it, disables, pages the delivery log and deletes', async () => {
    const created = ok(
      await comms.gql<{
        createWebhookEndpoint: { secret: string; endpoint: { id: string; createdById: string } };
      }>(CREATE_HOOK, { url: PUBLIC_URL }),
    ).createWebhookEndpoint;
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32,}$/);
    expect(created.endpoint.createdById).toBe('u-manager');
    const id = created.endpoint.id;
    // The secret is nowhere in Redis in clear.
    const stored = await redis.hgetall(commsKeys(comms.prefix).notifyWebhook(id));
    expect(JSON.stringify(stored)).not.toContain(created.secret.slice('whsec_'.length));

    const rotated = ok(
      await comms.gql<{ rotateWebhookSecret: { secret: string; previousValidUntil: string } }>(
        `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret previousValidUntil } }`,
        { id },
      ),
    ).rotateWebhookSecret;
    expect(rotated.secret).not.toBe(created.secret);
    expect(Date.parse(rotated.previousValidUntil)).toBeGreaterThan(Date.now());

    const disabled = ok(
      await comms.gql<{ setWebhookEnabled: { status: string; disabledReason: string } }>(
        `mutation($id: ID!) { setWebhookEnabled(id: $id, enabled: false) { status disabledReason } }`,
        { id },
      ),
    ).setWebhookEnabled;
    expect(disabled).toEqual({ status: 'DISABLED', disabledReason: 'disabled by a manager' });

    // Three attempts in the log, written as the delivery worker writes them.
    const log = new NotifyWebhookStore(
      redis,
      commsKeys(comms.prefix),
      createSealer('unused here: the log holds no secret', { salt: 's', info: 'i' }),
      { logMaxLen: 100, messageTtlMs: 60_000 },
    );
    for (const [attempt, statusCode] of [
      [1, 500],
      [2, 500],
      [3, 204],
    ] as const) {
      await log.log(id, {
        at: Date.now(),
        messageId: 'msg_1',
        eventType: 'incident.update',
        attempt,
        statusCode,
        latencyMs: 5,
        outcome: statusCode === 204 ? 'delivered' : 'retrying',
        error: statusCode === 204 ? null : `HTTP ${statusCode}`,
        manual: false,
      });
    }
    type Deliveries = {
      webhookEndpoint: {
        deliveries: {
          nodes: { attempt: number; outcome: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
    };
    const first = ok(await comms.gql<Deliveries>(DELIVERIES, { id, first: 2 })).webhookEndpoint.deliveries;
    expect(first.nodes.map((n) => [n.attempt, n.outcome])).toEqual([
      [3, 'DELIVERED'],
      [2, 'RETRYING'],
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = ok(
      await comms.gql<Deliveries>(DELIVERIES, { id, first: 2, after: first.pageInfo.endCursor }),
    ).webhookEndpoint.deliveries;
    expect(rest.nodes.map((n) => n.attempt)).toEqual([1]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(fieldsOf(await comms.gql(DELIVERIES, { id, after: 'bm90LWEtY3Vyc29y' }))).toEqual(['after']);

    expect(
      codeOf(
        await comms.gql(
          `mutation($id: ID!) { redeliverWebhookMessage(endpointId: $id, messageId: "msg_gone") }`,
          {
            id,
          },
        ),
      ),
    ).toBe('NOT_FOUND');

    const remove = `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`;
    expect(ok(await comms.gql(remove, { id })).deleteWebhookEndpoint).toBe(true);
    expect(ok(await comms.gql(remove, { id })).deleteWebhookEndpoint).toBe(false);
    expect(ok(await comms.gql<{ webhookEndpoints: unknown[] }>(ENDPOINTS)).webhookEndpoints).toEqual([]);
  });
});
