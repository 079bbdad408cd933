import type { SubscriptionSource } from '../source.ts';
import { announcementPublished, publicStatusChanged } from './comms.ts';
import { cspEventChanged } from './csp.ts';
import { flagChanged } from './flags.ts';
import { incidentChanged, incidentTimeline } from './incidents.ts';

/** Every subscription the realtime server offers; a domain joins by adding its sources here (see README.md). */
export const SOURCES: readonly SubscriptionSource[] = [
  incidentChanged,
  incidentTimeline,
  flagChanged,
  cspEventChanged,
  announcementPublished,
  publicStatusChanged,
];
