import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, webhookHeaders } from './webhook-signature.ts';

describe('Standard Webhooks signing', () => {
  it('is verified by the reference library, with either secret while two are valid', () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()];
    const body = '{"incident":{"id":"INC-1"}}';
    const headers = webhookHeaders([current, previous], 'msg_1', Math.floor(Date.now() / 1000), body);
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual({ incident: { id: 'INC-1' } });
    expect(new Webhook(previous).verify(body, headers)).toEqual({ incident: { id: 'INC-1' } });
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(current).verify(`${body} `, headers)).toThrow();
  });
});
