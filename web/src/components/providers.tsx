'use client';

import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { type AppClient, createAppClient } from '../lib/client.ts';
import { ConnectionStatus, type LiveSnapshot } from '../lib/connection-status.ts';
import { Session, type SessionState } from '../lib/session.ts';
import type { BrowserConfig } from '../server/runtime-config.ts';

interface AppContextValue {
  session: Session;
  status: ConnectionStatus;
  client: AppClient;
}

const AppContext = createContext<AppContextValue | null>(null);

const useApp = (): AppContextValue => {
  const value = useContext(AppContext);
  if (!value) throw new Error('outside <Providers>');
  return value;
};

export const useSession = (): { session: Session; state: SessionState } => {
  const { session } = useApp();
  const state = useSyncExternalStore(session.subscribe, session.getState, session.getState);
  return { session, state };
};

export const useLiveStatus = (): LiveSnapshot => {
  const { status } = useApp();
  return useSyncExternalStore(status.subscribe, status.getSnapshot, status.getSnapshot);
};

export const useAppClient = (): AppClient => useApp().client;

/**
 * Creates the session and the one GraphQL client in the browser, after the first render: the server renders the
 * shell only (it has no session; the access token never leaves the browser's memory).
 */
export function Providers({ config, children }: { config: BrowserConfig; children: ReactNode }) {
  const [app, setApp] = useState<AppContextValue | null>(null);

  useEffect(() => {
    const session = new Session();
    const status = new ConnectionStatus();
    const client = createAppClient({ httpUrl: config.httpUrl, wsUrl: config.wsUrl }, session, status);
    setApp({ session, status, client });
    void session.restore();
    return () => client.dispose();
  }, [config.httpUrl, config.wsUrl]);

  if (!app) {
    return (
      <div className="boot" role="status">
        Loading PolyStatus…
      </div>
    );
  }
  return (
    <AppContext.Provider value={app}>
      <UrqlProvider value={app.client.urql}>{children}</UrqlProvider>
    </AppContext.Provider>
  );
}
