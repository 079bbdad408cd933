/** Roles in increasing order of power; each includes everything the ones before it may do. */
export const ROLES = ['viewer', 'responder', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (v: unknown): v is Role =>
  typeof v === 'string' && (ROLES as readonly string[]).includes(v);

export const roleRank = (role: Role): number => ROLES.indexOf(role);

export const roleAtLeast = (role: Role | null | undefined, min: Role): boolean =>
  role != null && roleRank(role) >= roleRank(min);
