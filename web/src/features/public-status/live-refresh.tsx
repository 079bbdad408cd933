'use client';

import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { PublicStatusChangedSubscription as Change } from '../../generated/graphql.ts';
import { PublicStatusChangedSubscription } from '../../graphql/comms.ts';

/** `static` until the script runs: what a visitor without script (or before hydration) is told. */
type Live = 'static' | 'connecting' | 'live' | 'reconnecting';

/**
 * Keeps the server-rendered public page current: an anonymous graphql-ws socket (no sign-in; the field is public)
 * on `publicStatusChanged`, and on each newer rendering the page is rendered again on the server
 * (`router.refresh()`: the same snapshot read, no reload, the visitor's place and form input kept). The gateway
 * and rest-comms follow the same stream independently, so the event can arrive before rest-comms serves that
 * rendering: while the page shows an older version than announced, it asks again, a little later each time.
 * `after` follows the last cursor, so a reconnect replays what was missed; before any event there is no cursor,
 * so a reconnect re-renders once instead.
 */
const LIVE_TEXT: Record<Live, string> = {
  static: 'Reload the page for the latest.',
  connecting: 'Connecting for live updates…',
  live: 'Live: this page updates by itself.',
  reconnecting: 'Live updates interrupted: reconnecting…',
};

export function LiveRefresh({ wsUrl, version }: { wsUrl: string; version: number | null }) {
  const router = useRouter();
  const [state, setState] = useState<Live>('static');
  const [wanted, setWanted] = useState<number | null>(null);

  useEffect(() => {
    const payload = {
      query: print(PublicStatusChangedSubscription),
      variables: { after: null as string | null },
    };
    let connectedOnce = false;
    setState('connecting');
    const client = createClient({
      url: wsUrl,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: (n) =>
        new Promise((r) => setTimeout(r, Math.min(15_000, 1_000 * 2 ** n) + Math.random() * 1_000)),
      on: {
        connected: () => {
          if (connectedOnce && payload.variables.after === null) router.refresh();
          connectedOnce = true;
          setState('live');
        },
        closed: () => setState(connectedOnce ? 'reconnecting' : 'connecting'),
      },
    });
    const dispose = client.subscribe<Change>(payload, {
      next: ({ data }) => {
        const change = data?.publicStatusChanged;
        if (!change) return;
        payload.variables.after = change.cursor;
        setWanted((w) => Math.max(w ?? 0, change.version));
      },
      error: () => setState('reconnecting'),
      complete: () => undefined,
    });
    return () => {
      dispose();
      void client.dispose();
    };
  }, [wsUrl, router]);

  // Behind the announced rendering: render again now, then after 0.5, 1, 2, 4 s until the snapshot has it.
  useEffect(() => {
    if (wanted === null || (version !== null && version >= wanted)) return;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const again = () => {
      router.refresh();
      if (attempt < 5) timer = setTimeout(again, 500 * 2 ** attempt++);
    };
    again();
    return () => clearTimeout(timer);
  }, [wanted, version, router]);

  // Nothing to show yet (rest-comms was unreachable for the first paint): try again now and then.
  const missing = version === null;
  useEffect(() => {
    if (!missing) return;
    const retry = setInterval(() => router.refresh(), 15_000);
    return () => clearInterval(retry);
  }, [missing, router]);

  return (
    <p className={`live-dot ${state}`} role="status" data-live={state}>
      {LIVE_TEXT[state]}
    </p>
  );
}
