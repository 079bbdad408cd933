import { DomainError, InputCheck, type Principal, requireRole } from '@polystatus/kit';
import { MESSAGE_MAX } from '../domain/announcement.ts';
import { actorId, COMMS_EVENTS, commsEvent, SYSTEM_ACTOR } from '../domain/events.ts';
import {
  AUTOMATIC_MESSAGES,
  canMove,
  MAINTENANCE_STATUSES,
  MAX_WINDOW_MS,
  type Maintenance,
  type MaintenanceStatus,
  nextAutomaticStep,
} from '../domain/maintenance.ts';
import type { ImpactOp } from '../store/comms-store.ts';
import type { CommsDeps } from './deps.ts';

const NAME_MAX = 200;
const MAX_COMPONENTS = 100;
const CAS_ATTEMPTS = 5;

interface WindowInput {
  name?: unknown;
  message?: unknown;
  componentIds?: unknown[] | null;
  scheduledFor?: number | null;
  scheduledUntil?: number | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const running = (s: MaintenanceStatus) => s === 'in_progress' || s === 'verifying';

/** What every maintenance event carries. */
export const eventBase = (m: Maintenance) => ({
  maintenanceId: m.id,
  name: m.name,
  status: m.status,
  componentIds: m.componentIds,
  scheduledFor: iso(m.scheduledFor),
  scheduledUntil: iso(m.scheduledUntil),
});

async function checkComponents(deps: CommsDeps, check: InputCheck, ids: unknown[] | null | undefined) {
  if (ids == null) return undefined;
  if (ids.length > MAX_COMPONENTS) {
    check.add('componentIds', `must list at most ${MAX_COMPONENTS} components`);
    return undefined;
  }
  const clean = ids.map((id, n) => check.text(`componentIds[${n}]`, id, { max: 64, required: true }));
  if (clean.some((id) => id === undefined)) return undefined;
  const found = await deps.store.components(clean as string[]);
  found.forEach((c, n) => {
    if (!c) check.add(`componentIds[${n}]`, 'no such component');
  });
  return [...new Set(clean as string[])];
}

function checkWindow(check: InputCheck, from: number | undefined, until: number | undefined) {
  if (from === undefined || until === undefined) return;
  if (until <= from) check.add('scheduledUntil', 'must be after scheduledFor');
  else if (until - from > MAX_WINDOW_MS) check.add('scheduledUntil', 'must be within a year of scheduledFor');
}

export async function scheduleMaintenance(
  deps: CommsDeps,
  principal: Principal,
  input: WindowInput,
): Promise<Maintenance> {
  const actor = actorId(requireRole(principal, 'manager'));
  const check = new InputCheck();
  const name = check.text('name', input.name, { max: NAME_MAX, required: true });
  const message = check.text('message', input.message, { max: MESSAGE_MAX, multiline: true });
  const componentIds = await checkComponents(deps, check, input.componentIds ?? []);
  checkWindow(check, input.scheduledFor ?? undefined, input.scheduledUntil ?? undefined);
  check.throwIfAny();
  const now = deps.clock();
  const m: Maintenance = {
    id: deps.newId('maintenance'),
    name: name!,
    message: message ?? '',
    status: 'scheduled',
    componentIds: componentIds ?? [],
    scheduledFor: input.scheduledFor!,
    scheduledUntil: input.scheduledUntil!,
    startedAt: null,
    completedAt: null,
    createdAt: now,
    updatedAt: now,
    updates: [
      { status: 'scheduled', message: message || AUTOMATIC_MESSAGES.scheduled, at: now, authorId: actor },
    ],
  };
  const k = deps.store.keys;
  await deps.store.casWrite({
    key: k.maintenance(m.id),
    expected: '',
    value: m,
    zadd: [
      [k.maintenances, m.scheduledFor, m.id],
      [k.maintenancesDue, m.scheduledFor, m.id],
      [k.maintenanceReminders, m.scheduledFor, m.id],
    ],
    event: commsEvent(
      COMMS_EVENTS.maintenanceScheduled,
      actor,
      m.id,
      { ...eventBase(m), authorId: actor },
      now,
    ),
    now,
    actor: actor,
  });
  await deps.publicPage.requestRender();
  return m;
}

export async function updateMaintenance(
  deps: CommsDeps,
  principal: Principal,
  id: string,
  input: WindowInput,
): Promise<Maintenance> {
  const actor = actorId(requireRole(principal, 'manager'));
  const check = new InputCheck();
  const name =
    input.name == null ? undefined : check.text('name', input.name, { max: NAME_MAX, required: true });
  const message = check.text('message', input.message, { max: MESSAGE_MAX, multiline: true });
  const componentIds = await checkComponents(deps, check, input.componentIds);
  check.throwIfAny();
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    const current = await deps.store.maintenance(id);
    if (!current) throw new DomainError('NOT_FOUND', `maintenance ${id} not found`);
    const m = current.record;
    if (m.status !== 'scheduled')
      throw new DomainError(
        'CONFLICT',
        `maintenance ${id} is ${m.status}; only a scheduled one can be edited`,
      );
    const next: Maintenance = {
      ...m,
      name: name ?? m.name,
      message: message ?? m.message,
      componentIds: componentIds ?? m.componentIds,
      scheduledFor: input.scheduledFor ?? m.scheduledFor,
      scheduledUntil: input.scheduledUntil ?? m.scheduledUntil,
    };
    const windowCheck = new InputCheck();
    checkWindow(windowCheck, next.scheduledFor, next.scheduledUntil);
    windowCheck.throwIfAny();
    const changed = (
      [
        ['name', next.name !== m.name],
        ['message', next.message !== m.message],
        ['components', next.componentIds.join() !== m.componentIds.join()],
        ['scheduledFor', next.scheduledFor !== m.scheduledFor],
        ['scheduledUntil', next.scheduledUntil !== m.scheduledUntil],
      ] as const
    )
      .filter(([, differs]) => differs)
      .map(([field]) => field);
    if (changed.length === 0) return m;
    const now = deps.clock();
    next.updatedAt = now;
    const k = deps.store.keys;
    const outcome = await deps.store.casWrite({
      key: k.maintenance(id),
      expected: current.raw,
      value: next,
      // Back in the reminder index at its (possibly new) start: the reminder follows the maintenance's time.
      zadd: [
        [k.maintenances, next.scheduledFor, id],
        [k.maintenancesDue, next.scheduledFor, id],
        [k.maintenanceReminders, next.scheduledFor, id],
      ],
      event: commsEvent(COMMS_EVENTS.maintenanceUpdated, actor, id, { ...eventBase(next), changed }, now),
      now,
      actor: actor,
    });
    if (outcome === 'conflict') continue;
    await deps.publicPage.requestRender();
    return next;
  }
  throw new DomainError('CONFLICT', `maintenance ${id} is being changed by someone else; try again`);
}

