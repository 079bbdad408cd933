/** The GraphQL operations the flags tests send, spelled once. */
export const FLAG_FIELDS = /* GraphQL */ `
  key
  on
  kind
  variations
  offVariation
  fallthrough { variation rollout { variation weight } }
  rules { if { attr op values } serve { variation rollout { variation weight } } }
  targets { user variation }
  version
  updatedById
`;

export const PUT = `mutation Put($input: FlagInput!, $expectedVersion: Int) {
  putFlag(input: $input, expectedVersion: $expectedVersion) { created flag { ${FLAG_FIELDS} } }
}`;

export const TOGGLE = `mutation Toggle($key: ID!, $on: Boolean!, $incidentId: ID) {
  toggleFlag(key: $key, on: $on, incidentId: $incidentId) {
    changed incidentId timelineEntryId timelineError flag { key on version }
  }
}`;

export const GET = `query Get($key: ID!) {
  flag(key: $key) { ${FLAG_FIELDS} audit { nodes { id action actorId incidentId before after } } }
}`;

export const LIST = `query List { flags { key on version } }`;

export const AUDIT = `query Audit($first: Int, $after: String) {
  flagAudit(first: $first, after: $after) { nodes { id flagKey action } pageInfo { hasNextPage endCursor } }
}`;

export const EVALUATE = `query Evaluate($user: String!, $role: String) {
  evaluateFlags(user: $user, role: $role) { key variation off reason }
}`;

export interface FlagReply {
  key: string;
  on: boolean;
  version: number;
  variations: string[];
}
