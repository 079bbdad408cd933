/**
 * The domain events appended to `<prefix>:incidents:events` (kit envelope, `subject` = incident id). Every `data`
 * holds `incidentId` and the incident's new `version`, and `timelineEntryId` (the timeline entry the change
 * recorded, so a live client can resume the timeline from it); the README lists what each adds.
 */
export const INCIDENT_EVENTS = {
  created: 'incident.created',
  updated: 'incident.updated',
  statusChanged: 'incident.status_changed',
  commanderAssigned: 'incident.commander_assigned',
  timelineEventAdded: 'incident.timeline_event_added',
  postmortemSubmitted: 'incident.postmortem_submitted',
} as const;

export type IncidentEventType = (typeof INCIDENT_EVENTS)[keyof typeof INCIDENT_EVENTS];
