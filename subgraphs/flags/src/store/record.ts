import type { AuditEntry, Flag, FlagDefinition } from '../domain/flag.ts';

/** The hash fields every write script returns and every read asks for, in this order. */
export const FLAG_FIELDS = ['def', 'on', 'version', 'createdAt', 'updatedAt', 'updatedBy'] as const;

/** What is stored in `def`: the definition without `on` (see keys.ts), keys in a fixed order. */
export function encodeDefinition(def: FlagDefinition): string {
  const { on: _on, ...rest } = def;
  return JSON.stringify({
    id: rest.id,
    kind: rest.kind,
    variations: rest.variations,
    offVariation: rest.offVariation,
    fallthrough: rest.fallthrough,
    rules: rest.rules,
    targets: rest.targets,
    description: rest.description,
  });
}

export function decodeFlag(values: readonly (string | null)[]): Flag | null {
  const [def, on, version, createdAt, updatedAt, updatedBy] = values;
  if (!def) return null;
  const parsed = JSON.parse(def) as Omit<FlagDefinition, 'on'>;
  return {
    ...parsed,
    on: on === '1',
    version: Number(version),
    createdAt: Number(createdAt),
    updatedAt: Number(updatedAt),
    updatedBy: updatedBy ?? '',
  };
}

export function decodeAuditEntry(id: string, fields: readonly string[]): AuditEntry {
  const f: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i]!] = fields[i + 1]!;
  return {
    id,
    flagKey: f.flagKey ?? '',
    action: (f.action ?? 'updated') as AuditEntry['action'],
    actorId: f.actorId ?? '',
    at: Number(f.at),
    incidentId: f.incidentId || null,
    before: f.before || null,
    after: f.after ?? '',
  };
}
