'use client';

import { AppShell } from '../../../../components/app-shell.tsx';
import { FlagsAdmin } from '../../../../features/flags/flags-admin.tsx';

export default function FlagsAdminPage() {
  return (
    <AppShell minRole="ADMIN">
      <FlagsAdmin />
    </AppShell>
  );
}