/** A person moves a maintenance along (or completes it early). */
export async function changeMaintenanceStatus(
  deps: CommsDeps,
  principal: Principal,
  id: string,
  status: unknown,
  message: unknown,
): Promise<Maintenance> {
  const actor = actorId(requireRole(principal, 'manager'));
  const check = new InputCheck();
  const to = check.oneOf('status', status, MAINTENANCE_STATUSES, { required: true });
  const text = check.text('message', message, { max: MESSAGE_MAX, multiline: true });
  check.throwIfAny();
  const moved = await moveMaintenance(deps, id, to!, { actor: actor, message: text, automatic: false });
  if (moved === 'not_found') throw new DomainError('NOT_FOUND', `maintenance ${id} not found`);
  if (moved === 'refused') throw new DomainError('CONFLICT', `maintenance ${id} cannot move to ${to}`);
  return moved;
}

/**
 * One status step, by a person or by the scheduler. Components are under maintenance while it is in progress or
 * verifying; the step, its update message, the due-index and the component statuses change in one script.
 * `automatic` steps only happen when still due (a person may have moved it meanwhile).
 */
export async function moveMaintenance(
  deps: CommsDeps,
  id: string,
  to: MaintenanceStatus,
  how: { actor: string; message?: string | undefined; automatic: boolean },
): Promise<Maintenance | 'not_found' | 'refused'> {
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    const current = await deps.store.maintenance(id);
    if (!current) return 'not_found';
    const m = current.record;
    const now = deps.clock();
    if (how.automatic) {
      const step = nextAutomaticStep(m);
      if (!step || step.to !== to || step.at > now) return 'refused';
    } else if (!canMove(m.status, to)) {
      return 'refused';
    }
    const next: Maintenance = {
      ...m,
      status: to,
      startedAt: m.startedAt ?? (running(to) ? now : null),
      completedAt: to === 'completed' ? now : null,
      updatedAt: now,
      updates: [
        ...m.updates,
        { status: to, message: how.message || AUTOMATIC_MESSAGES[to], at: now, authorId: how.actor },
      ],
    };
    const step = nextAutomaticStep(next);
    const k = deps.store.keys;
    const field = `m:${id}`;
    const impacts: ImpactOp[] = m.componentIds.map((cid) =>
      running(to) ? { cid, field, status: 'under_maintenance' } : { cid, field },
    );
    const outcome = await deps.store.casWrite({
      key: k.maintenance(id),
      expected: current.raw,
      value: next,
      // Whatever the step, the maintenance is no longer scheduled: no reminder is left to send.
      ...(step
        ? { zadd: [[k.maintenancesDue, step.at, id]], zrem: [[k.maintenanceReminders, id]] }
        : {
            zrem: [
              [k.maintenancesDue, id],
              [k.maintenanceReminders, id],
            ],
          }),
      event: commsEvent(
        COMMS_EVENTS.maintenanceStatusChanged,
        how.actor,
        id,
        {
          ...eventBase(next),
          from: m.status,
          message: next.updates.at(-1)!.message,
          automatic: how.automatic,
        },
        now,
      ),
      impacts,
      cause: { kind: 'maintenance', id },
      now,
      actor: how.actor,
    });
    if (outcome === 'conflict') continue;
    await deps.publicPage.requestRender();
    return next;
  }
  throw new DomainError('CONFLICT', `maintenance ${id} is being changed by someone else; try again`);
}

export { SYSTEM_ACTOR };
