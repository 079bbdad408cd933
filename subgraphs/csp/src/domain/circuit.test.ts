import { describe, expect, it } from 'vitest';
import { mayPoll, nextHealth, visibleCircuit } from './circuit.ts';
import { NEW_HEALTH } from './provider.ts';

const policy = { threshold: 3, cooldownMs: 1000 };
const fail = (at: number) => ({ at, durationMs: 5, httpStatus: 503, error: 'HTTP 503' });
const ok = (at: number) => ({ at, durationMs: 5, httpStatus: 200, error: null });

describe('the circuit breaker', () => {
  it('opens on the threshold-th failure in a row, not before', () => {
    let h = NEW_HEALTH;
    h = nextHealth(h, fail(1), policy);
    h = nextHealth(h, fail(2), policy);
    expect(h).toMatchObject({
      circuit: 'closed',
      consecutiveFailures: 2,
      lastError: 'HTTP 503',
      lastErrorAt: 2,
    });
    h = nextHealth(h, fail(3), policy);
    expect(h).toMatchObject({ circuit: 'open', circuitRetryAt: 1003, circuitTrips: 0 });
    expect(mayPoll(h, 1002)).toBe(false);
    expect(visibleCircuit(h, 1002)).toBe('open');
    expect(mayPoll(h, 1003)).toBe(true);
    expect(visibleCircuit(h, 1003)).toBe('half_open');
  });

  it('a failed trial re-opens for twice as long; a success closes and forgets', () => {
    let h = NEW_HEALTH;
    for (let i = 1; i <= 3; i++) h = nextHealth(h, fail(i), policy);
    h = nextHealth(h, fail(2000), policy);
    expect(h).toMatchObject({
      circuit: 'open',
      circuitRetryAt: 4000,
      circuitTrips: 1,
      consecutiveFailures: 4,
    });
    h = nextHealth(h, ok(5000), policy);
    expect(h).toMatchObject({
      circuit: 'closed',
      consecutiveFailures: 0,
      circuitRetryAt: null,
      lastSuccessAt: 5000,
    });
    expect(h.lastError).toBe('HTTP 503');
  });

  it('a success in between resets the count', () => {
    let h = nextHealth(NEW_HEALTH, fail(1), policy);
    h = nextHealth(h, fail(2), policy);
    h = nextHealth(h, ok(3), policy);
    h = nextHealth(h, fail(4), policy);
    expect(h).toMatchObject({ circuit: 'closed', consecutiveFailures: 1 });
  });
});
