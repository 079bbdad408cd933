import { Counter, Gauge, type Registry } from 'prom-client';

export interface RealtimeMetrics {
  events: Counter<'domain'>;
  hydrations: Counter;
  disconnects: Counter<'reason'>;
  refusals: Counter<'reason'>;
}

export interface RealtimeState {
  sockets: number;
  subscribers: number;
  groups: number;
  /** Sockets past `connection_init`, by who holds them; the rest of `sockets` have not sent it yet. */
  anonymousSockets: number;
  signedInSockets: number;
}

/**
 * Realtime figures on the gateway's registry (GET /metrics). Gauges are read from the live state when scraped,
 * so nothing is counted twice on the hot path.
 */
export function createRealtimeMetrics(
  registry: Registry | undefined,
  state: () => RealtimeState,
): RealtimeMetrics {
  const registers = registry ? [registry] : [];
  const gauge = (name: string, help: string, read: (s: ReturnType<typeof state>) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read(state()));
      },
    });
  gauge('realtime_sockets', 'Open graphql-ws sockets', (s) => s.sockets);
  new Gauge({
    name: 'realtime_sockets_by_kind',
    help: 'Open graphql-ws sockets by who holds them (pending: connection_init not received yet)',
    labelNames: ['kind'],
    registers,
    collect() {
      const s = state();
      this.set({ kind: 'anonymous' }, s.anonymousSockets);
      this.set({ kind: 'signed_in' }, s.signedInSockets);
      this.set({ kind: 'pending' }, s.sockets - s.anonymousSockets - s.signedInSockets);
    },
  });
  gauge('realtime_subscriptions', 'Active subscriptions', (s) => s.subscribers);
  gauge('realtime_groups', 'Subscriber groups (one hydration per event each)', (s) => s.groups);
  return {
    events: new Counter({
      name: 'realtime_events_total',
      help: 'Domain events read',
      labelNames: ['domain'],
      registers,
    }),
    hydrations: new Counter({
      name: 'realtime_hydrations_total',
      help: 'Gateway queries run to hydrate events',
      registers,
    }),
    disconnects: new Counter({
      name: 'realtime_disconnects_total',
      help: 'Sockets the server closed, by reason',
      labelNames: ['reason'],
      registers,
    }),
    refusals: new Counter({
      name: 'realtime_socket_refusals_total',
      help: 'Sockets refused at admission, by reason (capacity, per_address, connect_rate, anonymous_per_address)',
      labelNames: ['reason'],
      registers,
    }),
  };
}
