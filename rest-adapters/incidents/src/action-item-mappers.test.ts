import { describe, expect, it } from 'vitest';
import {
  actionItemCreateFromRest,
  actionItemFilterFromQuery,
  actionItemPatchFromRest,
  actionItemToRest,
} from './action-item-mappers.ts';

/** What JSON.stringify sends as GraphQL variables: `undefined` fields vanish, `null` ones stay. */
const sent = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('action item mappers', () => {
  it('maps a tracked item to snake_case, a lower-case status and epoch seconds', () => {
    expect(
      actionItemToRest({
        id: 'ACT-3K7W9QXM',
        incidentId: 'INC-1',
        text: 'Alert on queue depth',
        ownerId: 'u-1',
        dueDate: '2026-02-01T00:00:00.000Z',
        status: 'IN_PROGRESS',
        overdue: true,
        createdById: 'u-2',
        createdAt: '2026-01-01T00:00:00.700Z',
        updatedAt: '2026-01-02T00:00:00.000Z',
        version: 2,
      }),
    ).toEqual({
      id: 'ACT-3K7W9QXM',
      incident_id: 'INC-1',
      text: 'Alert on queue depth',
      owner: 'u-1',
      due_date: 1769904000,
      status: 'in_progress',
      overdue: true,
      created_by: 'u-2',
      created_at: 1767225600,
      updated_at: 1767312000,
      version: 2,
    });
  });

  it('sends a due date as an instant and leaves absent fields out', () => {
    expect(sent(actionItemCreateFromRest({ text: 't', due_date: 1769904000 }))).toEqual({
      text: 't',
      dueDate: '2026-02-01T00:00:00.000Z',
    });
    expect(sent(actionItemCreateFromRest({ text: 't' }))).toEqual({ text: 't' });
  });

  it('keeps null in a patch (clear the field) apart from absent (keep it)', () => {
    expect(sent(actionItemPatchFromRest({ owner: null, due_date: null, expected_version: 3 }))).toEqual({
      input: { ownerId: null, dueDate: null },
      expectedVersion: 3,
    });
    expect(sent(actionItemPatchFromRest({ status: 'wont_do' }))).toEqual({ input: { status: 'WONT_DO' } });
  });

  it('builds the list filter from the query', () => {
    expect(
      sent(
        actionItemFilterFromQuery({
          owner: 'u-1',
          status: 'open',
          overdue: false,
          incident_id: 'INC-1',
          limit: 5,
        }),
      ),
    ).toEqual({ ownerId: 'u-1', status: 'OPEN', overdue: false, incidentId: 'INC-1' });
  });
});
