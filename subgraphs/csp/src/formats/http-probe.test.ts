import { describe, expect, it } from 'vitest';
import { diffEvents, probeResult } from './index.ts';

const url = 'https://app.example.com/health';

describe('http probe', () => {
  it('a healthy, a slow and a rate-limited answer open no event', () => {
    expect(probeResult({ statusCode: 200, latencyMs: 80 }, { now: 1, url })).toMatchObject({
      format: 'http',
      components: [{ name: 'app.example.com', status: 'operational' }],
      events: [],
      currentOnly: true,
    });
    expect(probeResult({ statusCode: 200, latencyMs: 5_000 }, { now: 1, url }).components[0]!.status).toBe(
      'degraded_performance',
    );
    expect(probeResult({ statusCode: 429, latencyMs: 10 }, { now: 1, url }).events).toEqual([]);
  });

  it('an outage is one event from first failure to recovery', () => {
    const down = probeResult(
      { statusCode: null, latencyMs: null, error: 'connect ETIMEDOUT' },
      { now: 1_000, url },
    );
    expect(down.components[0]!.status).toBe('major_outage');
    const [event] = down.events;
    expect(event).toMatchObject({
      upstreamId: 'probe-1000',
      impact: 'major',
      status: 'investigating',
      startedAt: 1_000,
    });
    expect(event!.updates.map((u) => u.body)).toEqual(['no response: connect ETIMEDOUT']);

    const still = probeResult(
      { statusCode: null, latencyMs: null, error: 'connect ETIMEDOUT' },
      { now: 2_000, url, openEvent: event },
    );
    expect(still.events[0]!.upstreamId).toBe('probe-1000');
    expect(diffEvents(down.events, still)).toEqual({ created: [], updated: [], resolved: [] });

    const other = probeResult({ statusCode: 503, latencyMs: 20 }, { now: 3_000, url, openEvent: event });
    expect(diffEvents(down.events, other).updated[0]!.newUpdates.map((u) => u.body)).toEqual(['HTTP 503']);

    const up = probeResult({ statusCode: 200, latencyMs: 30 }, { now: 4_000, url });
    const diff = diffEvents(other.events, up);
    expect(diff.resolved.map((r) => [r.event.upstreamId, r.reason, r.event.resolvedAt])).toEqual([
      ['probe-1000', 'disappeared', 4_000],
    ]);
  });
});
