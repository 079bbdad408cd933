'use client';

import Link from 'next/link';
import { AppShell } from '../../../components/app-shell.tsx';
import { Wallboard } from '../../../features/providers/wallboard.tsx';

export default function WallboardPage() {
  return (
    <div className="wallboard">
      <AppShell bare>
        <Link href="/" className="wall-back">
          ← PolyStatus
        </Link>
        <Wallboard />
      </AppShell>
    </div>
  );
}
