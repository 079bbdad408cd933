'use client';

import { AppShell } from '../../../components/app-shell.tsx';
import { useSession } from '../../../components/providers.tsx';
import { MyActionItems } from '../../../features/action-items/my-action-items.tsx';
import { can } from '../../../lib/roles.ts';

export default function MyActionItemsPage() {
  return (
    <AppShell>
      <Owed />
    </AppShell>
  );
}

/** Inside the shell: the session is signed in there. */
function Owed() {
  const { state } = useSession();
  const role = state.status === 'signed-in' ? state.user.role : undefined;
  return <MyActionItems editable={can.manageActionItems(role)} />;
}
