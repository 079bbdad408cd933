import { describe, expect, it } from 'vitest';
import { actionForStatus, pagerDutyEvent, pagerDutyOutcome } from './pagerduty-event.ts';

describe('PagerDuty events', () => {
  it('maps statuses to actions and keys every event by the incident', () => {
    expect(['open', 'mitigated', 'resolved', 'other'].map(actionForStatus)).toEqual([
      'trigger',
      'acknowledge',
      'resolve',
      null,
    ]);
    const incident = { id: 'INC-1', title: 'Down', sev: 2, services: ['api'] };
    expect(pagerDutyEvent('trigger', incident)).toMatchObject({
      dedup_key: 'INC-1',
      payload: { severity: 'error' },
    });
    expect(pagerDutyEvent('resolve', incident)).toEqual({ event_action: 'resolve', dedup_key: 'INC-1' });
  });

  it('retries 429 and 5xx only', () => {
    expect([202, 400, 429, 500, 503].map(pagerDutyOutcome)).toEqual([
      'delivered',
      'drop',
      'retry',
      'retry',
      'retry',
    ]);
  });
});
