'use client';

import { AppShell } from '../../../../components/app-shell.tsx';
import { ProvidersAdmin } from '../../../../features/admin/providers-admin.tsx';

export default function ProvidersAdminPage() {
  return (
    <AppShell minRole="RESPONDER">
      <ProvidersAdmin />
    </AppShell>
  );
}
