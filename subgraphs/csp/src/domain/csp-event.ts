import { createHash } from 'node:crypto';
import type { NormalizedEvent } from '../formats/types.ts';

/**
 * A provider's event as this domain keeps it: the parsers' normalized event plus where it belongs. One record per
 * provider and upstream id (the id is derived from both, so seeing an event again finds the same record).
 */
export interface CspEvent extends NormalizedEvent {
  id: string;
  providerId: string;
  firstSeenAt: number;
  /** The internal incident opened for it, once the incidents domain has answered. */
  incidentId: string | null;
}

/**
 * `<provider>-<16 hex of sha256(provider, upstream id)>`: stable across polls and replicas, safe in Redis keys and
 * URLs whatever the upstream id looks like (Atom tags, ARNs, URLs), and readable enough to see the provider.
 */
export function cspEventId(providerId: string, upstreamId: string): string {
  const digest = createHash('sha256').update(providerId).update('\u0000').update(upstreamId).digest('hex');
  return `${providerId}-${digest.slice(0, 16)}`;
}

export const isActive = (e: Pick<NormalizedEvent, 'resolvedAt'>): boolean => e.resolvedAt === null;
