import { describe, expect, it } from 'vitest';
import { parseFeed } from './index.ts';
import { fixture, NOW } from './testing/fixtures.ts';

const parse = (path: string) => parseFeed('statusio', fixture(path), { now: NOW });

describe('status.io', () => {
  it('gitlab 2023-06-29: all operational, one upcoming maintenance with its window', () => {
    const feed = parse('gitlab/statusio-status-2023-06-29.json');
    expect(feed.currentOnly).toBe(true);
    expect(feed.components).toHaveLength(17);
    expect(feed.components.every((c) => c.status === 'operational')).toBe(true);
    expect(feed.events).toHaveLength(1);
    expect(feed.events[0]).toMatchObject({
      upstreamId: '649d8d7a6c2f36053b37055d',
      kind: 'maintenance',
      status: 'scheduled',
      impact: 'maintenance',
      scheduled: { from: Date.UTC(2023, 6, 8, 14), until: Date.UTC(2023, 6, 8, 19) },
      components: [
        'Website',
        'API',
        'Git Operations',
        'CI/CD - GitLab SaaS Shared Runners',
        'CI/CD - GitLab SaaS Private Runners',
      ],
    });
  });

  it('gitlab 2020-02-09: a security issue (600) is critical; messages oldest first; a bare URL as title', () => {
    const feed = parse('gitlab/statusio-status-2020-02-09-security-issue.json');
    expect(feed.components.filter((c) => c.status === 'major_outage').map((c) => c.name)).toEqual([
      'Website',
      'API',
      'Git (ssh and https)',
      'Registry',
      'CI/CD',
    ]);
    expect(feed.events).toHaveLength(1);
    expect(feed.events[0]).toMatchObject({
      title: 'https://gitlab.com/gitlab-com/gl-infra/production/issues/1635',
      status: 'identified',
      impact: 'critical',
      startedAt: Date.parse('2020-02-07T15:51:25.249Z'),
      updatedAt: Date.parse('2020-02-09T18:42:33.493Z'),
      regions: ['Google Compute Engine'],
    });
  });

  it('gitlab 2020-09-05: an open incident (400 → major) and an active maintenance', () => {
    const feed = parse('gitlab/statusio-status-2020-09-05-maintenance.json');
    expect(feed.events.map((e) => [e.kind, e.status, e.impact])).toEqual([
      ['incident', 'identified', 'major'],
      ['maintenance', 'in_progress', 'maintenance'],
    ]);
    expect(feed.events[0]!.title).toBe('500 Error - User Notification Settings');
    expect(feed.events[0]!.updates[0]!.body).toBe(
      'The notification settings page is returning an error when the user is a member of a subgroup whose parent group no longer exists.\n' +
        "Notification settings can still be adjusted per-project on the project's overview page.\n" +
        'Tracking in: https://gitlab.com/gitlab-com/gl-infra/production/-/issues/2664',
    );
    expect(feed.components.find((c) => c.name === 'dashboards.gitlab.com')?.status).toBe('under_maintenance');
  });

  it('docker 2020-07-16: partial disruption of automated builds', () => {
    const feed = parse('docker/statusio-status-2020-07-16-partial-disruption.json');
    expect(feed.components.filter((c) => c.status !== 'operational')).toEqual([
      { name: 'Docker Hub Automated Builds', status: 'partial_outage' },
    ]);
    expect(feed.events).toHaveLength(1);
    expect(feed.events[0]).toMatchObject({
      upstreamId: '5f108cc06e9c9104c0553a46',
      title: 'Docker Hub automated builds issue',
      status: 'investigating',
      impact: 'major',
      startedAt: Date.parse('2020-07-16T17:22:08.325Z'),
      components: ['Docker Hub Automated Builds'],
    });
  });
});
