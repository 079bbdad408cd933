import { DomainError, type Principal } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import type { UserStanding } from '../domain/commander.ts';
import type { IncidentStore, WriteResult } from '../store/incident-store.ts';
import { assignCommander } from './assign-commander.ts';
import type { IncidentsDeps } from './deps.ts';

const manager: Principal = { kind: 'user', id: 'u-mgr', role: 'manager' };

/** A store that records what reached it, and a directory that knows a fixed set of users. */
function fakes(users: Record<string, UserStanding>) {
  const writes: { id: string; commanderId: string }[] = [];
  const asked: string[] = [];
  const store = {
    async assignCommander(id: string, commanderId: string): Promise<WriteResult> {
      writes.push({ id, commanderId });
      return { outcome: 'ok', entryId: '1-0', detail: '', incident: { id, commanderId } as never };
    },
  } as unknown as IncidentStore;
  const deps: IncidentsDeps = {
    store,
    users: {
      async standing(userId) {
        asked.push(userId);
        return users[userId] ?? 'unknown';
      },
      catchUp: async () => 0,
    },
    newId: () => 'INC-00000001',
    newActionItemId: () => 'ACT-00000001',
    actionItems: {} as never,
    clock: () => 0,
  };
  return { deps, writes, asked };
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: DomainError) => err,
  );

describe('assignCommander', () => {
  it('writes for an enabled user, whatever their role', async () => {
    const { deps, writes } = fakes({ viewer1: 'enabled' });
    await assignCommander(deps, manager, 'INC-1', 'viewer1');
    expect(writes).toEqual([{ id: 'INC-1', commanderId: 'viewer1' }]);
  });

  it.each([
    ['not-a-user', 'no such user'],
    ['off', 'user is disabled'],
  ])('refuses %s with VALIDATION on commanderId and writes nothing', async (who, issue) => {
    const { deps, writes } = fakes({ off: 'disabled' });
    const err = await refusal(assignCommander(deps, manager, 'INC-1', who));
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'VALIDATION', details: [{ field: 'commanderId', issue }] });
    expect(writes).toEqual([]);
  });

  it('checks the role and the id format before asking the directory', async () => {
    const { deps, asked } = fakes({ a: 'enabled' });
    const responder: Principal = { kind: 'user', id: 'u-r', role: 'responder' };
    expect((await refusal(assignCommander(deps, responder, 'INC-1', 'a')))?.code).toBe('FORBIDDEN');
    expect((await refusal(assignCommander(deps, manager, 'INC-1', 7)))?.code).toBe('VALIDATION');
    expect(asked).toEqual([]);
  });
});
