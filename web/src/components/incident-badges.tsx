import type { IncidentStatus } from '../generated/graphql.ts';

export const SevBadge = ({ sev }: { sev: number }) => (
  <span className={`sev sev-${sev}`} title={`Severity ${sev} (1 is the most severe)`}>
    SEV{sev}
  </span>
);

export const StatusBadge = ({ status }: { status: IncidentStatus }) => (
  <span className={`status status-${status.toLowerCase()}`}>{status.toLowerCase()}</span>
);

/** "4m", "2h 5m", "3d 1h": how long since `from` (an ISO instant), at `now`. */
export function age(from: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(from)) / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

export const formatTime = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
