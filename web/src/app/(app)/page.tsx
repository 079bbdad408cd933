'use client';

import { AppShell } from '../../components/app-shell.tsx';
import { Dashboard } from '../../features/dashboard.tsx';

export default function DashboardPage() {
  return (
    <AppShell>
      <Dashboard />
    </AppShell>
  );
}
