'use client';

import { useParams } from 'next/navigation';
import { AppShell } from '../../../../components/app-shell.tsx';
import { IncidentRoom } from '../../../../features/incident-room/incident-room.tsx';

export default function IncidentRoomPage() {
  const { id } = useParams<{ id: string }>();
  return (
    <AppShell>
      <IncidentRoom id={decodeURIComponent(id)} />
    </AppShell>
  );
}
