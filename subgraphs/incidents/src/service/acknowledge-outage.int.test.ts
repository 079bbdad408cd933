import { codeOf, ok, startPausableProxy, TEST_REDIS_URL } from '@polystatus/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IncidentsHarness, startIncidents } from '../testing/harness.ts';
import { ACKNOWLEDGE, CREATE, TIMELINE } from '../testing/operations.ts';

/**
 * Acknowledging while this service's Redis stalls: the responder is told UNAVAILABLE (retry in a second), never
 * INTERNAL, and the retry after Redis answers again leaves exactly one acknowledgement, whether or not the
 * stalled attempt reached Redis once the connection drained (a timeout cannot tell which; the write being
 * once-only is what makes retrying safe).
 */

const responder = { role: 'responder' as const, id: 'u-ack' };
type Ack = { acknowledgeIncident: { acknowledged: boolean; incident: { acknowledgedById: string } } };
type Timeline = { incident: { timeline: { edges: { node: { type: string } }[] } } };

let proxy: Awaited<ReturnType<typeof startPausableProxy>>;
let svc: IncidentsHarness;

beforeAll(async () => {
  // Only this service's connection stalls: the proxy holds its traffic, the shared Redis is untouched.
  proxy = await startPausableProxy(TEST_REDIS_URL);
  svc = await startIncidents({ env: { REDIS_URL: proxy.url, REDIS_COMMAND_TIMEOUT_MS: '300' } });
});
afterAll(async () => {
  proxy.resume();
  await svc.close();
  await proxy.close();
});

describe('acknowledgeIncident during a Redis pause', () => {
  it('answers UNAVAILABLE with retryAfter, and a retry once Redis answers records one acknowledgement', async () => {
    const { createIncident } = ok(
      await svc.gql<{ createIncident: { id: string } }>(
        CREATE,
        { input: { title: 'Queue stuck', sev: 2 } },
        responder,
      ),
    );
    const id = createIncident.id;

    proxy.pause();
    const during = await svc.gql<Ack>(ACKNOWLEDGE, { id }, responder);
    proxy.resume();
    expect(codeOf(during)).toBe('UNAVAILABLE');
    expect(during.errors?.[0]?.extensions).toMatchObject({ retryAfter: 1 });
    expect(during.errors?.[0]?.message).not.toMatch(/internal/i);

    const retried = ok(await svc.gql<Ack>(ACKNOWLEDGE, { id }, responder)).acknowledgeIncident;
    expect(retried.incident.acknowledgedById).toBe(responder.id);
    const { incident } = ok(await svc.gql<Timeline>(TIMELINE, { id, first: 100 }));
    expect(incident.timeline.edges.filter((e) => e.node.type === 'ACKNOWLEDGED')).toHaveLength(1);
  });
});
