/** GraphQL enum names to the lower-case values the domain and Redis use. */
const lower = <const T extends string>(...names: T[]) =>
  Object.fromEntries(names.map((n) => [n, n.toLowerCase()])) as { [K in T]: Lowercase<K> };

export const enums = {
  CspFeedType: lower('JSON', 'STATUSPAGE', 'GCP', 'AWS', 'STATUSIO', 'SLACK', 'RSS', 'ATOM', 'HTTP'),
  CspStatus: lower(
    'INVESTIGATING',
    'IDENTIFIED',
    'MONITORING',
    'RESOLVED',
    'SCHEDULED',
    'IN_PROGRESS',
    'VERIFYING',
    'COMPLETED',
    'UNKNOWN',
  ),
  CspImpact: lower('NONE', 'MINOR', 'MAJOR', 'CRITICAL', 'MAINTENANCE'),
  CspComponentStatus: lower(
    'OPERATIONAL',
    'DEGRADED_PERFORMANCE',
    'PARTIAL_OUTAGE',
    'MAJOR_OUTAGE',
    'UNDER_MAINTENANCE',
    'UNKNOWN',
  ),
  CspEventKind: lower('INCIDENT', 'MAINTENANCE'),
  CspCircuitState: lower('CLOSED', 'OPEN', 'HALF_OPEN'),
  CspCauseEdgeKind: lower('DECLARED', 'INFERRED'),
} as const;
