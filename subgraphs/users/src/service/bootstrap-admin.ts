import { randomUUID } from 'node:crypto';
import { EnvError } from '@polystatus/kit';
import { randomSecret } from '../crypto/secrets.ts';
import { insertUser } from './create-user.ts';
import type { UsersDeps } from './deps.ts';

export interface BootstrapOptions {
  email?: string | undefined;
  password?: string | undefined;
  production: boolean;
  /** Generate (and print) the first admin when none is chosen, even in production. */
  generate?: boolean;
  /** Where generated development credentials are shown, once. */
  print?: (text: string) => void;
}

const DEV_ADMIN_EMAIL = 'admin@polystatus.local';
const LOCK_TTL_MS = 30_000;

/**
 * Makes sure an admin exists. Idempotent, and safe when replicas start together: one holds a short lock while it
 * creates the admin, and the email index would refuse a second one anyway.
 * Returns the id of the admin it created, or null when there was nothing to do.
 */
export async function bootstrapAdmin(deps: UsersDeps, opts: BootstrapOptions): Promise<string | null> {
  if ((await deps.users.adminCount()) > 0) return null;
  if (opts.production && !opts.generate && (!opts.email || !opts.password)) {
    throw new EnvError([
      'POLYSTATUS_ADMIN_EMAIL and POLYSTATUS_ADMIN_PASSWORD: required on a first start in production (no admin exists)',
    ]);
  }
  const holder = randomUUID();
  if (!(await deps.users.acquireBootstrapLock(holder, LOCK_TTL_MS))) return null;
  try {
    if ((await deps.users.adminCount()) > 0) return null;
    const generated = !opts.password;
    const email = opts.email ?? DEV_ADMIN_EMAIL;
    const password = opts.password ?? randomSecret(18);
    const admin = await insertUser(
      deps,
      'system:users',
      { name: 'Administrator', email, role: 'admin', team: '', password },
      (u) => [
        {
          type: 'user.created',
          actorId: 'system:users',
          subjectId: u.id,
          ip: null,
          details: { role: 'admin', reason: 'bootstrap' },
        },
      ],
    );
    deps.logger.info({ userId: admin.id, email }, 'created the first admin');
    if (generated) {
      // Printed outside the structured log on purpose, and only this once: it is the only way to learn the password.
      (opts.print ?? ((t) => process.stdout.write(t)))(
        `\n  PolyStatus first admin (generated, shown once; set POLYSTATUS_ADMIN_EMAIL/PASSWORD to choose):\n    email:    ${email}\n    password: ${password}\n\n`,
      );
    }
    return admin.id;
  } finally {
    await deps.users.releaseBootstrapLock(holder);
  }
}
