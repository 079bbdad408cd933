/** GraphQL documents the integration tests and the benchmark send. */
export const INCIDENT_FIELDS = `id title sev services summary status source startedAt mitigatedAt resolvedAt updatedAt
  commanderId commander { id } createdById version`;

export const CREATE = `mutation Create($input: CreateIncidentInput!) { createIncident(input: $input) { ${INCIDENT_FIELDS} } }`;
export const GET = `query Get($id: ID!) { incident(id: $id) { ${INCIDENT_FIELDS} } }`;
export const LIST = `query List($filter: IncidentFilter, $first: Int, $after: String) {
  incidents(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id } } pageInfo { hasNextPage endCursor }
  }
}`;
export const CHANGE_STATUS = `mutation Status($id: ID!, $status: IncidentStatus!, $note: String, $v: Int) {
  changeIncidentStatus(id: $id, status: $status, note: $note, expectedVersion: $v) { ${INCIDENT_FIELDS} }
}`;
export const ASSIGN = `mutation Assign($id: ID!, $commanderId: ID!, $v: Int) {
  assignCommander(id: $id, commanderId: $commanderId, expectedVersion: $v) { ${INCIDENT_FIELDS} }
}`;
export const UPDATE = `mutation Update($id: ID!, $input: UpdateIncidentInput!, $v: Int) {
  updateIncident(id: $id, input: $input, expectedVersion: $v) { ${INCIDENT_FIELDS} }
}`;
export const ADD_NOTE = `mutation Note($id: ID!, $input: TimelineNoteInput!) {
  addTimelineEvent(incidentId: $id, input: $input) { id incidentId type message authorId author { id } at system }
}`;
export const TIMELINE = `query Timeline($id: ID!, $first: Int, $after: String) {
  incident(id: $id) { timeline(first: $first, after: $after) {
    edges { cursor node { id type message authorId subjectId system at } } pageInfo { hasNextPage endCursor }
  } }
}`;
export const POSTMORTEM_FIELDS = `incidentId version whatHappened rootCause impact lessonsLearned
  actionItems { text ownerId owner { id } done } editedById editedBy { id } editedAt`;
export const SUBMIT_POSTMORTEM = `mutation Pm($id: ID!, $input: PostmortemInput!, $v: Int) {
  submitPostmortem(incidentId: $id, input: $input, expectedVersion: $v) { ${POSTMORTEM_FIELDS} }
}`;

/** `count` creations in one request, as aliases: seeding thousands of incidents takes a few hundred requests. */
export function createMany(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$i${i}: CreateIncidentInput!`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `c${i}: createIncident(input: $i${i}) { id }`).join(
    '\n',
  );
  return `mutation Seed(${vars}) {\n${fields}\n}`;
}

/** Incident response: acknowledgement, roles, action items, upstream updates (response.int.test.ts …). */
export const ACKNOWLEDGE = `mutation Ack($id: ID!) {
  acknowledgeIncident(id: $id) { acknowledged incident { id version acknowledgedAt acknowledgedById acknowledgedBy { id } } }
}`;
const ROLES_FIELDS = `id version roles { role userId user { id } assignedById assignedAt }`;
export const ASSIGN_ROLE = `mutation Role($id: ID!, $role: IncidentRole!, $userId: ID!) {
  assignIncidentRole(incidentId: $id, role: $role, userId: $userId) { ${ROLES_FIELDS} }
}`;
export const UNASSIGN_ROLE = `mutation Unrole($id: ID!, $role: IncidentRole!, $userId: ID!) {
  unassignIncidentRole(incidentId: $id, role: $role, userId: $userId) { ${ROLES_FIELDS} }
}`;
export const USER_ROLES = `query UserRoles($id: ID!) {
  _entities(representations: [{ __typename: "User", id: $id }]) {
    ... on User { incidentRoles { incident { id } roles } actionItems(first: 50) { nodes { id } } }
  }
}`;
export const ACTION_ITEM_FIELDS = `id incidentId text ownerId owner { id } dueDate status overdue createdById createdAt
  updatedAt version`;
export const CREATE_ACTION_ITEM = `mutation Act($id: ID!, $input: CreateActionItemInput!) {
  createActionItem(incidentId: $id, input: $input) { ${ACTION_ITEM_FIELDS} }
}`;
export const UPDATE_ACTION_ITEM = `mutation ActUp($id: ID!, $input: UpdateActionItemInput!, $v: Int) {
  updateActionItem(id: $id, input: $input, expectedVersion: $v) { ${ACTION_ITEM_FIELDS} }
}`;
export const ACTION_ITEMS = `query Acts($filter: ActionItemFilter, $first: Int, $after: String) {
  actionItems(filter: $filter, first: $first, after: $after) { nodes { id status overdue } pageInfo { hasNextPage endCursor } }
}`;
export const RECORD_UPSTREAM = `mutation Up($id: ID!, $input: UpstreamUpdateInput!) {
  recordUpstreamUpdate(incidentId: $id, input: $input) {
    id type message authorId author { id } system upstream { provider upstreamId status at url }
  }
}`;
export const STATS = `query Stats($from: DateTime!, $to: DateTime!, $groupBy: IncidentStatsGroupBy) {
  incidentStats(from: $from, to: $to, groupBy: $groupBy) {
    total { count openAtEnd timeToAcknowledge { count median p90 mean } timeToResolve { count median p90 mean } }
    groups { key count openAtEnd timeToAcknowledge { count median p90 mean } timeToResolve { count median p90 mean } }
  }
}`;
