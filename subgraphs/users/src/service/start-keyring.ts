import { UnreadableSigningKeyError } from '../crypto/keyring.ts';
import type { Actor } from './actor.ts';
import { auditBy } from './audit-by.ts';
import type { UsersDeps } from './deps.ts';

const SYSTEM: Actor = {
  kind: 'system',
  id: 'users',
  role: 'admin',
  tokenId: null,
  ip: null,
  label: 'system:users',
};

/**
 * Opens the signing keys at start-up. When the key-encryption key is the development one derived from the
 * internal secret, and that secret changed (a fresh checkout against a Redis an older one used), the stored keys
 * are unreadable; they are replaced by a fresh key, with a warning and an audit entry, and sessions signed with
 * them end. A key-encryption key the operator configured is never second-guessed: a mismatch there is a
 * misconfiguration and fails the start, since replacing keys would end every session and hide it.
 */
export async function startKeyring(deps: UsersDeps, opts: { derivedEncryptionKey: boolean }): Promise<void> {
  try {
    await deps.keyring.start();
  } catch (err) {
    if (!opts.derivedEncryptionKey || !(err instanceof UnreadableSigningKeyError)) throw err;
    deps.logger.warn(
      { kid: err.kid },
      'stored signing keys were sealed with another development secret; replacing them (existing sessions end)',
    );
    await deps.keyring.rotate((key, previousKid) => ({
      events: [],
      audit: [
        auditBy(SYSTEM, {
          type: 'signing_key.rotated',
          subjectId: key.kid,
          details: { previous: previousKid, reason: 'previous key unreadable with this development secret' },
        }),
      ],
    }));
    await deps.keyring.start();
  }
}
