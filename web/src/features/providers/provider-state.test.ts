import { describe, expect, it } from 'vitest';
import { providerState } from './provider-state.ts';

const healthy = { enabled: true, health: { reachable: true, circuit: 'CLOSED' }, components: [] };

describe('a provider on the wallboard', () => {
  it('is operational with no open event and healthy components', () => {
    expect(providerState({ ...healthy, components: [{ status: 'OPERATIONAL' }] }, [])).toEqual({
      tone: 'ok',
      label: 'Operational',
      feed: null,
    });
  });

  it('shows the worst of its open events and components', () => {
    const s = providerState({ ...healthy, components: [{ status: 'DEGRADED_PERFORMANCE' }] }, [
      { impact: 'MAJOR', kind: 'INCIDENT' },
      { impact: 'CRITICAL', kind: 'MAINTENANCE' },
    ]);
    expect(s).toMatchObject({ tone: 'partial', label: 'Partial outage' });
  });

  it('never looks fine when its feed cannot be read', () => {
    const s = providerState({ ...healthy, health: { reachable: false, circuit: 'OPEN' } }, []);
    expect(s).toEqual({ tone: 'unknown', label: 'Unknown', feed: 'Feed unreachable: retrying later' });
  });
});
