import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the checkout's own internal secret is kept; its presence means the launcher ran here before. */
export const devSecretFile = (repoRoot: string): string => join(repoRoot, '.data', 'dev-internal-secret');

/**
 * The internal secret for a development stack when none is configured. The kit's built-in default is public (it
 * is in the source), so anyone who can reach a service port could sign an admin identity with it; instead each
 * checkout gets its own random secret, kept under .data/ (git-ignored) so that restarts reuse it: the users
 * service derives its development key-encryption key from it, and a new one would make the stored signing keys
 * unreadable.
 */
export function devInternalSecret(repoRoot: string): string {
  const file = devSecretFile(repoRoot);
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (saved.length >= 32) return saved;
  }
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * The key-encryption key `npm start` runs production with when none is configured: production refuses to start
 * without one (it seals the JWT signing keys and webhook secrets), and a local install must still start with no
 * configuration. Made once per checkout and kept under .data/ beside the internal secret. A checkout that already
 * ran in development has its keys sealed with the development derivation from the internal secret, so that
 * derivation is what it keeps (its data stays readable); a new checkout gets a random key.
 */
export function localKeyEncryptionKey(
  repoRoot: string,
  internalSecret: string,
  opts: { ranBefore: boolean },
): string {
  const file = join(repoRoot, '.data', 'key-encryption-key');
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (saved.length >= 32) return saved;
  }
  const key = opts.ranBefore ? `dev-kek:${internalSecret}` : randomBytes(32).toString('hex');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/**
 * The Redis key prefix a local stack runs under when none is configured: the checkout's own. Its secrets above
 * seal what it stores (JWT signing keys, webhook secrets) and decide its first admin, so another checkout's data
 * in the same Redis (an earlier clone, a second worktree) is unreadable to it: the users service would refuse to
 * start, and no first admin would be printed. Each new checkout therefore gets a prefix of its own, kept under
 * .data/; a checkout that already ran before prefixes existed keeps the default `ps`, where its data is.
 */
export function localKeyPrefix(repoRoot: string, opts: { ranBefore: boolean }): string {
  const file = join(repoRoot, '.data', 'redis-key-prefix');
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (/^[a-z0-9][a-z0-9-]{0,31}$/.test(saved)) return saved;
  }
  const prefix = opts.ranBefore ? 'ps' : `ps-${randomBytes(3).toString('hex')}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${prefix}\n`);
  return prefix;
}
