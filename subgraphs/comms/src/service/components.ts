import { DomainError, InputCheck, type Principal, requireRole } from '@polystatus/kit';
import type { Component, ComponentGroup } from '../domain/component.ts';
import { actorId, COMMS_EVENTS, commsEvent } from '../domain/events.ts';
import type { CommsDeps } from './deps.ts';

const NAME_MAX = 100;
const DESCRIPTION_MAX = 1000;
const POSITION = { min: 0, max: 10_000 };
/** Compare-and-set retries before a hot record answers CONFLICT. */
const CAS_ATTEMPTS = 5;

export async function createComponentGroup(
  deps: CommsDeps,
  principal: Principal,
  input: { name: unknown; description?: unknown; position?: unknown },
): Promise<ComponentGroup> {
  const actor = actorId(requireRole(principal, 'manager'));
  const check = new InputCheck();
  const name = check.text('name', input.name, { max: NAME_MAX, required: true });
  const description = check.text('description', input.description, { max: DESCRIPTION_MAX, multiline: true });
  const position = check.integer('position', input.position, POSITION);
  check.throwIfAny();
  const now = deps.clock();
  const group: ComponentGroup = {
    id: deps.newId('group'),
    name: name!,
    description: description ?? '',
    position: position ?? 0,
    createdAt: now,
  };
  const k = deps.store.keys;
  await deps.store.casWrite({
    key: k.componentGroup(group.id),
    expected: '',
    value: group,
    zadd: [[k.componentGroups, group.position, group.id]],
    now,
    actor: actor,
  });
  await deps.publicPage.requestRender();
  return group;
}

async function checkGroup(deps: CommsDeps, check: InputCheck, groupId: string | undefined) {
  if (groupId && !(await deps.store.group(groupId))) check.add('groupId', 'no such group');
}

export async function createComponent(
  deps: CommsDeps,
  principal: Principal,
  input: { name: unknown; description?: unknown; groupId?: unknown; position?: unknown },
): Promise<Component> {
  const actor = actorId(requireRole(principal, 'manager'));
  const check = new InputCheck();
  const name = check.text('name', input.name, { max: NAME_MAX, required: true });
  const description = check.text('description', input.description, { max: DESCRIPTION_MAX, multiline: true });
  const groupId = check.text('groupId', input.groupId, { max: 64 }) || undefined;
  const position = check.integer('position', input.position, POSITION);
  await checkGroup(deps, check, groupId);
  check.throwIfAny();
  const now = deps.clock();
  const component: Component = {
    id: deps.newId('component'),
    name: name!,
    description: description ?? '',
    groupId: groupId ?? null,
    position: position ?? 0,
    status: 'operational',
    createdAt: now,
    updatedAt: now,
  };
  const k = deps.store.keys;
  await deps.store.casWrite({
    key: k.component(component.id),
    expected: '',
    value: component,
    zadd: [[k.components, component.position, component.id]],
    event: commsEvent(
      COMMS_EVENTS.componentCreated,
      actor,
      component.id,
      { componentId: component.id, name: component.name, groupId: component.groupId },
      now,
    ),
    now,
    actor: actor,
  });
  await deps.publicPage.requestRender();
  return component;
}

export async function updateComponent(
  deps: CommsDeps,
  principal: Principal,
  id: string,
  input: { name?: unknown; description?: unknown; groupId?: unknown; position?: unknown },
): Promise<Component> {
  const actor = actorId(requireRole(principal, 'manager'));
  const check = new InputCheck();
  const name =
    input.name == null ? undefined : check.text('name', input.name, { max: NAME_MAX, required: true });
  const description = check.text('description', input.description, { max: DESCRIPTION_MAX, multiline: true });
  const groupText = check.text('groupId', input.groupId, { max: 64 });
  const position = check.integer('position', input.position, POSITION);
  await checkGroup(deps, check, groupText || undefined);
  check.throwIfAny();

  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    const current = await deps.store.component(id);
    if (!current) throw new DomainError('NOT_FOUND', `component ${id} not found`);
    const c = current.record;
    const next: Component = {
      ...c,
      name: name ?? c.name,
      description: description ?? c.description,
      groupId: groupText === undefined ? c.groupId : groupText || null,
      position: position ?? c.position,
    };
    const changed = (
      [
        ['name', next.name !== c.name],
        ['description', next.description !== c.description],
        ['group', next.groupId !== c.groupId],
        ['position', next.position !== c.position],
      ] as const
    )
      .filter(([, differs]) => differs)
      .map(([field]) => field);
    if (changed.length === 0) return c;
    const now = deps.clock();
    next.updatedAt = now;
    const k = deps.store.keys;
    const outcome = await deps.store.casWrite({
      key: k.component(id),
      expected: current.raw,
      value: next,
      zadd: [[k.components, next.position, id]],
      event: commsEvent(COMMS_EVENTS.componentUpdated, actor, id, { componentId: id, changed }, now),
      now,
      actor: actor,
    });
    if (outcome === 'conflict') continue;
    await deps.publicPage.requestRender();
    return next;
  }
  throw new DomainError('CONFLICT', `component ${id} is being changed by someone else; try again`);
}
