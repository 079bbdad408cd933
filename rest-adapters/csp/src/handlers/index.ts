import type { RestHandlers } from '@polystatus/rest-kit';
import { listEvents } from './events.ts';
import { createCspIncident } from './incidents.ts';
import { refreshProvider, registerProvider } from './providers.ts';

/** Keyed by the operationIds of swaggers/csp.yaml; the service refuses to start if the two sets differ. */
export const cspHandlers: RestHandlers = { registerProvider, refreshProvider, listEvents, createCspIncident };
