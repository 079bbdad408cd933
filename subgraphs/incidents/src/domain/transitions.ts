import { conflict } from '@polystatus/kit';
import type { Status } from './incident.ts';

/** What a transition does to a timestamp. */
export type Stamp = 'keep' | 'set' | 'set_if_unset' | 'clear';
export interface Effects {
  mitigatedAt: Stamp;
  resolvedAt: Stamp;
  /** Moving towards recovery acknowledges implicitly; acknowledgement is never undone (it records a response). */
  acknowledgedAt: 'keep' | 'set_if_unset';
}

/**
 * The status machine, from → to. Anything missing is refused. The store's Lua script applies these effects
 * (it alone sees the current status atomically), so this table is the single statement of the rules.
 */
export const TRANSITIONS: Readonly<Record<Status, Partial<Record<Status, Effects>>>> = {
  open: {
    mitigated: { mitigatedAt: 'set', resolvedAt: 'keep', acknowledgedAt: 'set_if_unset' },
    // Skipping mitigation still records when the impact stopped.
    resolved: { mitigatedAt: 'set_if_unset', resolvedAt: 'set', acknowledgedAt: 'set_if_unset' },
  },
  mitigated: {
    resolved: { mitigatedAt: 'keep', resolvedAt: 'set', acknowledgedAt: 'set_if_unset' },
    // The mitigation did not hold: the incident is no longer mitigated.
    open: { mitigatedAt: 'clear', resolvedAt: 'keep', acknowledgedAt: 'keep' },
  },
  resolved: {
    // Reopen: the earlier mitigation and resolution no longer describe the incident.
    open: { mitigatedAt: 'clear', resolvedAt: 'clear', acknowledgedAt: 'keep' },
  },
};

export type Plan = { kind: 'noop' } | { kind: 'change'; effects: Effects };

/** The decision for one current status. Same status is a no-op so a retried request succeeds unchanged. */
export function planTransition(from: Status, to: Status): Plan {
  if (from === to) return { kind: 'noop' };
  const effects = TRANSITIONS[from][to];
  if (!effects) {
    throw conflict(`cannot change status from ${from} to ${to}`, [
      { field: 'status', issue: `cannot go from ${from} to ${to}` },
    ]);
  }
  return { kind: 'change', effects };
}

/** For a target status, the effects per possible current status: what the status script needs to decide alone. */
export function plansTo(to: Status): Partial<Record<Status, Effects>> {
  const plans: Partial<Record<Status, Effects>> = {};
  for (const [from, targets] of Object.entries(TRANSITIONS) as [Status, Partial<Record<Status, Effects>>][]) {
    const effects = targets[to];
    if (effects) plans[from] = effects;
  }
  return plans;
}
