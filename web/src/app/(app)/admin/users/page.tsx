'use client';

import { AppShell } from '../../../../components/app-shell.tsx';
import { UsersAdmin } from '../../../../features/admin/users-admin.tsx';

export default function UsersAdminPage() {
  return (
    <AppShell minRole="ADMIN">
      <UsersAdmin />
    </AppShell>
  );
}
