import type { RestHandlers } from '@polystatus/rest-kit';
import { createActionItem, getActionItem, listActionItems, updateActionItem } from './action-items.ts';
import { createIncident, getIncident, listIncidents, updateIncident } from './incidents.ts';
import { assignIncident, changeIncidentStatus } from './lifecycle.ts';
import { getPostmortem, submitPostmortem } from './postmortem.ts';
import {
  acknowledgeIncident,
  assignIncidentRole,
  listIncidentRoles,
  unassignIncidentRole,
} from './response.ts';
import { getIncidentStats } from './stats.ts';
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
  acknowledgeIncident,
  listIncidentRoles,
  assignIncidentRole,
  unassignIncidentRole,
  createActionItem,
  listActionItems,
  getActionItem,
  updateActionItem,
  getIncidentStats,
};
