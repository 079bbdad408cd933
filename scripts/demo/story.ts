/**
 * The offline demo's outage, told through the feeds two dependent providers would really serve: AWS's current
 * events (the cause, in us-east-1) and Atlassian's Statuspage summary (the effect: Atlassian runs on AWS, a
 * declared edge of the catalog). Each step is what both feeds say from then on; the csp poller sees the changes,
 * opens incidents, copies the upstream updates to their timelines and links the two outages in the cause graph.
 */

export interface StoryStep {
  /** What the demo prints when the step starts. */
  narration: string;
  aws?: unknown[];
  atlassian?: unknown;
}

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const sec = (ms: number) => String(Math.floor(ms / 1000));

const ARN = 'arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_DEMO_1';

function awsEvent(start: number, log: { at: number; message: string }[], end: number | null) {
  return {
    date: sec(start),
    arn: ARN,
    region_name: 'N. Virginia',
    status: end === null ? '3' : '0',
    service: 'ec2-us-east-1',
    service_name: 'Amazon Elastic Compute Cloud',
    summary: `${end === null ? '' : '[RESOLVED] '}Increased API error rates and instance connectivity issues`,
    event_log: log.map((l) => ({
      summary: 'Increased API error rates',
      message: l.message,
      status: 1,
      timestamp: Math.floor(l.at / 1000),
    })),
    impacted_services: {
      'ec2-us-east-1': {
        service_name: 'Amazon Elastic Compute Cloud',
        current: end === null ? '3' : '0',
        max: '3',
      },
    },
    ...(end === null ? {} : { end_time: sec(end) }),
  };
}

type Status = 'investigating' | 'identified' | 'monitoring' | 'resolved';
const COMPONENTS = ['Jira', 'Confluence', 'Bitbucket'];

function atlassianSummary(
  now: number,
  incident: { start: number; updates: { at: number; status: Status; body: string }[] } | null,
) {
  const latest = incident?.updates.at(-1);
  const down = latest && latest.status !== 'resolved';
  const page = {
    id: 'demo-atlassian',
    name: 'Atlassian (demo)',
    url: 'https://status.atlassian.com',
    time_zone: 'Etc/UTC',
    updated_at: iso(now),
  };
  const components = COMPONENTS.map((name, i) => ({
    id: `demo-c${i}`,
    name,
    status: down && name !== 'Bitbucket' ? 'major_outage' : 'operational',
    created_at: iso(now - 86_400_000),
    updated_at: iso(now),
    position: i + 1,
    description: null,
    showcase: true,
    start_date: null,
    group_id: null,
    page_id: page.id,
    group: false,
    only_show_if_degraded: false,
  }));
  const incidents = incident
    ? [
        {
          id: 'demo-jira-outage',
          name: 'Jira and Confluence unavailable',
          status: latest!.status,
          impact: 'major',
          created_at: iso(incident.start),
          updated_at: iso(latest!.at),
          started_at: iso(incident.start),
          monitoring_at: null,
          resolved_at: latest!.status === 'resolved' ? iso(latest!.at) : null,
          shortlink: 'https://status.atlassian.com/incidents/demo',
          page_id: page.id,
          components: components.slice(0, 2),
          incident_updates: [...incident.updates].reverse().map((u, i) => ({
            id: `demo-u${incident.updates.length - i}`,
            incident_id: 'demo-jira-outage',
            status: u.status,
            body: u.body,
            created_at: iso(u.at),
            updated_at: iso(u.at),
            display_at: iso(u.at),
            affected_components: null,
          })),
        },
      ]
    : [];
  return {
    page,
    status: {
      indicator: down ? 'major' : 'none',
      description: down ? 'Major Service Outage' : 'All Systems Operational',
    },
    components,
    incidents,
    scheduled_maintenances: [],
  };
}

/** The steps, dated from `t0` (the demo's start), one every few seconds of wall time. */
export function story(t0: number): StoryStep[] {
  const at = (minutes: number) => t0 + minutes * MIN;
  const aws = [
    {
      at: at(1),
      message:
        'We are investigating increased API error rates and connectivity issues for EC2 instances in US-EAST-1.',
    },
    {
      at: at(8),
      message: 'We have applied mitigations and are seeing recovery for most instances in US-EAST-1.',
    },
  ];
  const jira: { at: number; status: Status; body: string }[] = [
    {
      at: at(3),
      status: 'investigating',
      body: 'Some customers cannot reach Jira and Confluence. We are investigating.',
    },
    {
      at: at(5),
      status: 'identified',
      body: 'The cause is an outage of our cloud provider in us-east-1. We are working with them.',
    },
    {
      at: at(10),
      status: 'monitoring',
      body: 'Our provider applied a fix; Jira and Confluence are recovering. We are monitoring.',
    },
    {
      at: at(14),
      status: 'resolved',
      body: 'Jira and Confluence have been fully available for 30 minutes. This incident is resolved.',
    },
  ];
  return [
    { narration: 'All quiet: every provider operational.', aws: [], atlassian: atlassianSummary(t0, null) },
    { narration: 'AWS: EC2 errors in us-east-1 (critical).', aws: [awsEvent(at(1), aws.slice(0, 1), null)] },
    {
      narration: 'Atlassian: Jira and Confluence unavailable — investigating.',
      atlassian: atlassianSummary(at(3), { start: at(3), updates: jira.slice(0, 1) }),
    },
    {
      narration: 'Atlassian: identified — an outage of its cloud provider.',
      atlassian: atlassianSummary(at(5), { start: at(3), updates: jira.slice(0, 2) }),
    },
    { narration: 'AWS: mitigations applied, recovering.', aws: [awsEvent(at(1), aws, null)] },
    {
      narration: 'Atlassian: monitoring the recovery.',
      atlassian: atlassianSummary(at(10), { start: at(3), updates: jira.slice(0, 3) }),
    },
    { narration: 'AWS: resolved.', aws: [awsEvent(at(1), aws, at(12))] },
    {
      narration: 'Atlassian: resolved.',
      atlassian: atlassianSummary(at(14), { start: at(3), updates: jira }),
    },
    {
      narration: 'Atlassian: the resolved incident leaves its summary, as Statuspage does.',
      atlassian: atlassianSummary(at(15), null),
    },
  ];
}
