import { DomainError, type FieldIssue } from '@polystatus/kit';

const camelToSnake = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/**
 * The REST name of a field the graph reported (`actionItems[0].ownerId` → `action_items[0].owner_id`). GraphQL
 * speaks camelCase and REST snake_case, so a client must see the names it sent, not the graph's. `renames`
 * replaces whole segments whose REST name is not a mechanical conversion (`commanderId` → `commander`).
 */
export function restFieldName(field: string, renames: Record<string, string> = {}): string {
  return field
    .split('.')
    .map((segment) => {
      const [, name = segment, index = ''] = /^([^[]*)(.*)$/.exec(segment) ?? [];
      return `${renames[name] ?? camelToSnake(name)}${index}`;
    })
    .join('.');
}

const joined = (details: FieldIssue[]) => details.map((d) => `${d.field}: ${d.issue}`).join('; ');

/** The same error with its details (and a message built from them) in REST field names. */
export function withRestFieldNames(err: DomainError, renames: Record<string, string> = {}): DomainError {
  if (!err.details.length) return err;
  const details = err.details.map((d) => ({ field: restFieldName(d.field, renames), issue: d.issue }));
  // Messages the domain built from its details are rebuilt; a message written by hand is kept as it is.
  const message = err.message === joined(err.details) ? joined(details) : err.message;
  return new DomainError(err.code, message, {
    details,
    ...(err.retryAfter !== undefined ? { retryAfter: err.retryAfter } : {}),
  });
}
