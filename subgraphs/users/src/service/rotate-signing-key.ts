import type { Principal } from '@polystatus/kit';
import { actingAs } from './actor.ts';
import { auditBy } from './audit-by.ts';
import type { UsersDeps } from './deps.ts';

/** Admin only. New tokens are signed with a fresh key; tokens signed with the old one verify until they expire. */
export async function rotateSigningKey(deps: UsersDeps, principal: Principal) {
  const actor = await actingAs(deps, principal, 'admin');
  const next = await deps.keyring.rotate((key, previousKid) => ({
    events: [],
    audit: [
      auditBy(actor, { type: 'signing_key.rotated', subjectId: key.kid, details: { previous: previousKid } }),
    ],
  }));
  return { kid: next.kid, alg: next.alg, createdAt: next.createdAt };
}
