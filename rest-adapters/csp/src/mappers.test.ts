import { describe, expect, it } from 'vitest';
import { eventToRest, incidentInputFromRest, refreshToRest, registerInputFromRest } from './mappers.ts';

describe('REST ↔ graph mappers', () => {
  it('gives an event the 1.0 fields: one service (the first component, else the provider) and epoch seconds', () => {
    const node = {
      id: 'aws-0123',
      providerId: 'aws',
      title: 'Errors',
      status: 'IN_PROGRESS' as const,
      impact: 'MAJOR' as const,
      components: ['EC2', 'S3'],
      startedAt: '2026-11-27T10:00:00.999Z',
      updatedAt: '2026-11-27T11:00:00.000Z',
      resolvedAt: null,
      url: null,
      incidentId: null,
    };
    expect(eventToRest(node)).toEqual({
      id: 'aws-0123',
      provider: 'aws',
      service: 'EC2',
      services: ['EC2', 'S3'],
      title: 'Errors',
      status: 'in_progress',
      impact: 'major',
      ts_start: Date.parse('2026-11-27T10:00:00Z') / 1000,
      ts_update: Date.parse('2026-11-27T11:00:00Z') / 1000,
      resolved_at: null,
      url: null,
      incident_id: null,
    });
    expect(eventToRest({ ...node, components: [] }).service).toBe('aws');
  });

  it('renames the refresh result and the inputs', () => {
    expect(
      refreshToRest({
        providerId: 'gh',
        httpStatus: null,
        created: 1,
        updated: 2,
        resolved: 3,
        notModified: false,
        durationMs: 12,
        error: 'timed out after 8000 ms',
        format: null,
        circuit: 'HALF_OPEN',
      }),
    ).toEqual({
      provider: 'gh',
      http_status: null,
      new: 1,
      updated: 2,
      resolved: 3,
      not_modified: false,
      duration_ms: 12,
      error: 'timed out after 8000 ms',
      format: null,
      circuit: 'half_open',
    });
    expect(
      registerInputFromRest({ name: 'aws', feed_url: 'https://x.io/f', type: 'rss', depends_on: ['gcp'] }),
    ).toEqual({
      name: 'aws',
      feedUrl: 'https://x.io/f',
      type: 'RSS',
      intervalSeconds: undefined,
      enabled: undefined,
      dependsOn: ['gcp'],
    });
    expect(incidentInputFromRest({ title: 't', sev: 2, source: 'csp' })).toMatchObject({
      source: 'CSP',
      sev: 2,
    });
  });
});
