import { domainEventStream, newEnvelope, ROLES } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import {
  COMMS_PUBLIC_KEYS,
  DOMAIN_EVENTS,
  domainOf,
  EVENT_TYPES,
  INCIDENT_EVENT_DATA,
  INCIDENT_EVENTS,
  INCIDENT_SCRIPT_KEYS,
  parseEvent,
  USERS_EVENT_DATA,
  USERS_EVENTS,
} from './index.ts';

const incidentCreated = {
  incidentId: 'INC-1',
  version: 1,
  timelineEntryId: '1700000000000-0',
  title: 'Search is slow',
  sev: 2,
  services: ['search'],
  summary: '',
  status: 'open',
  source: 'manual',
  startedAt: '2024-01-01T00:00:00.000Z',
  createdById: 'u-1',
};

describe('event contracts', () => {
  it('names every event once, each declared with a payload schema of its domain', () => {
    expect(Object.values(USERS_EVENTS).sort()).toEqual(Object.keys(USERS_EVENT_DATA).sort());
    expect(Object.values(INCIDENT_EVENTS).sort()).toEqual(Object.keys(INCIDENT_EVENT_DATA).sort());
    const all = Object.values(DOMAIN_EVENTS).flatMap((events) => Object.keys(events));
    expect(new Set(all).size).toBe(all.length);
    expect([...EVENT_TYPES].sort()).toEqual(all.sort());
    expect(domainOf(USERS_EVENTS.sessionRevoked)).toBe('users');
    expect(domainOf(INCIDENT_EVENTS.updated)).toBe('incidents');
  });

  it('spells the roles as the kit does', () => {
    expect(USERS_EVENT_DATA[USERS_EVENTS.roleChanged].shape.to.options).toEqual([...ROLES]);
  });

  it('lists, for each incident event, script keys that its schema declares', () => {
    for (const [type, keys] of Object.entries(INCIDENT_SCRIPT_KEYS)) {
      const shape = INCIDENT_EVENT_DATA[type as keyof typeof INCIDENT_EVENT_DATA].shape;
      for (const key of keys) expect(Object.keys(shape), `${type}.${key}`).toContain(key);
    }
  });

  it('parses an envelope of its stream and types its data', () => {
    const event = parseEvent(
      'incidents',
      newEnvelope(INCIDENT_EVENTS.created, 'u-1', 'INC-1', incidentCreated),
    );
    expect(event.type).toBe('incident.created');
    if (event.type === INCIDENT_EVENTS.created) expect(event.data.sev).toBe(2);
  });

  it('refuses a data key the contract lacks, a missing one, and a wrong type', () => {
    const envelope = (data: object) => newEnvelope(INCIDENT_EVENTS.created, 'u-1', 'INC-1', data);
    expect(() => parseEvent('incidents', envelope({ ...incidentCreated, extra: 1 }))).toThrow(/extra/);
    const { title: _title, ...untitled } = incidentCreated;
    expect(() => parseEvent('incidents', envelope(untitled))).toThrow(/title/);
    expect(() => parseEvent('incidents', envelope({ ...incidentCreated, version: '1' }))).toThrow(/version/);
    expect(() => parseEvent('incidents', envelope({ ...incidentCreated, timelineEntryId: 'x' }))).toThrow(
      /stream id/,
    );
  });

  it('refuses an undeclared type, and a type of another domain’s stream', () => {
    expect(() => parseEvent('users', newEnvelope('user.renamed', 'u-1', 'u-2', {}))).toThrow(
      /user.renamed is not declared for the users stream/,
    );
    expect(() =>
      parseEvent('users', newEnvelope(INCIDENT_EVENTS.created, 'u-1', 'INC-1', incidentCreated)),
    ).toThrow(/not declared for the users stream/);
  });

  it('refuses an envelope whose time is not ISO 8601 in UTC', () => {
    const e = { ...newEnvelope(USERS_EVENTS.disabled, 'u-1', 'u-2', {}), at: 'yesterday' };
    expect(() => parseEvent('users', e)).toThrow(/at/);
  });
});

describe('stream names', () => {
  it('name the comms stream as the kit names every domain stream (readers build it with domainEventStream)', () => {
    // This package spells it itself so it loads without the kit's runtime; the gateway and adapters use the kit's.
    expect(COMMS_PUBLIC_KEYS('ps-x').events).toBe(domainEventStream('ps-x', 'comms'));
  });
});
