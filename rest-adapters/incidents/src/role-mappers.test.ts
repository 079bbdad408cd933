import { describe, expect, it } from 'vitest';
import { holdingFromPath, roleAssignmentToRest } from './role-mappers.ts';

describe('role mappers', () => {
  it('maps an assignment to snake_case with a lower-case role and epoch seconds', () => {
    expect(
      roleAssignmentToRest({
        role: 'COMMUNICATIONS_LEAD',
        userId: 'u-1',
        assignedAt: '1970-01-01T00:01:40.900Z',
        assignedById: 'u-2',
      }),
    ).toEqual({ role: 'communications_lead', user: 'u-1', assigned_at: 100, assigned_by: 'u-2' });
  });

  it('reads the holding from the path', () => {
    expect(holdingFromPath({ id: 'INC-1', role: 'operations_lead', user_id: 'u-3' })).toEqual({
      incidentId: 'INC-1',
      role: 'OPERATIONS_LEAD',
      userId: 'u-3',
    });
  });
});
