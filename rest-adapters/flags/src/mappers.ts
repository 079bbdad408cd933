import { epochSeconds } from '@polystatus/rest-kit';
import type * as Op from './generated/operations.ts';

/**
 * Pure translations between the REST contract (snake_case, lower-case kinds, epoch seconds, targets as a map)
 * and the graph. No rule about flags lives here: the flags subgraph decides what a definition may say.
 */

export type FlagNode = Op.FlagFieldsFragment;
type ServeNode = FlagNode['fallthrough'];

export interface RestWeighted {
  variation: string;
  weight: number;
}

export interface RestServe {
  variation?: string;
  rollout?: RestWeighted[];
}

export interface RestRule extends RestServe {
  if: { attr: string; op: string; value: string | string[] };
}

export interface RestFlag {
  id: string;
  on: boolean;
  kind?: 'boolean' | 'multivar';
  variations?: string[];
  off_variation?: string;
  fallthrough?: RestServe;
  rules?: RestRule[];
  targets?: { users?: Record<string, string> };
  description?: string;
  version?: number;
  created_at?: number;
  updated_at?: number;
  updated_by?: string;
}

/** Graph field names a refusal may carry that are not the snake_case of the REST name. */
export const FIELD_RENAMES = { expectedVersion: 'version', key: 'id' };

const LIST_OPERATORS = new Set(['in', 'not_in']);

const serveToRest = (s: ServeNode): RestServe =>
  s.rollout
    ? { rollout: s.rollout.map((w) => ({ variation: w.variation, weight: w.weight })) }
    : { variation: s.variation ?? '' };

export function flagToRest(f: FlagNode): RestFlag {
  return {
    id: f.key,
    on: f.on,
    kind: f.kind === 'MULTIVAR' ? 'multivar' : 'boolean',
    variations: f.variations,
    off_variation: f.offVariation,
    fallthrough: serveToRest(f.fallthrough),
    rules: f.rules.map((r) => ({
      if: {
        attr: r.if.attr,
        op: r.if.op,
        value: LIST_OPERATORS.has(r.if.op) ? r.if.values : (r.if.values[0] ?? ''),
      },
      ...serveToRest(r.serve),
    })),
    targets: { users: Object.fromEntries(f.targets.map((t) => [t.user, t.variation])) },
    description: f.description,
    version: f.version,
    created_at: epochSeconds(f.createdAt),
    updated_at: epochSeconds(f.updatedAt),
    updated_by: f.updatedById,
  };
}

/** The REST body as the graph's input; `version` travels separately as `expectedVersion`. */
export function flagToInput(body: RestFlag): Op.FlagInput {
  return {
    key: body.id,
    on: body.on,
    ...(body.kind ? { kind: body.kind === 'multivar' ? 'MULTIVAR' : 'BOOLEAN' } : {}),
    ...(body.variations ? { variations: body.variations } : {}),
    ...(body.off_variation !== undefined ? { offVariation: body.off_variation } : {}),
    ...(body.fallthrough ? { fallthrough: body.fallthrough } : {}),
    ...(body.rules
      ? {
          rules: body.rules.map((r) => ({
            if: {
              attr: r.if.attr,
              op: r.if.op,
              ...(Array.isArray(r.if.value) ? { values: r.if.value } : { value: r.if.value }),
            },
            ...(r.variation !== undefined ? { variation: r.variation } : {}),
            ...(r.rollout ? { rollout: r.rollout } : {}),
          })),
        }
      : {}),
    ...(body.targets?.users
      ? { targets: Object.entries(body.targets.users).map(([user, variation]) => ({ user, variation })) }
      : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
  };
}

/**
 * An audit entry's definitions are the domain's JSON (camelCase `offVariation`): renamed to the REST names.
 * They carry no version or times, which are the audit entry's own.
 */
function auditDefinitionToRest(json: string): RestFlag {
  const { offVariation, ...rest } = JSON.parse(json) as RestFlag & { offVariation?: string };
  return { ...rest, ...(offVariation !== undefined ? { off_variation: offVariation } : {}) };
}

type AuditNode = NonNullable<Op.FlagAuditQuery['flag']>['audit']['nodes'][number];

export function auditEntryToRest(e: AuditNode) {
  return {
    id: e.id,
    flag_id: e.flagKey,
    action: e.action.toLowerCase(),
    actor_id: e.actorId,
    at: epochSeconds(e.at),
    incident_id: e.incidentId ?? null,
    ...(e.before ? { before: auditDefinitionToRest(e.before) } : {}),
    after: auditDefinitionToRest(e.after),
  };
}
