'use client';

import Link from 'next/link';
import { useQuery } from 'urql';
import { age, formatTime, SevBadge, StatusBadge } from '../../components/incident-badges.tsx';
import { useSession } from '../../components/providers.tsx';
import { Empty, ErrorState, Pending } from '../../components/states.tsx';
import { useNow } from '../../components/use-now.ts';
import { IncidentRoomQuery } from '../../graphql/incidents.ts';
import { can } from '../../lib/roles.ts';
import { Acknowledgement } from './acknowledgement.tsx';
import { ActionItemsPanel } from './action-items-panel.tsx';
import { Announcements } from './announcements.tsx';
import { CommanderControl } from './commander-control.tsx';
import { CspEvents } from './csp-events.tsx';
import { KillSwitches } from './kill-switches.tsx';
import { PostmortemEditor, PostmortemView } from './postmortem.tsx';
import { RolesPanel } from './roles-panel.tsx';
import { StatusControl } from './status-control.tsx';
import { Timeline } from './timeline.tsx';
import { TimelineComposer } from './timeline-composer.tsx';

/**
 * Where responders work an incident: its facts, the live timeline and what the role may do (acknowledge, add an
 * entry, change the status, assign the commander and response roles, track action items, pull a kill switch,
 * publish a public update, follow the linked cloud-provider events, write the postmortem). Every change arrives through the cache, from
 * this tab's mutations and everyone else's subscription events alike.
 */
export function IncidentRoom({ id }: { id: string }) {
  const { state } = useSession();
  const role = state.status === 'signed-in' ? state.user.role : undefined;
  const [{ data, error }, refetch] = useQuery({ query: IncidentRoomQuery, variables: { id } });
  const now = useNow();

  if (!data) {
    return <Pending error={error} refetch={refetch} />;
  }
  const incident = data.incident;
  if (!incident) {
    return (
      <Empty>
        No incident {id}. <Link href="/">Back to the dashboard</Link>
      </Empty>
    );
  }

  return (
    <>
      <p style={{ margin: '0 0 0.5rem' }}>
        <Link href="/">← Dashboard</Link>
      </p>
      <div className="room-head">
        <SevBadge sev={incident.sev} />
        <StatusBadge status={incident.status} />
        <span className="incident-id">{incident.id}</span>
      </div>
      <h1>{incident.title}</h1>
      {incident.summary ? <p style={{ whiteSpace: 'pre-wrap' }}>{incident.summary}</p> : null}
      <Acknowledgement incident={incident} canAcknowledge={can.acknowledge(role)} />
      {error ? <ErrorState error={error} /> : null}

      <div className="room">
        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title">Timeline</h2>
          <Timeline incidentId={incident.id} />
          {can.addTimelineEvent(role) ? <TimelineComposer incidentId={incident.id} /> : null}
        </section>

        <aside className="side">
          <div className="card">
            <h2>Details</h2>
            <dl className="facts">
              <dt>Started</dt>
              <dd title={incident.startedAt}>
                {formatTime(incident.startedAt)} ({age(incident.startedAt, now)} ago)
              </dd>
              {incident.mitigatedAt ? (
                <>
                  <dt>Mitigated</dt>
                  <dd>{formatTime(incident.mitigatedAt)}</dd>
                </>
              ) : null}
              {incident.resolvedAt ? (
                <>
                  <dt>Resolved</dt>
                  <dd>{formatTime(incident.resolvedAt)}</dd>
                </>
              ) : null}
              <dt>Commander</dt>
              <dd data-testid="commander">{incident.commander?.name ?? 'Nobody yet'}</dd>
              <dt>Services</dt>
              <dd>
                {incident.services.length
                  ? incident.services.map((s) => (
                      <span key={s} className="chip">
                        {s}
                      </span>
                    ))
                  : '—'}
              </dd>
              <dt>Declared by</dt>
              <dd>
                {incident.createdBy?.name ?? '—'} ({incident.source.toLowerCase()})
              </dd>
            </dl>
          </div>
          {can.changeStatus(role) ? <StatusControl incident={incident} /> : null}
          {can.assignCommander(role) ? <CommanderControl incident={incident} /> : null}
          <RolesPanel incident={incident} editable={can.assignIncidentRole(role)} />
          {can.pullKillSwitch(role) ? <KillSwitches incidentId={incident.id} /> : null}
        </aside>
      </div>

      <Announcements incidentId={incident.id} canPublish={can.publishAnnouncement(role)} />

      <CspEvents incidentId={incident.id} />

      <ActionItemsPanel incidentId={incident.id} editable={can.manageActionItems(role)} />

      <section aria-labelledby="postmortem-title">
        <h2 id="postmortem-title">Postmortem</h2>
        {can.editPostmortem(role) ? (
          <PostmortemEditor
            incidentId={incident.id}
            version={incident.version}
            postmortem={incident.postmortem ?? null}
          />
        ) : incident.postmortem ? (
          <PostmortemView postmortem={incident.postmortem} />
        ) : (
          <Empty>No postmortem yet.</Empty>
        )}
      </section>
    </>
  );
}
