'use client';

import { AppShell } from '../../../../components/app-shell.tsx';
import { WebhooksAdmin } from '../../../../features/admin/webhooks-admin.tsx';

export default function WebhooksAdminPage() {
  return (
    <AppShell minRole="MANAGER">
      <WebhooksAdmin />
    </AppShell>
  );
}
