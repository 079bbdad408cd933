'use client';

import { AppShell } from '../../../../components/app-shell.tsx';
import { TokensAdmin } from '../../../../features/admin/tokens-admin.tsx';

export default function TokensAdminPage() {
  return (
    <AppShell minRole="ADMIN">
      <TokensAdmin />
    </AppShell>
  );
}
