import { epochSeconds, epochSecondsOrNull } from '@polystatus/rest-kit';
import type * as Op from './generated/operations.ts';

/**
 * Pure translations between the REST contract (snake_case, lower-case enums, epoch seconds) and the graph
 * (camelCase, upper-case enums, ISO-8601). No rule about incidents lives here: the incidents subgraph decides
 * what is valid and what a change does; this file only renames and reformats.
 */

// ---- the graph's shapes: what documents.ts selects, typed by `npm run codegen` ----

export type IncidentNode = Op.IncidentFieldsFragment;
export type TimelineEventNode = Op.TimelineEventFieldsFragment;
export type PostmortemNode = Op.PostmortemFieldsFragment;

// ---- the REST shapes (swaggers/incidents.yaml): the graph's enum values, lower-cased ----

export type RestStatus = Lowercase<Op.IncidentStatus>;
export type RestSource = Lowercase<Op.IncidentSource>;
export type RestNoteType = Lowercase<Op.TimelineNoteType>;

export interface RestIncident {
  id: string;
  title: string;
  sev: number;
  services: string[];
  summary: string;
  status: RestStatus;
  started_at: number;
  commander: string | null;
  mitigated_at: number | null;
  resolved_at: number | null;
  updated_at: number;
  source: RestSource;
  created_by: string;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  version: number;
}

export interface RestTimelineEvent {
  id: string;
  incident_id: string;
  type: string;
  message: string;
  author: string;
  subject: string | null;
  ts: number;
  system: boolean;
}

export interface RestActionItem {
  text: string;
  owner: string | null;
  done: boolean;
}

export interface RestPostmortem {
  incident_id: string;
  version: number;
  what_happened: string;
  root_cause: string;
  impact: string | null;
  lessons_learned: string | null;
  action_items: RestActionItem[];
  edited_by: string;
  edited_at: number;
}

export interface IncidentCreateBody {
  title: string;
  sev: number;
  services?: string[];
  summary?: string;
  source?: RestSource;
}

export interface IncidentPatchBody {
  title?: string;
  sev?: number;
  services?: string[];
  summary?: string;
  expected_version?: number;
}

export type ActionItemBody = string | { text: string; owner?: string | null; done?: boolean };

export interface PostmortemBody {
  what_happened: string;
  root_cause: string;
  impact?: string;
  lessons_learned?: string;
  action_items: ActionItemBody[];
  expected_version?: number;
}

export interface ListIncidentsQuery {
  status?: RestStatus;
  sev?: number;
  service?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

/**
 * Graph field names whose REST name is not their snake_case form, for error details coming back from the graph.
 * `first`/`after` are the pagination arguments behind `limit` and the list's `cursor`.
 */
export const FIELD_RENAMES = {
  commanderId: 'commander',
  ownerId: 'owner',
  incidentId: 'id',
  createdById: 'created_by',
  first: 'limit',
} as const;

export const LIST_FIELD_RENAMES = { ...FIELD_RENAMES, after: 'cursor' };

// JSON.stringify drops `undefined`, so optional REST fields left out stay out of the GraphQL variables.
export const toGraphEnum = <T extends string>(value: T): Uppercase<T> => value.toUpperCase() as Uppercase<T>;
export const fromGraphEnum = <T extends string>(value: T): Lowercase<T> =>
  value.toLowerCase() as Lowercase<T>;

/**
 * REST instants in (epoch seconds) as the graph's DateTime. The swagger bounds them (0 to the end of year 9999),
 * so every value that reaches here is one `Date` can print.
 */
export const isoFromEpochSeconds = (seconds: number): string => new Date(seconds * 1000).toISOString();

export function incidentToRest(n: IncidentNode): RestIncident {
  return {
    id: n.id,
    title: n.title,
    sev: n.sev,
    services: n.services,
    summary: n.summary,
    status: fromGraphEnum(n.status),
    started_at: epochSeconds(n.startedAt),
    commander: n.commanderId,
    mitigated_at: epochSecondsOrNull(n.mitigatedAt),
    resolved_at: epochSecondsOrNull(n.resolvedAt),
    updated_at: epochSeconds(n.updatedAt),
    source: fromGraphEnum(n.source),
    created_by: n.createdById,
    acknowledged_at: epochSecondsOrNull(n.acknowledgedAt),
    acknowledged_by: n.acknowledgedById,
    version: n.version,
  };
}

export function timelineEventToRest(n: TimelineEventNode): RestTimelineEvent {
  return {
    id: n.id,
    incident_id: n.incidentId,
    type: n.type.toLowerCase(),
    message: n.message,
    author: n.authorId,
    subject: n.subjectId ?? null,
    ts: epochSeconds(n.at),
    system: n.system,
  };
}

export function postmortemToRest(n: PostmortemNode): RestPostmortem {
  return {
    incident_id: n.incidentId,
    version: n.version,
    what_happened: n.whatHappened,
    root_cause: n.rootCause,
    impact: n.impact,
    lessons_learned: n.lessonsLearned,
    action_items: n.actionItems.map((a) => ({ text: a.text, owner: a.ownerId, done: a.done })),
    edited_by: n.editedById,
    edited_at: epochSeconds(n.editedAt),
  };
}

export function createInputFromRest(body: IncidentCreateBody): Op.CreateIncidentInput {
  return {
    title: body.title,
    sev: body.sev,
    services: body.services,
    summary: body.summary,
    source: body.source && toGraphEnum(body.source),
  };
}

export function updateFromRest(
  body: IncidentPatchBody,
): Pick<Op.UpdateIncidentMutationVariables, 'input' | 'expectedVersion'> {
  return {
    input: { title: body.title, sev: body.sev, services: body.services, summary: body.summary },
    expectedVersion: body.expected_version,
  };
}

export function filterFromQuery(query: ListIncidentsQuery): Op.IncidentFilter {
  return {
    status: query.status && toGraphEnum(query.status),
    sev: query.sev,
    service: query.service,
    q: query.q,
  };
}

/** The 1.0 contract sends action items as bare strings; later clients send objects. The graph takes objects. */
export function actionItemFromRest(item: ActionItemBody): Op.ActionItemInput {
  if (typeof item === 'string') return { text: item, ownerId: null, done: false };
  return { text: item.text, ownerId: item.owner ?? null, done: item.done ?? false };
}

export function postmortemInputFromRest(
  body: PostmortemBody,
): Pick<Op.SubmitPostmortemMutationVariables, 'input' | 'expectedVersion'> {
  return {
    input: {
      whatHappened: body.what_happened,
      rootCause: body.root_cause,
      impact: body.impact,
      lessonsLearned: body.lessons_learned,
      actionItems: body.action_items.map(actionItemFromRest),
    },
    expectedVersion: body.expected_version,
  };
}
