import type { Role } from '../generated/graphql.ts';

/**
 * The app's navigation, by section. An entry is listed only when its page exists, and shown only to roles that
 * may use it (the public status page needs no sign-in at all; it is listed for the team's convenience).
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
  {
    title: 'Status',
    entries: [
      { href: '/status', label: 'Public status page', minRole: 'VIEWER' },
      { href: '/admin/status-page', label: 'Components & maintenance', minRole: 'MANAGER' },
      { href: '/admin/banner', label: 'Status banner', minRole: 'ADMIN' },
    ],
  },
  {
    title: 'Providers',
    entries: [
      { href: '/wallboard', label: 'Wallboard', minRole: 'VIEWER' },
      { href: '/admin/providers', label: 'Providers & dependencies', minRole: 'RESPONDER' },
    ],
  },
  {
    title: 'Admin',
    entries: [
      { href: '/admin/users', label: 'Users & roles', minRole: 'ADMIN' },
      { href: '/admin/tokens', label: 'API tokens', minRole: 'ADMIN' },
      { href: '/admin/flags', label: 'Feature flags', minRole: 'ADMIN' },
      { href: '/admin/webhooks', label: 'Webhooks', minRole: 'MANAGER' },
    ],
  },
  { title: 'Tools', entries: [{ href: '/playground', label: 'GraphQL playground', minRole: 'VIEWER' }] },
];

/** `/incidents/INC-1` is under Dashboard; `/admin/users` under itself. */
export const isCurrent = (href: string, pathname: string): boolean =>
  href === '/' ? pathname === '/' || /^\/incidents\/(?!new)/.test(pathname) : pathname.startsWith(href);
