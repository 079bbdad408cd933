import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { Providers } from '../components/providers.tsx';
import { runtimeConfig } from '../server/runtime-config.ts';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'PolyStatus', template: '%s · PolyStatus' },
  description: 'Incident response and status for your team.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: dark)', color: '#0f1318' },
    { media: '(prefers-color-scheme: light)', color: '#f6f7f9' },
  ],
};

/**
 * The gateway's address is read here, per request, and handed to the browser's client: one build serves every
 * deployment, and `npm start` may give the gateway any port.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const { browser } = runtimeConfig();
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <Providers config={browser}>{children}</Providers>
      </body>
    </html>
  );
}
