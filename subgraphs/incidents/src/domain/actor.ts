import type { Principal } from '@polystatus/kit';

/** The prefix of the id a PolyStatus service acts under; the users domain labels its audit entries the same way. */
export const SYSTEM_ACTOR_PREFIX = 'system:';

/**
 * Who a change is recorded as (`createdById`, timeline `authorId`, event `actor`). A PolyStatus service acting
 * through a service credential (principal kind `system`, id `flags`) is recorded as `system:flags`: its name is
 * not a user id, and a bare `flags` could collide with one.
 */
export const actorId = (principal: Principal & { id: string }): string =>
  principal.kind === 'system' ? `${SYSTEM_ACTOR_PREFIX}${principal.id}` : principal.id;

/** A recorded actor that is a user, whom the users subgraph can resolve (a system actor is not). */
export const isUserId = (id: string | null | undefined): id is string =>
  !!id && !id.startsWith(SYSTEM_ACTOR_PREFIX);
