'use client';

import { useSubscription } from 'urql';
import { IncidentChangedSubscription } from '../graphql/incidents.ts';

/**
 * Every incident change, live, into the normalized cache (whose updaters place the incident in the lists it now
 * belongs to). The component only needs to be mounted; the subscription resumes from its cursor after a lost
 * connection (src/lib/live-subscriptions.ts).
 */
export function useIncidentFeed(): { error?: Error } {
  const [{ error }] = useSubscription({ query: IncidentChangedSubscription, variables: { after: null } });
  return error ? { error } : {};
}
