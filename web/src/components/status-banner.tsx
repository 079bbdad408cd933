'use client';

import { useEffect, useRef, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '../generated/index.ts';

/** The banner embedding sites show (GET /api/v1/public/banner), read from the same rendered snapshot. */
const PublicBannerQuery = graphql(`
  query PublicBanner {
    publicBanner {
      id
      kind
      level
      title
      state
      message
      url
      alsoActive
    }
  }
`);

/** Each new rendering of the public page; the banner is read again when one arrives. */
const PublicStatusChangedSubscription = graphql(`
  subscription PublicBannerChanged($after: String) {
    publicStatusChanged(after: $after) {
      cursor
      version
    }
  }
`);

/** The widget's palette (rendered by the comms subgraph, widget.js): white text at 4.5:1 or more on each. */
const COLORS: Record<string, string> = {
  CRITICAL: '#b42318',
  MAJOR: '#b54708',
  MINOR: '#8a5a00',
  MAINTENANCE: '#175cd3',
  INFO: '#344054',
  RESOLVED: '#067647',
};
const LABELS: Record<string, string> = {
  CRITICAL: 'Major outage',
  MAJOR: 'Partial outage',
  MINOR: 'Degraded service',
  MAINTENANCE: 'Maintenance',
  INFO: 'Notice',
  RESOLVED: 'Resolved',
};
const STORE = 'polystatus:banner-dismissed:';

const wasDismissed = (id: string) => {
  try {
    return localStorage.getItem(STORE + id) === '1';
  } catch {
    return false;
  }
};

/**
 * The public status banner on every signed-in page: what our customers see in the widget (the most severe
 * incident, maintenance or manual banner), live, dismissible per item. React renders it as text.
 */
export function StatusBanner() {
  const [{ data }, refetch] = useQuery({ query: PublicBannerQuery, requestPolicy: 'cache-and-network' });
  const [{ data: change }] = useSubscription({
    query: PublicStatusChangedSubscription,
    variables: { after: null },
  });
  const [dismissed, setDismissed] = useState<string | null>(null);
  const seenVersion = useRef<number | null>(null);

  const version = change?.publicStatusChanged.version ?? null;
  useEffect(() => {
    if (version === null || version === seenVersion.current) return;
    seenVersion.current = version;
    refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);

  const b = data?.publicBanner;
  if (!b || dismissed === b.id || wasDismissed(b.id)) return null;
  const urgent = b.level === 'CRITICAL' || b.level === 'MAJOR';
  return (
    <div
      className="banner"
      role={urgent ? 'alert' : 'status'}
      data-testid="status-banner"
      style={{ background: COLORS[b.level] ?? COLORS.INFO, color: '#fff', display: 'flex', gap: '1rem' }}
    >
      <div style={{ flex: 1, textAlign: 'left', overflowWrap: 'anywhere' }}>
        <strong>
          {LABELS[b.level] ?? b.level} · {b.title}
        </strong>
        {b.message ? <span style={{ whiteSpace: 'pre-line' }}> {b.message}</span> : null}{' '}
        <a href={b.url} target="_blank" rel="noopener noreferrer" style={{ color: '#fff' }}>
          Details
        </a>
        {b.alsoActive > 0 ? <span> (+{b.alsoActive} more)</span> : null}
      </div>
      <button
        type="button"
        className="link-button"
        style={{ color: '#fff' }}
        aria-label="Dismiss this status message"
        onClick={() => {
          try {
            localStorage.setItem(STORE + b.id, '1');
          } catch {
            // storage blocked: dismissed for this page view only
          }
          setDismissed(b.id);
        }}
      >
        ×
      </button>
    </div>
  );
}
