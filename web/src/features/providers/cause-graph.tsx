'use client';

import { useQuery } from 'urql';
import { formatDuration } from '../../components/durations.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { CspCauseGraphQuery } from '../../graphql/csp.ts';
import { DEFAULT_SIZES, edgeLabel, layoutGraph } from './graph-layout.ts';

const IMPACT_RANK = ['NONE', 'MAINTENANCE', 'MINOR', 'MAJOR', 'CRITICAL'];
const TONE: Record<string, string> = {
  CRITICAL: 'major',
  MAJOR: 'partial',
  MINOR: 'degraded',
  MAINTENANCE: 'maintenance',
  NONE: 'degraded',
};

/**
 * The cause-and-effect graph between providers (`cspCauseGraph`): an arrow from the provider depended upon, or
 * whose event started first, to the one affected, labelled declared or inferred with its confidence. Drawn as
 * SVG with a layered layout (graph-layout.ts); the same relations are listed as text for screen readers. The
 * cache refetches it when a provider event starts or ends (src/lib/cache-status.ts).
 */
export function CauseGraph({ windowHours = 72 }: { windowHours?: number }) {
  const [{ data, error }, refetch] = useQuery({ query: CspCauseGraphQuery, variables: { windowHours } });
  if (!data)
    return error ? (
      <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
    ) : (
      <Loading label="Drawing the cause graph…" />
    );

  const { nodes, edges } = data.cspCauseGraph;
  const layout = layoutGraph(
    nodes.map((n) => n.id),
    edges,
  );
  if (layout.nodes.length === 0)
    return <Empty>No provider outage is related to another in the last {windowHours} hours.</Empty>;

  const { nodeWidth: w, nodeHeight: h } = DEFAULT_SIZES;
  const pos = new Map(layout.nodes.map((n) => [n.id, n]));
  const info = new Map(nodes.map((n) => [n.id, n]));
  const pad = 40;
  const parallel = new Map<string, typeof edges>();
  for (const e of edges) {
    const key = `${e.fromId}>${e.toId}`;
    parallel.set(key, [...(parallel.get(key) ?? []), e]);
  }
  return (
    <figure className="cause-graph" data-testid="cause-graph">
      <svg
        viewBox={`${-pad} ${-pad} ${layout.width + 2 * pad} ${layout.height + 2 * pad}`}
        role="img"
        aria-labelledby="cause-graph-caption"
        // Drawn at most at its own size: two providers must not fill a wall-sized screen.
        style={{ maxWidth: `${layout.width + 2 * pad}px` }}
      >
        <title>Cause-and-effect graph between providers, described below</title>
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="8"
            markerHeight="8"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
          </marker>
        </defs>
        {edges.map((e) => {
          const a = pos.get(e.fromId);
          const b = pos.get(e.toId);
          if (!a || !b) return null;
          // A declared and an inferred edge between the same two providers are drawn side by side, bent apart.
          const pair = parallel.get(`${e.fromId}>${e.toId}`) ?? [e];
          const bend = (pair.indexOf(e) - (pair.length - 1) / 2) * 26;
          const x1 = a.x + w;
          const y1 = a.y + h / 2 + bend / 2;
          const x2 = b.x;
          const y2 = b.y + h / 2 + bend / 2;
          // A backwards edge (a cycle) leaves from the right and loops round.
          const dx = Math.max(60, Math.abs(x2 - x1) / 2);
          const d = `M${x1},${y1} C${x1 + dx},${y1 + bend} ${x2 - dx},${y2 + bend} ${x2},${y2}`;
          const label = edgeLabel(e.kind, e.confidence);
          return (
            <g key={`${e.fromId}-${e.toId}-${e.kind}`} className={`edge ${e.kind.toLowerCase()}`}>
              <path d={d} markerEnd="url(#arrow)" />
              <text
                x={(x1 + x2) / 2}
                y={(y1 + y2) / 2 + bend * 1.5 + (bend < 0 ? -6 : 18)}
                textAnchor="middle"
              >
                {label}
              </text>
            </g>
          );
        })}
        {layout.nodes.map((n) => {
          const node = info.get(n.id);
          const open = node?.events.filter((e) => e.active) ?? [];
          const worst = open.reduce<string | null>(
            (w2, e) =>
              w2 === null || IMPACT_RANK.indexOf(e.impact) > IMPACT_RANK.indexOf(w2) ? e.impact : w2,
            null,
          );
          return (
            <g
              key={n.id}
              className={`node tone-${worst ? TONE[worst] : 'ok'}`}
              transform={`translate(${n.x},${n.y})`}
            >
              <rect width={w} height={h} rx={10} />
              <text x={14} y={27} className="node-name">
                {n.id}
              </text>
              <text x={14} y={49} className="node-events">
                {open.length ? `${open.length} open event${open.length === 1 ? '' : 's'}` : 'no open event'}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id="cause-graph-caption">
        <ul className="cause-list">
          {edges.map((e) => (
            <li key={`${e.fromId}-${e.toId}-${e.kind}`}>
              {e.fromId} → {e.toId}: {edgeLabel(e.kind, e.confidence)}
              {e.evidence[0]
                ? ` (open together for ${formatDuration(e.evidence[0].overlapSeconds)}${
                    e.evidence[0].sharedRegions.length ? `, ${e.evidence[0].sharedRegions.join(', ')}` : ''
                  })`
                : ''}
            </li>
          ))}
        </ul>
        {layout.isolated.length ? <p className="muted">Unrelated: {layout.isolated.join(', ')}</p> : null}
      </figcaption>
    </figure>
  );
}
