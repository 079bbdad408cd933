import type { Metadata } from 'next';
import { connection } from 'next/server';
import { LiveRefresh } from '../../features/public-status/live-refresh.tsx';
import { PublicStatusView } from '../../features/public-status/public-status-view.tsx';
import { SubscribeForm } from '../../features/public-status/subscribe-form.tsx';
import { readPublicSnapshot } from '../../server/public-snapshot.ts';
import { runtimeConfig } from '../../server/runtime-config.ts';

export const metadata: Metadata = {
  title: 'Status',
  description: 'Current status, incidents, maintenance and 90-day uptime of our services.',
};

/**
 * The public status page, for anyone (no sign-in): rendered here on the server at each request from rest-comms's
 * in-memory snapshot (decision 0010; no GraphQL for the first paint), readable without script. In the browser,
 * one anonymous socket re-renders it when a newer rendering is published.
 */
export default async function StatusPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const [read, params] = await Promise.all([readPublicSnapshot(), searchParams]);
  const { browser } = runtimeConfig();
  const subscribeError = typeof params.subscribe_error === 'string' ? params.subscribe_error : null;
  const initial = params.subscribed
    ? ({ kind: 'accepted' } as const)
    : subscribeError
      ? ({ kind: 'error', message: subscribeError } as const)
      : null;

  return (
    <div className="public-page">
      <header className="public-head">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          PolyStatus status
        </span>
        <LiveRefresh wsUrl={browser.wsUrl} version={read.ok ? read.snapshot.summary.version : null} />
      </header>
      <main className="public-main" id="main">
        {read.ok ? (
          <PublicStatusView snapshot={read.snapshot} />
        ) : (
          <div className="state error" role="alert">
            The status page cannot be read right now. It retries on its own; you can also reload in a minute.
          </div>
        )}
        <SubscribeForm initial={initial} />
      </main>
    </div>
  );
}
