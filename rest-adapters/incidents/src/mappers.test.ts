import { describe, expect, it } from 'vitest';
import {
  actionItemFromRest,
  createInputFromRest,
  filterFromQuery,
  type IncidentNode,
  incidentToRest,
  postmortemInputFromRest,
  postmortemToRest,
  type TimelineEventNode,
  timelineEventToRest,
  updateFromRest,
} from './mappers.ts';

const node: IncidentNode = {
  id: 'INC-7Q2ZK4',
  title: 'Checkout errors',
  sev: 2,
  services: ['checkout'],
  summary: 'p95 above 2s',
  status: 'MITIGATED',
  source: 'CSP',
  startedAt: '2026-01-01T00:00:00.999Z',
  mitigatedAt: '2026-01-01T00:10:00.000Z',
  resolvedAt: null,
  updatedAt: '2026-01-01T00:10:00.500Z',
  commanderId: null,
  createdById: 'user-1',
  acknowledgedAt: '2026-01-01T00:02:30.250Z',
  acknowledgedById: 'user-2',
  version: 3,
};

describe('incidentToRest', () => {
  it('renames to snake_case, lower-cases enums and floors instants to epoch seconds', () => {
    expect(incidentToRest(node)).toEqual({
      id: 'INC-7Q2ZK4',
      title: 'Checkout errors',
      sev: 2,
      services: ['checkout'],
      summary: 'p95 above 2s',
      status: 'mitigated',
      started_at: 1767225600,
      commander: null,
      mitigated_at: 1767226200,
      resolved_at: null,
      updated_at: 1767226200,
      source: 'csp',
      created_by: 'user-1',
      acknowledged_at: 1767225750,
      acknowledged_by: 'user-2',
      version: 3,
    });
  });

  it('sends null acknowledgement fields for an incident nobody acknowledged yet', () => {
    const rest = incidentToRest({ ...node, acknowledgedAt: null, acknowledgedById: null });
    expect(rest).toMatchObject({ acknowledged_at: null, acknowledged_by: null });
  });

  it('fails loudly on an instant that is not ISO-8601 rather than sending a wrong number', () => {
    expect(() => incidentToRest({ ...node, startedAt: 'yesterday' })).toThrow('not an ISO-8601 instant');
  });
});

describe('timeline and postmortem', () => {
  it('maps a timeline event to the documented event', () => {
    const event: TimelineEventNode = {
      id: '1-0',
      incidentId: 'INC-1',
      type: 'STATUS_CHANGED',
      message: 'm',
      authorId: 'u',
      subjectId: null,
      at: '1970-01-01T00:00:05Z',
      system: true,
    };
    expect(timelineEventToRest(event)).toEqual({
      id: '1-0',
      incident_id: 'INC-1',
      type: 'status_changed',
      message: 'm',
      author: 'u',
      subject: null,
      ts: 5,
      system: true,
    });
    expect(timelineEventToRest({ ...event, type: 'COMMANDER_ASSIGNED', subjectId: 'u2' })).toMatchObject({
      type: 'commander_assigned',
      subject: 'u2',
    });
  });

  it('maps a postmortem, its action items as objects', () => {
    const pm = postmortemToRest({
      incidentId: 'INC-1',
      version: 2,
      whatHappened: 'w',
      rootCause: 'r',
      impact: null,
      lessonsLearned: 'l',
      actionItems: [{ text: 't', ownerId: null, done: false }],
      editedById: 'u',
      editedAt: '1970-01-01T00:01:00Z',
    });
    expect(pm).toEqual({
      incident_id: 'INC-1',
      version: 2,
      what_happened: 'w',
      root_cause: 'r',
      impact: null,
      lessons_learned: 'l',
      action_items: [{ text: 't', owner: null, done: false }],
      edited_by: 'u',
      edited_at: 60,
    });
  });

  it('accepts action items as the 1.0 strings or as objects', () => {
    expect(actionItemFromRest('Add an alert')).toEqual({ text: 'Add an alert', ownerId: null, done: false });
    expect(actionItemFromRest({ text: 'Fix', owner: 'u-2', done: true })).toEqual({
      text: 'Fix',
      ownerId: 'u-2',
      done: true,
    });
    expect(actionItemFromRest({ text: 'Fix' })).toEqual({ text: 'Fix', ownerId: null, done: false });
  });

  it('builds the postmortem input and passes expected_version on', () => {
    const body = {
      what_happened: 'w',
      root_cause: 'r',
      lessons_learned: 'l',
      action_items: ['a'],
      expected_version: 2,
    };
    expect(postmortemInputFromRest(body)).toEqual({
      input: {
        whatHappened: 'w',
        rootCause: 'r',
        impact: undefined,
        lessonsLearned: 'l',
        actionItems: [{ text: 'a', ownerId: null, done: false }],
      },
      expectedVersion: 2,
    });
  });
});

describe('requests to the graph', () => {
  it('upper-cases enums and leaves absent optional fields out of the JSON variables', () => {
    expect(JSON.parse(JSON.stringify(createInputFromRest({ title: 't', sev: 1, source: 'api' })))).toEqual({
      title: 't',
      sev: 1,
      source: 'API',
    });
    expect(JSON.parse(JSON.stringify(filterFromQuery({ status: 'resolved', q: 'db', limit: 100 })))).toEqual({
      status: 'RESOLVED',
      q: 'db',
    });
    expect(JSON.parse(JSON.stringify(updateFromRest({ summary: 's', expected_version: 4 })))).toEqual({
      input: { summary: 's' },
      expectedVersion: 4,
    });
  });
});
