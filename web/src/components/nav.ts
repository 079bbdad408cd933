import type { Role } from '../generated/graphql.ts';

/**
 * The app's navigation, by section. An entry is listed only when its page exists, and shown only to roles that
 * may use it. Pages for the domains still being written take the places marked below when their domain lands
 * (a link to a page that does not exist would be worse than no link):
 *
 *   Status      → "Public status" (`/status`, no sign-in; comms domain)
 *   Providers   → "Wallboard" (`/wallboard`, viewer; csp domain)
 *   Admin       → "Webhooks" (`/admin/webhooks`, admin; comms domain), "Providers" (`/admin/providers`, admin;
 *                 csp domain)
 */
export interface NavEntry {
  href: string;
  label: string;
  minRole: Role;
}

export interface NavSection {
  title: string;
  entries: NavEntry[];
}

export const NAV: NavSection[] = [
  {
    title: 'Incidents',
    entries: [
      { href: '/', label: 'Dashboard', minRole: 'VIEWER' },
      { href: '/incidents/new', label: 'Declare incident', minRole: 'RESPONDER' },
      { href: '/action-items', label: 'My action items', minRole: 'VIEWER' },
    ],
  },
  { title: 'Status', entries: [] },
  { title: 'Providers', entries: [] },
  {
    title: 'Admin',
    entries: [
      { href: '/admin/users', label: 'Users & roles', minRole: 'ADMIN' },
      { href: '/admin/tokens', label: 'API tokens', minRole: 'ADMIN' },
      { href: '/admin/flags', label: 'Feature flags', minRole: 'ADMIN' },
    ],
  },
  { title: 'Tools', entries: [{ href: '/playground', label: 'GraphQL playground', minRole: 'VIEWER' }] },
];

/** `/incidents/INC-1` is under Dashboard; `/admin/users` under itself. */
export const isCurrent = (href: string, pathname: string): boolean =>
  href === '/' ? pathname === '/' || /^\/incidents\/(?!new)/.test(pathname) : pathname.startsWith(href);
