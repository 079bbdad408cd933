import type { Role } from '@polystatus/kit';

/** A user as the service sees it. The password hash never leaves the store/service layer. */
export interface User {
  id: string;
  name: string;
  /** As entered (trimmed); uniqueness and login compare `emailKey(email)`. */
  email: string;
  role: Role;
  team: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  disabled: boolean;
  /** Users created without a password (the reference REST clients send none) cannot log in until one is set. */
  hasPassword: boolean;
  /** Bumped by every change; writes are refused when it moved under them (optimistic concurrency). */
  version: number;
  /**
   * Epoch ms: sessions begun before this are dead. Set on disable and password change so every outstanding
   * session ends at once without enumerating them.
   */
  sessionsValidAfter: number;
}

export interface UserWithSecret extends User {
  passwordHash: string | null;
}

/** The form under which emails are compared and indexed. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

/** What the public API may see of a user. */
export const withoutSecret = ({ passwordHash: _omit, ...user }: UserWithSecret): User => user;
