'use client';

import { AppShell } from '../../../../components/app-shell.tsx';
import { StatusPageAdmin } from '../../../../features/admin/status-page-admin.tsx';

export default function StatusPageAdminPage() {
  return (
    <AppShell minRole="MANAGER">
      <StatusPageAdmin />
    </AppShell>
  );
}
