import { describe, expect, it } from 'vitest';
import type { CspEvent } from './csp-event.ts';
import { planIncident } from './incident-rules.ts';

const base: CspEvent = {
  id: 'aws-0123456789abcdef',
  providerId: 'aws',
  upstreamId: 'arn:1',
  kind: 'incident',
  title: 'Increased error rates',
  status: 'investigating',
  impact: 'minor',
  components: ['EC2 (us-east-1)'],
  regions: ['us-east-1'],
  startedAt: 0,
  updatedAt: 0,
  resolvedAt: null,
  url: 'https://health.aws.amazon.com/',
  updates: [{ at: 0, status: 'investigating', body: 'We are investigating.' }],
  firstSeenAt: 0,
  incidentId: null,
};

describe('when an event opens an incident', () => {
  it('opens for major and critical impact, with the severity derived from it and the event as the key', () => {
    expect(planIncident({ ...base, impact: 'critical' }, 'AWS', [])).toMatchObject({
      sev: 1,
      services: [],
      title: 'AWS: Increased error rates',
      externalKey: 'csp:aws-0123456789abcdef',
    });
    expect(planIncident({ ...base, impact: 'major' }, 'AWS', [])?.sev).toBe(2);
  });

  it('opens for a minor event touching a declared dependency, naming the services that depend on it', () => {
    const deps = [
      { service: 'checkout', providerId: 'aws', components: ['ec2 (US-EAST-1)'] },
      { service: 'search', providerId: 'aws', components: ['S3'] },
      { service: 'billing', providerId: 'aws', components: [] },
      { service: 'chat', providerId: 'slack', components: [] },
    ];
    expect(planIncident(base, 'AWS', deps)).toMatchObject({ sev: 3, services: ['billing', 'checkout'] });
    expect(planIncident(base, 'AWS', [deps[1]!])).toBeNull();
  });

  it('never opens for maintenances or events already closed', () => {
    expect(planIncident({ ...base, impact: 'critical', kind: 'maintenance' }, 'AWS', [])).toBeNull();
    expect(planIncident({ ...base, impact: 'critical', resolvedAt: 5 }, 'AWS', [])).toBeNull();
  });

  it('matches a group dependency against its "Group - Child" components', () => {
    const dep = [{ service: 'sms', providerId: 'aws', components: ['SMS'] }];
    expect(planIncident({ ...base, components: ['SMS - North America'] }, 'AWS', dep)?.services).toEqual([
      'sms',
    ]);
  });
});
