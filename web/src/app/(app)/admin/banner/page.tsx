'use client';

import { AppShell } from '../../../../components/app-shell.tsx';
import { BannerAdmin } from '../../../../features/admin/banner-admin.tsx';

export default function BannerAdminPage() {
  return (
    <AppShell minRole="ADMIN">
      <BannerAdmin />
    </AppShell>
  );
}
