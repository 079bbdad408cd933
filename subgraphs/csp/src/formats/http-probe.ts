import type {
  ComponentStatus,
  CspImpact,
  NormalizedEvent,
  ParsedFeed,
  ProbeContext,
  ProbeObservation,
  ProbeThresholds,
} from './types.ts';

/**
 * The `http` format: a plain availability probe for an app with no status page. The poller does the request and
 * hands over what it saw; this turns it into the same ParsedFeed as any feed. A failing probe is one open event
 * per outage: it continues the open one given by the caller (same id, an update only when the symptom changes),
 * and a passing probe lists no event, so diffEvents resolves the outage (currentOnly).
 */
export const DEFAULT_PROBE_THRESHOLDS: ProbeThresholds = { slowMs: 2_000 };

interface Verdict {
  status: ComponentStatus;
  impact: CspImpact | null;
  symptom: string;
}

export function probeVerdict(probe: ProbeObservation, thresholds = DEFAULT_PROBE_THRESHOLDS): Verdict {
  const latency = probe.latencyMs === null ? '' : ` in ${Math.round(probe.latencyMs)} ms`;
  const code = probe.statusCode;
  if (code === null) {
    return {
      status: 'major_outage',
      impact: 'major',
      symptom: `no response: ${probe.error ?? 'unknown error'}`,
    };
  }
  if (code >= 500) return { status: 'major_outage', impact: 'major', symptom: `HTTP ${code}` };
  // Rate limiting says the app is up but pushing back; any other 4xx says the probe cannot reach the app.
  if (code === 429) return { status: 'degraded_performance', impact: null, symptom: `HTTP 429${latency}` };
  if (code >= 400) return { status: 'partial_outage', impact: 'minor', symptom: `HTTP ${code}` };
  if (probe.latencyMs !== null && probe.latencyMs > thresholds.slowMs) {
    return { status: 'degraded_performance', impact: null, symptom: `slow: HTTP ${code}${latency}` };
  }
  return { status: 'operational', impact: null, symptom: `HTTP ${code}` };
}

export function probeResult(probe: ProbeObservation, ctx: ProbeContext): ParsedFeed {
  const verdict = probeVerdict(probe, ctx.thresholds);
  const name = hostOf(ctx.url);
  const events: NormalizedEvent[] = [];
  if (verdict.impact) {
    const open = ctx.openEvent && ctx.openEvent.resolvedAt === null ? ctx.openEvent : null;
    const last = open?.updates.at(-1);
    const update = { at: ctx.now, status: 'investigating' as const, body: verdict.symptom };
    const updates = open ? [...open.updates] : [];
    if (!last || last.body !== verdict.symptom) updates.push(update);
    events.push({
      upstreamId: open?.upstreamId ?? `probe-${ctx.now}`,
      kind: 'incident',
      title: `${name} is unavailable`,
      status: 'investigating',
      impact: verdict.impact,
      components: [name],
      regions: [],
      startedAt: open?.startedAt ?? ctx.now,
      updatedAt: updates.at(-1)!.at,
      resolvedAt: null,
      url: ctx.url,
      updates,
    });
  }
  return {
    format: 'http',
    components: [{ name, status: verdict.status }],
    events,
    currentOnly: true,
    observedAt: ctx.now,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
