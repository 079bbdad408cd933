/**
 * The fields whose answers a domain's event stream versions, by domain: every change to what they read is
 * committed in the same atomic step (Lua script or MULTI) as an entry on `<prefix>:<domain>:events`. An answer
 * made only of these fields is therefore unchanged for as long as the newest entries of those domains' streams
 * are, which is what lets the gateway reuse it (response-cache.ts).
 *
 * A field belongs here only when that holds for everything it reads, and it reads no clock: `Incident.actionItems`
 * and `ActionItem.overdue` compare with the time of the request, `Query.incidentStats` counts relative windows,
 * `ApiToken.lastUsedAt` is written on use without an event, audit and sign-in data has its own stream. Anything
 * not listed (every other domain, introspection, abstract types) makes an operation uncacheable, so forgetting a
 * field costs speed, never correctness. response-cache.test.ts checks every coordinate exists in the supergraph.
 *
 * `NEUTRAL` fields answer from their parent object alone (a connection's page info) and version nothing.
 */
export const VERSIONED_READS: Readonly<Record<string, readonly string[]>> = {
  // Every incidents write script goes through write-common.lua's emit() or XADDs the events stream itself
  // (subgraphs/incidents/src/store/lua); the timeline, roles and postmortems are written by the same scripts.
  incidents: [
    'Query.incidents',
    'Query.incident',
    'IncidentConnection.edges',
    'IncidentConnection.nodes',
    'IncidentConnection.pageInfo',
    'IncidentEdge.cursor',
    'IncidentEdge.node',
    ...fieldsOf('Incident', [
      'id',
      'title',
      'sev',
      'services',
      'summary',
      'status',
      'source',
      'startedAt',
      'mitigatedAt',
      'resolvedAt',
      'updatedAt',
      'commanderId',
      'commander',
      'createdById',
      'createdBy',
      'externalKey',
      'acknowledgedAt',
      'acknowledgedById',
      'acknowledgedBy',
      'roles',
      'version',
      'timeline',
      'postmortem',
      'postmortemHistory',
    ]),
    ...fieldsOf('IncidentRoleAssignment', [
      'role',
      'userId',
      'user',
      'assignedAt',
      'assignedById',
      'assignedBy',
    ]),
    'TimelineConnection.edges',
    'TimelineConnection.nodes',
    'TimelineConnection.pageInfo',
    'TimelineEdge.cursor',
    'TimelineEdge.node',
    ...fieldsOf('TimelineEvent', [
      'id',
      'incidentId',
      'type',
      'message',
      'authorId',
      'author',
      'at',
      'system',
      'subjectId',
      'subject',
      'upstream',
    ]),
    ...fieldsOf('UpstreamUpdate', ['provider', 'upstreamId', 'status', 'at', 'url']),
    ...fieldsOf('Postmortem', [
      'incidentId',
      'version',
      'whatHappened',
      'rootCause',
      'impact',
      'lessonsLearned',
      'actionItems',
      'editedById',
      'editedBy',
      'editedAt',
    ]),
    // Not `actionItem`: an action item's `overdue` depends on the time of the request.
    ...fieldsOf('PostmortemActionItem', ['text', 'ownerId', 'owner', 'done', 'actionItemId']),
  ],
  // Every users write that changes these (create, update, role change, disable, enable, password) appends its
  // event in the same script or MULTI (subgraphs/users/src/store/stream-writes.ts).
  users: [
    'Query.me',
    'Query.user',
    'Query.users',
    'UserConnection.edges',
    'UserConnection.nodes',
    'UserConnection.pageInfo',
    'UserEdge.cursor',
    'UserEdge.node',
    ...fieldsOf('User', ['id', 'role', 'name', 'email', 'team', 'createdAt', 'disabled', 'hasPassword']),
  ],
};

export const NEUTRAL: readonly string[] = ['PageInfo.hasNextPage', 'PageInfo.endCursor'];

function fieldsOf(type: string, fields: readonly string[]): string[] {
  return fields.map((f) => `${type}.${f}`);
}
