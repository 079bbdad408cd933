import { runtimeConfig } from './runtime-config.ts';

/**
 * The public status page's data, read from rest-comms at each request (decision 0010: it serves the snapshot the
 * comms subgraph rendered on write, from memory, with no GraphQL behind it). Two documents: PolyStatus's own
 * summary (components with their 90-day bars, current incidents, maintenances with their message and affected
 * components) and the Statuspage-compatible
 * incidents list, whose resolved incidents with their updates are the history.
 */
export interface PublicSummary {
  as_of: number;
  version: number;
  indicator: 'none' | 'minor' | 'major' | 'critical' | 'maintenance';
  description: string;
  components: Array<{
    id: string;
    name: string;
    group: string | null;
    status: string;
    uptime_90d: number | null;
    days_with_data: number;
    uptime_days: Array<{ date: string; uptime: number | null; worst: string | null }>;
  }>;
  incidents: Array<{
    id: string;
    title: string;
    sev: number;
    status: string;
    state: string;
    last_message: string | null;
    last_public_at: number | null;
  }>;
  maintenances: Array<{
    id: string;
    name: string;
    status: string;
    scheduled_for: number;
    scheduled_until: number;
    /** What the admin told the public about it; null when nothing was. */
    message: string | null;
    /** The components it affects, in the page's order. */
    components: Array<{ id: string; name: string; group: string | null }>;
  }>;
}

export interface StatuspageIncident {
  id: string;
  name: string;
  status: string;
  impact: string;
  created_at: string;
  resolved_at: string | null;
  incident_updates: Array<{ id: string; status: string; body: string; display_at: string }>;
}

export interface PublicSnapshot {
  summary: PublicSummary;
  /** Resolved incidents, newest change first (Statuspage's incidents.json keeps the latest 50). */
  history: StatuspageIncident[];
  /** rest-comms serves the last snapshot it has while it cannot reach Redis; the page says so. */
  stale: boolean;
}

export type SnapshotRead = { ok: true; snapshot: PublicSnapshot } | { ok: false; reason: string };

/** A slow rest-comms must not hold the page: past this, the page renders its error state (and retries live). */
const TIMEOUT_MS = 3_000;

async function readJson<T>(base: string, path: string): Promise<{ body: T; stale: boolean }> {
  const res = await fetch(`${base}${path}`, {
    cache: 'no-store',
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return { body: (await res.json()) as T, stale: res.headers.get('x-status-stale') === 'true' };
}

export async function readPublicSnapshot(base = runtimeConfig().commsPublicUrl): Promise<SnapshotRead> {
  try {
    const [summary, incidents] = await Promise.all([
      readJson<PublicSummary>(base, '/api/v1/public/summary'),
      readJson<{ incidents: StatuspageIncident[] }>(base, '/api/v2/incidents.json'),
    ]);
    return {
      ok: true,
      snapshot: {
        summary: summary.body,
        history: incidents.body.incidents.filter((i) => i.status === 'resolved'),
        stale: summary.stale || incidents.stale,
      },
    };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
