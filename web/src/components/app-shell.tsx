'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useEffect, useState } from 'react';
import type { Role } from '../generated/graphql.ts';
import { atLeast } from '../lib/roles.ts';
import { LiveBanner } from './live-banner.tsx';
import { isCurrent, NAV } from './nav.ts';
import { useSession } from './providers.tsx';
import { StatusBanner } from './status-banner.tsx';

/**
 * Every signed-in page: the navigation (only what the role may use), the live-connection banner, the page.
 * Signed out, it sends the browser to the login page and back here afterwards. `bare` (the wallboard, shown on a
 * screen nobody touches) keeps only the page and the live-connection banner.
 */
export function AppShell({
  children,
  minRole = 'VIEWER',
  bare = false,
}: {
  children: ReactNode;
  minRole?: Role;
  bare?: boolean;
}) {
  const { session, state } = useSession();
  const router = useRouter();
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => {
    if (state.status === 'signed-out') router.replace(`/login?next=${encodeURIComponent(pathname)}`);
  }, [state.status, router, pathname]);

  if (state.status !== 'signed-in') {
    return (
      <div className="boot" role="status">
        {state.status === 'restoring' ? 'Restoring your session…' : 'Redirecting to sign in…'}
      </div>
    );
  }
  const role = state.user.role;
  const page = atLeast(role, minRole) ? (
    children
  ) : (
    <div className="state error" role="alert">
      This page needs the {minRole.toLowerCase()} role; you are signed in as {role.toLowerCase()}.
    </div>
  );
  if (bare) {
    return (
      <div className="shell bare">
        <LiveBanner />
        <main className="main" id="main">
          {page}
        </main>
      </div>
    );
  }
  const sections = NAV.map((s) => ({
    ...s,
    entries: s.entries.filter((e) => atLeast(role, e.minRole)),
  })).filter((s) => s.entries.length > 0);

  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          PolyStatus
        </Link>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          Menu
        </button>
        <nav id="main-nav" className={menuOpen ? 'nav open' : 'nav'} aria-label="Main">
          {sections.map((section) => (
            <div key={section.title} className="nav-section">
              <span className="nav-title">{section.title}</span>
              {section.entries.map((e) => (
                <Link
                  key={e.href}
                  href={e.href}
                  className="nav-link"
                  aria-current={isCurrent(e.href, pathname) ? 'page' : undefined}
                  onClick={() => setMenuOpen(false)}
                >
                  {e.label}
                </Link>
              ))}
            </div>
          ))}
        </nav>
        <div className="user-menu">
          <span className="user-name" title={state.user.email}>
            {state.user.name} <span className="role-chip">{role.toLowerCase()}</span>
          </span>
          <button type="button" className="button subtle" onClick={() => void session.logout()}>
            Sign out
          </button>
        </div>
      </header>
      <LiveBanner />
      <StatusBanner />
      <main className="main" id="main">
        {page}
      </main>
    </div>
  );
}
