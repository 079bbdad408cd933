/** GraphQL enum names to the lower-case values the domain, Redis and the Statuspage JSON use. */
export const enums = {
  AnnouncementState: {
    INVESTIGATING: 'investigating',
    IDENTIFIED: 'identified',
    MONITORING: 'monitoring',
    RESOLVED: 'resolved',
  },
  ComponentStatus: {
    OPERATIONAL: 'operational',
    UNDER_MAINTENANCE: 'under_maintenance',
    DEGRADED_PERFORMANCE: 'degraded_performance',
    PARTIAL_OUTAGE: 'partial_outage',
    MAJOR_OUTAGE: 'major_outage',
  },
  MaintenanceStatus: {
    SCHEDULED: 'scheduled',
    IN_PROGRESS: 'in_progress',
    VERIFYING: 'verifying',
    COMPLETED: 'completed',
  },
  StatusIndicator: {
    NONE: 'none',
    MINOR: 'minor',
    MAJOR: 'major',
    CRITICAL: 'critical',
    MAINTENANCE: 'maintenance',
  },
} as const;
