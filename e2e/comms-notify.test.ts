import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec } from '@polystatus/rest-kit';
import { responseChecker } from '@polystatus/rest-kit/testing';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin } from '../bench/support/graphql.ts';
import { COMMS_SWAGGER } from '../rest-adapters/comms/src/server.ts';
import { call, fieldsOf, graphql, type HttpAnswer, type Json } from './support/http.ts';
import { type Stack, startStack } from './support/stack.ts';

/**
 * The comms notification routes through the whole stack (launcher, gateway, comms subgraph and its workers, the
 * REST adapter): the two reference routes valid and invalid, double opt-in through the development outbox,
 * RFC 8058 one-click unsubscribe, and a public update delivered to a real local receiver that verifies the
 * Standard Webhooks signature. Every answer is checked against swaggers/comms.yaml. The stack allows private
 * networks (the receiver is on 127.0.0.1); the refusal of private targets with the guard on is proven in
 * subgraphs/comms/src/notify/notify-graphql.int.test.ts.
 */

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

let stack: Stack;
let outbox: string;
let token = '';
let rest = '';
let receiver: Server;
let receiverUrl = '';
const deliveries: Delivery[] = [];
const check = responseChecker(loadSpec(COMMS_SWAGGER));

beforeAll(async () => {
  outbox = await mkdtemp(join(tmpdir(), 'e2e-comms-outbox-'));
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/polystatus`;
  stack = await startStack({
    env: { RATE_LIMIT_PER_SECOND: '0', NOTIFY_OUTBOX_DIR: outbox, NOTIFY_POLL_MS: '100' },
  });
  const session = await loginAdmin(stack);
  token = session.auth.authorization!.slice('Bearer '.length);
  rest = stack.urls['rest-comms']!;
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  receiver?.closeAllConnections();
  receiver?.close();
  await rm(outbox, { recursive: true, force: true });
});

const documented = (operationId: string, answer: HttpAnswer) => {
  expect(check(operationId, answer.status, answer.body)).toEqual([]);
  return answer;
};

async function eventually<T>(what: string, read: () => Promise<T | undefined> | T | undefined, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${stack.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The mail to `address` in the outbox, with its quoted-printable soft breaks undone. */
const mailTo = (address: string) =>
  eventually(`a mail to ${address}`, async () => {
    for (const name of await readdir(outbox)) {
      const raw = await readFile(join(outbox, name), 'utf8');
      // Nodemailer writes the domain in lower case (it normalises it for IDN), so the match ignores case.
      if (raw.toLowerCase().includes(`to: ${address.toLowerCase()}`))
        return raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    }
    return undefined;
  }).catch(async (err: Error) => {
    const names = await readdir(outbox);
    const heads = await Promise.all(
      names.map(async (n) => (await readFile(join(outbox, n), 'utf8')).slice(0, 300)),
    );
    throw new Error(`${err.message}\noutbox: ${JSON.stringify(heads)}`);
  });
const linkIn = (mail: string, path: string) => new RegExp(`${path}\\?token=([^\\s>"]+)`).exec(mail)![1]!;

describe('email subscriptions', () => {
  it('POST /api/v1/subscriptions/email: 201 for an address, 400 naming the field otherwise', async () => {
    const ok = documented(
      'subscribeEmail',
      await call('POST', `${rest}/api/v1/subscriptions/email`, { body: { email: 'Reader@Example.com' } }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ email: 'Reader@Example.com', status: 'pending_confirmation' });
    // Again at once: the same quiet 201, and no second mail (checked below).
    const again = await call('POST', `${rest}/api/v1/subscriptions/email`, {
      body: { email: 'reader@example.com' },
    });
    expect(again.status).toBe(201);

    for (const body of [
      { email: 'not-an-address' },
      { email: '' },
      {},
      { email: 'a@example.com', mail: 'x' },
    ]) {
      const bad = documented(
        'subscribeEmail',
        await call('POST', `${rest}/api/v1/subscriptions/email`, { body }),
      );
      expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION']);
      expect(fieldsOf(bad).length).toBe(1);
      expect(fieldsOf(bad)[0]).toMatch(/^(email|mail)$/);
    }
  });

  it('confirms with the link of the mail and unsubscribes in one RFC 8058 POST', async () => {
    const mail = await mailTo('Reader@Example.com');
    expect(mail).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    await new Promise((r) => setTimeout(r, 500));
    const names = await readdir(outbox);
    const toReader = await Promise.all(names.map((n) => readFile(join(outbox, n), 'utf8')));
    expect(toReader.filter((m) => /^To: reader@example\.com/im.test(m))).toHaveLength(1);

    const confirmToken = linkIn(mail, '/api/v1/subscriptions/email/confirm');
    const confirmed = documented(
      'confirmEmailSubscription',
      await call('GET', `${rest}/api/v1/subscriptions/email/confirm?token=${confirmToken}`),
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ email: 'Reader@Example.com', component_ids: [] });
    // A browser gets a page.
    const page = await call('GET', `${rest}/api/v1/subscriptions/email/confirm?token=${confirmToken}`, {
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.body).toContain('Subscription confirmed');

    const forged = documented(
      'confirmEmailSubscription',
      await call('GET', `${rest}/api/v1/subscriptions/email/confirm?token=forged`),
    );
    expect([forged.status, fieldsOf(forged)]).toEqual([400, ['token']]);

    const unsubscribeUrl = `${rest}/api/v1/subscriptions/email/unsubscribe?token=${linkIn(
      mail,
      '/api/v1/subscriptions/email/unsubscribe',
    )}`;
    // Following the link (a mail scanner, a preview) only shows the button.
    const shown = await call('GET', unsubscribeUrl, { headers: { accept: 'text/html' } });
    expect(shown.body).toContain('<form method="post"');
    const oneClick = documented(
      'unsubscribeEmail',
      await call('POST', unsubscribeUrl, {
        raw: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect([oneClick.status, oneClick.body]).toEqual([200, { unsubscribed: true }]);
    // The address is gone: its confirmation link no longer works.
    const afterwards = await call('GET', `${rest}/api/v1/subscriptions/email/confirm?token=${confirmToken}`);
    expect([afterwards.status, fieldsOf(afterwards)]).toEqual([400, ['token']]);
  });
});

describe('webhooks', () => {
  let secret = '';
  let endpointId = '';

  it('POST /api/v1/webhooks: 201 with the secret shown once; 400 naming `url`; 401 without a token', async () => {
    const created = documented(
      'registerWebhook',
      await call('POST', `${rest}/api/v1/webhooks`, {
        token,
        body: { url: receiverUrl, description: 'e2e' },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: receiverUrl, description: 'e2e', status: 'active' });
    expect(created.body.secret).toMatch(/^whsec_/);
    secret = created.body.secret;
    endpointId = created.body.id;

    const listed = documented('listWebhooks', await call('GET', `${rest}/api/v1/webhooks`, { token }));
    expect(listed.body.map((w: Json) => w.id)).toContain(endpointId);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    for (const url of ['not a url', 'ftp://example.com/x', 'http://user:pw@example.com/']) {
      const bad = documented(
        'registerWebhook',
        await call('POST', `${rest}/api/v1/webhooks`, { token, body: { url } }),
      );
      expect([url, bad.status, fieldsOf(bad)]).toEqual([url, 400, ['url']]);
    }
    const anonymous = documented(
      'registerWebhook',
      await call('POST', `${rest}/api/v1/webhooks`, { body: { url: receiverUrl } }),
    );
    expect(anonymous.status).toBe(401);
  });

  it('delivers a public update, signed, to a real receiver; logs it; redelivers it with the same id', async () => {
    const { data } = await graphql(
      stack.graphqlUrl,
      'mutation { createIncident(input: { title: "Checkout errors", sev: 2 }) { id } }',
      {},
      token,
    );
    const incidentId = data.createIncident.id as string;
    const announced = await call('POST', `${rest}/api/v1/public/announce`, {
      token,
      body: {
        incident_id: incidentId,
        state: 'investigating',
        message: 'Checkout fails for some customers.',
      },
    });
    expect(announced.status).toBe(201);

    const delivered = await eventually('the webhook', () =>
      deliveries.find((d) => d.body.includes('Checkout fails for some customers.')),
    );
    const payload = new Webhook(secret).verify(
      delivered.body,
      delivered.headers as Record<string, string>,
    ) as Json;
    expect(payload.incident).toMatchObject({
      id: incidentId,
      name: 'Checkout errors',
      status: 'investigating',
    });
    expect(payload.incident.incident_updates[0].body).toBe('Checkout fails for some customers.');

    const log = documented(
      'listWebhookDeliveries',
      await call('GET', `${rest}/api/v1/webhooks/${endpointId}/deliveries?limit=10`, { token }),
    );
    const messageId = delivered.headers['webhook-id'] as string;
    expect(log.body[0]).toMatchObject({
      message_id: messageId,
      status_code: 204,
      outcome: 'delivered',
      attempt: 1,
    });

    const redeliver = documented(
      'redeliverWebhookMessage',
      await call('POST', `${rest}/api/v1/webhooks/${endpointId}/messages/${messageId}/redeliver`, { token }),
    );
    expect(redeliver.status).toBe(202);
    await eventually('the redelivery', () =>
      deliveries.filter((d) => d.headers['webhook-id'] === messageId).length === 2 ? true : undefined,
    );

    const removed = documented(
      'deleteWebhook',
      await call('DELETE', `${rest}/api/v1/webhooks/${endpointId}`, { token }),
    );
    expect(removed.status).toBe(204);
    const gone = documented(
      'getWebhook',
      await call('GET', `${rest}/api/v1/webhooks/${endpointId}`, { token }),
    );
    expect(gone.status).toBe(404);
  });
});
