import type { SubscriptionSource } from '../source.ts';
import { incidentChanged, incidentTimeline } from './incidents.ts';

/** Every subscription the realtime server offers; a domain joins by adding its sources here (see README.md). */
export const SOURCES: readonly SubscriptionSource[] = [incidentChanged, incidentTimeline];
