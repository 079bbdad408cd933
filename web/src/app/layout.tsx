import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
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
 * The document every page shares. The signed-in app adds its session and GraphQL client in `(app)/layout.tsx`;
 * the public status page (`status/`) is rendered on the server without them, for search engines and slow clients.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
