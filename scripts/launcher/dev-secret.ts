import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The internal secret for a development stack when none is configured. The kit's built-in default is public (it
 * is in the source), so anyone who can reach a service port could sign an admin identity with it; instead each
 * checkout gets its own random secret, kept under .data/ (git-ignored) so that restarts reuse it: the users
 * service derives its development key-encryption key from it, and a new one would make the stored signing keys
 * unreadable.
 */
export function devInternalSecret(repoRoot: string): string {
  const file = join(repoRoot, '.data', 'dev-internal-secret');
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (saved.length >= 32) return saved;
  }
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
