'use client';

import { AppShell } from '../../../../components/app-shell.tsx';
import { NewIncidentForm } from '../../../../features/new-incident-form.tsx';

export default function NewIncidentPage() {
  return (
    <AppShell minRole="RESPONDER">
      <NewIncidentForm />
    </AppShell>
  );
}
