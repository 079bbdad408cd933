/** GraphQL enum names to the lower-case values the domain and Redis use. */
export const enums = {
  IncidentStatus: { OPEN: 'open', MITIGATED: 'mitigated', RESOLVED: 'resolved' },
  IncidentSource: { MANUAL: 'manual', CSP: 'csp', API: 'api' },
  TimelineNoteType: { UPDATE: 'update', NOTE: 'note', MITIGATION: 'mitigation', RESOLUTION: 'resolution' },
  TimelineEventType: {
    UPDATE: 'update',
    NOTE: 'note',
    MITIGATION: 'mitigation',
    RESOLUTION: 'resolution',
    CREATED: 'created',
    STATUS_CHANGED: 'status_changed',
    COMMANDER_ASSIGNED: 'commander_assigned',
    POSTMORTEM_UPDATED: 'postmortem_updated',
    INCIDENT_UPDATED: 'incident_updated',
  },
} as const;
