import { DomainError, type FieldIssue } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  validateCommanderId,
  validateCreate,
  validateNote,
  validatePostmortem,
  validateStatusNote,
  validateUpdate,
} from './validation.ts';

const issues = (fn: () => unknown): FieldIssue[] => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('VALIDATION');
    return (err as DomainError).details;
  }
  throw new Error('expected a VALIDATION error');
};
const fields = (fn: () => unknown) => issues(fn).map((i) => i.field);

describe('creating an incident', () => {
  it('trims, lower-cases and de-duplicates', () => {
    expect(
      validateCreate({ title: '  DB down ', sev: 1, services: ['API', 'db', 'api ', 'Web.EU_1-a'] }),
    ).toEqual({
      title: 'DB down',
      sev: 1,
      services: ['api', 'db', 'web.eu_1-a'],
      summary: '',
      externalKey: null,
    });
  });

  it('keeps an explicit source', () => {
    expect(validateCreate({ title: 't', sev: 4, source: 'csp' }).source).toBe('csp');
  });

  it('reports every problem at once, with the field names clients send', () => {
    expect(fields(() => validateCreate({ title: '   ', sev: 7, services: ['ok', 'Not ok!', ''] }))).toEqual([
      'title',
      'sev',
      'services[1]',
      'services[2]',
    ]);
  });

  it('bounds the title at 200 characters, counted as people count them', () => {
    expect(validateCreate({ title: 'é'.repeat(200), sev: 1 }).title).toHaveLength(200);
    expect(validateCreate({ title: '🔥'.repeat(200), sev: 1 }).title).toBe('🔥'.repeat(200));
    expect(fields(() => validateCreate({ title: 'x'.repeat(201), sev: 1 }))).toEqual(['title']);
  });

  it('requires title and sev, and sev to be an integer from 1 to 4', () => {
    expect(fields(() => validateCreate({}))).toEqual(['title', 'sev']);
    for (const sev of [0, 5, 1.5, '2', null])
      expect(fields(() => validateCreate({ title: 't', sev }))).toEqual(['sev']);
    for (const sev of [1, 2, 3, 4]) expect(validateCreate({ title: 't', sev }).sev).toBe(sev);
  });

  it('bounds service names and their number (after de-duplication)', () => {
    expect(fields(() => validateCreate({ title: 't', sev: 1, services: ['a'.repeat(65)] }))).toEqual([
      'services[0]',
    ]);
    expect(validateCreate({ title: 't', sev: 1, services: ['a'.repeat(64)] }).services).toHaveLength(1);
    const twenty = Array.from({ length: 20 }, (_, i) => `s${i}`);
    expect(validateCreate({ title: 't', sev: 1, services: [...twenty, 's0'] }).services).toHaveLength(20);
    expect(fields(() => validateCreate({ title: 't', sev: 1, services: [...twenty, 'one-more'] }))).toEqual([
      'services',
    ]);
  });

  it('bounds the summary and refuses control characters in a title', () => {
    expect(validateCreate({ title: 't', sev: 1, summary: 'line 1\nline 2\ttab' }).summary).toBe(
      'line 1\nline 2\ttab',
    );
    expect(
      fields(() => validateCreate({ title: 't', sev: 1, summary: 'x'.repeat(LIMITS.summaryMax + 1) })),
    ).toEqual(['summary']);
    expect(fields(() => validateCreate({ title: 'a\nb', sev: 1 }))).toEqual(['title']);
    expect(fields(() => validateCreate({ title: 'a', sev: 1, summary: 'nul\u0000' }))).toEqual(['summary']);
  });
});

describe('updating an incident', () => {
  it('keeps only the fields given', () => {
    expect(validateUpdate({ sev: 3 })).toEqual({ sev: 3 });
    expect(validateUpdate({ title: null, services: ['X'] })).toEqual({ services: ['x'] });
    expect(validateUpdate({ summary: '' })).toEqual({ summary: '' });
    expect(validateUpdate({})).toEqual({});
  });

  it('applies the creation rules to what is given', () => {
    expect(fields(() => validateUpdate({ title: '', sev: 9, services: ['fine', 'UPPER OK?'] }))).toEqual([
      'title',
      'sev',
      'services[1]',
    ]);
  });
});

describe('timeline notes, status notes, commanders', () => {
  it('requires a message of 1 to 5000 characters', () => {
    expect(validateNote({ type: 'note', message: ' hi ' })).toEqual({ type: 'note', message: 'hi' });
    expect(fields(() => validateNote({ type: 'note', message: '  ' }))).toEqual(['message']);
    expect(fields(() => validateNote({ type: 'update', message: 'x'.repeat(5001) }))).toEqual(['message']);
  });

  it('treats an empty status note as none', () => {
    expect(validateStatusNote('  ')).toBeNull();
    expect(validateStatusNote(undefined)).toBeNull();
    expect(validateStatusNote(' rolled back ')).toBe('rolled back');
    expect(fields(() => validateStatusNote('x'.repeat(5001)))).toEqual(['note']);
  });

  it('requires a commander id', () => {
    expect(validateCommanderId(' u-1 ')).toBe('u-1');
    expect(fields(() => validateCommanderId(''))).toEqual(['commanderId']);
  });
});

describe('postmortems', () => {
  const base = { whatHappened: 'disk full', rootCause: 'no alert', actionItems: [] };

  it('requires what happened, the root cause and the list of action items', () => {
    expect(fields(() => validatePostmortem({}))).toEqual(['whatHappened', 'rootCause', 'actionItems']);
    expect(fields(() => validatePostmortem({ ...base, rootCause: ' ' }))).toEqual(['rootCause']);
  });

  it('normalizes optional fields and action items', () => {
    expect(
      validatePostmortem({
        ...base,
        impact: '',
        lessonsLearned: ' watch disks ',
        actionItems: [
          { text: ' add alert ', ownerId: 'u2' },
          { text: 'runbook', done: true },
        ],
      }),
    ).toEqual({
      whatHappened: 'disk full',
      rootCause: 'no alert',
      impact: null,
      lessonsLearned: 'watch disks',
      actionItems: [
        { text: 'add alert', ownerId: 'u2', done: false, actionItemId: null },
        { text: 'runbook', ownerId: null, done: true, actionItemId: null },
      ],
    });
  });

  it('names the offending action item', () => {
    expect(
      fields(() => validatePostmortem({ ...base, actionItems: [{ text: 'ok' }, { text: '' }] })),
    ).toEqual(['actionItems[1].text']);
  });

  it('bounds the fields and the number of action items', () => {
    const big = 'x'.repeat(LIMITS.postmortemFieldMax + 1);
    expect(fields(() => validatePostmortem({ ...base, whatHappened: big, impact: big }))).toEqual([
      'whatHappened',
      'impact',
    ]);
    const items = Array.from({ length: 101 }, (_, i) => ({ text: `item ${i}` }));
    expect(fields(() => validatePostmortem({ ...base, actionItems: items }))).toEqual(['actionItems']);
    expect(validatePostmortem({ ...base, actionItems: items.slice(0, 100) }).actionItems).toHaveLength(100);
  });
});
