'use client';

import dynamic from 'next/dynamic';
import { AppShell } from '../../../components/app-shell.tsx';
import { Loading } from '../../../components/states.tsx';

// GraphiQL runs in the browser only (Monaco editor and its web workers), bundled with the app: no CDN.
const Playground = dynamic(() => import('../../../features/playground.tsx'), {
  ssr: false,
  loading: () => <Loading label="Loading the playground…" />,
});

export default function PlaygroundPage() {
  return (
    <AppShell>
      <div className="page-head">
        <div>
          <h1>GraphQL playground</h1>
          <p className="muted" style={{ margin: 0 }}>
            The gateway&apos;s API as you: queries, mutations and subscriptions run with your role. The docs
            pane lists every type.
          </p>
        </div>
      </div>
      <Playground />
    </AppShell>
  );
}
