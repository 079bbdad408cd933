import type { RestHandlers } from '@polystatus/rest-kit';
import { createIncident, getIncident, listIncidents, updateIncident } from './incidents.ts';
import { assignIncident, changeIncidentStatus } from './lifecycle.ts';
import { getPostmortem, submitPostmortem } from './postmortem.ts';
import { addTimelineEvent, listTimelineEvents } from './timeline.ts';

/** Keyed by the operationIds of swaggers/incidents.yaml; the service refuses to start if the two sets differ. */
export const incidentsHandlers: RestHandlers = {
  createIncident,
  listIncidents,
  getIncident,
  updateIncident,
  assignIncident,
  changeIncidentStatus,
  addTimelineEvent,
  listTimelineEvents,
  submitPostmortem,
  getPostmortem,
};
