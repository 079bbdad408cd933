'use client';

import { useEffect, useState } from 'react';
import { useLiveStatus } from './providers.tsx';

/** Grace before a lost connection is announced: a token renewal or a brief blip reconnects within it. */
const ANNOUNCE_AFTER_MS = 1_500;

/**
 * Shown while the live connection is down. Subscriptions resume from their last cursor when it returns, so
 * nothing is lost meanwhile; the banner says so rather than asking for a reload. A resume too old for the
 * gateway's streams is the one case that asks for a reload.
 */
export function LiveBanner() {
  const { status, gap } = useLiveStatus();
  const [announce, setAnnounce] = useState(false);

  useEffect(() => {
    if (status !== 'reconnecting') {
      setAnnounce(false);
      return;
    }
    const timer = setTimeout(() => setAnnounce(true), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [status]);

  if (gap) {
    return (
      <div className="banner warn" role="alert">
        Some live updates could not be replayed after a long disconnection.{' '}
        <button type="button" className="link-button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  if (!announce) return null;
  return (
    <div className="banner warn" role="status" data-testid="live-banner">
      Live updates are disconnected. Reconnecting… changes made meanwhile will appear when it is back.
    </div>
  );
}
