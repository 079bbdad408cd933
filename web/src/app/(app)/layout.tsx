import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { Providers } from '../../components/providers.tsx';
import { runtimeConfig } from '../../server/runtime-config.ts';

/**
 * The signed-in app: the session and the one GraphQL client, created in the browser. The gateway's address is
 * read here, per request, and handed to the browser's client: one build serves every deployment, and
 * `npm start` may give the gateway any port.
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  await connection();
  const { browser } = runtimeConfig();
  return <Providers config={browser}>{children}</Providers>;
}
