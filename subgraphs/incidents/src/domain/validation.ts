import { type FieldIssue, validationError } from '@polystatus/kit';
import type { ActionItem, NoteType, Source } from './incident.ts';

export const LIMITS = {
  titleMax: 200,
  summaryMax: 5000,
  servicesMax: 20,
  serviceNameMax: 64,
  messageMax: 5000,
  postmortemFieldMax: 20_000,
  actionItemsMax: 100,
  actionItemTextMax: 2000,
  userIdMax: 128,
} as const;

const SERVICE_NAME = /^[a-z0-9._-]+$/;
/** Control characters break terminals and logs; multi-line texts keep tab and line breaks. */
const CONTROL = /(?![\t\n\r])\p{Cc}/u;
const SINGLE_LINE_CONTROL = /\p{Cc}/u;

/** Length in characters as a person counts them (code points), not UTF-16 units. */
const length = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/**
 * Collects every problem of one request, so a client fixes its input in one round trip. Field names are the
 * input paths clients know (`title`, `services[1]`, `actionItems[0].text`).
 */
class Issues {
  readonly list: FieldIssue[] = [];
  add(field: string, issue: string): void {
    this.list.push({ field, issue });
  }
  throwIfAny(): void {
    if (this.list.length) throw validationError(this.list);
  }
}

function text(
  issues: Issues,
  field: string,
  value: unknown,
  opts: { max: number; required: boolean; singleLine?: boolean },
): string | undefined {
  if (value === undefined || value === null) {
    if (opts.required) issues.add(field, 'is required');
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.add(field, 'must be a string');
    return undefined;
  }
  const trimmed = value.trim();
  if (opts.required && trimmed === '') {
    issues.add(field, 'must not be empty');
    return undefined;
  }
  if (length(trimmed) > opts.max) {
    issues.add(field, `must be at most ${opts.max} characters`);
    return undefined;
  }
  if ((opts.singleLine ? SINGLE_LINE_CONTROL : CONTROL).test(trimmed)) {
    issues.add(field, 'must not contain control characters');
    return undefined;
  }
  return trimmed;
}

function sev(issues: Issues, value: unknown, field = 'sev'): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 4) {
    issues.add(field, 'must be an integer from 1 to 4');
    return undefined;
  }
  return value;
}

/** A service name as stored and indexed: trimmed, lower-cased, checked. */
export function normalizeServiceName(
  value: unknown,
): { ok: true; name: string } | { ok: false; issue: string } {
  if (typeof value !== 'string') return { ok: false, issue: 'must be a string' };
  const name = value.trim().toLowerCase();
  if (name.length < 1 || name.length > LIMITS.serviceNameMax) {
    return { ok: false, issue: `must be 1 to ${LIMITS.serviceNameMax} characters` };
  }
  if (!SERVICE_NAME.test(name)) return { ok: false, issue: 'may contain only a-z, 0-9, ".", "_" and "-"' };
  return { ok: true, name };
}

function services(issues: Issues, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    issues.add('services', 'must be a list');
    return undefined;
  }
  const out: string[] = [];
  let ok = true;
  value.forEach((raw, i) => {
    const r = normalizeServiceName(raw);
    if (!r.ok) {
      issues.add(`services[${i}]`, r.issue);
      ok = false;
    } else if (!out.includes(r.name)) out.push(r.name);
  });
  // Counted after de-duplication: listing `api` twice is not a reason to refuse an incident.
  if (out.length > LIMITS.servicesMax) {
    issues.add('services', `must list at most ${LIMITS.servicesMax} services`);
    ok = false;
  }
  return ok ? out : undefined;
}

function userId(issues: Issues, field: string, value: unknown, required: boolean): string | undefined {
  return text(issues, field, value, { max: LIMITS.userIdMax, required, singleLine: true });
}

export interface NewIncident {
  title: string;
  sev: number;
  services: string[];
  summary: string;
  source?: Source;
}

export function validateCreate(input: {
  title?: unknown;
  sev?: unknown;
  services?: unknown;
  summary?: unknown;
  source?: Source | null;
}): NewIncident {
  const issues = new Issues();
  const t = text(issues, 'title', input.title, { max: LIMITS.titleMax, required: true, singleLine: true });
  const s = sev(issues, input.sev);
  const svc = services(issues, input.services);
  const summary = text(issues, 'summary', input.summary, { max: LIMITS.summaryMax, required: false });
  issues.throwIfAny();
  return {
    title: t!,
    sev: s!,
    services: svc ?? [],
    summary: summary ?? '',
    ...(input.source ? { source: input.source } : {}),
  };
}

export interface IncidentChanges {
  title?: string;
  sev?: number;
  services?: string[];
  summary?: string;
}

/** Only the fields present are changed; an explicit null is treated as absent (GraphQL sends both). */
export function validateUpdate(input: {
  title?: unknown;
  sev?: unknown;
  services?: unknown;
  summary?: unknown;
}): IncidentChanges {
  const issues = new Issues();
  const out: IncidentChanges = {};
  if (input.title != null) {
    const t = text(issues, 'title', input.title, { max: LIMITS.titleMax, required: true, singleLine: true });
    if (t !== undefined) out.title = t;
  }
  if (input.sev != null) {
    const s = sev(issues, input.sev);
    if (s !== undefined) out.sev = s;
  }
  if (input.services != null) {
    const svc = services(issues, input.services);
    if (svc !== undefined) out.services = svc;
  }
  if (input.summary != null) {
    const s = text(issues, 'summary', input.summary, { max: LIMITS.summaryMax, required: false });
    if (s !== undefined) out.summary = s;
  }
  issues.throwIfAny();
  return out;
}

export function validateNote(input: { type: NoteType; message?: unknown }): {
  type: NoteType;
  message: string;
} {
  const issues = new Issues();
  const message = text(issues, 'message', input.message, { max: LIMITS.messageMax, required: true });
  issues.throwIfAny();
  return { type: input.type, message: message! };
}

/** The optional note given with a status change; empty means none. */
export function validateStatusNote(note: unknown): string | null {
  const issues = new Issues();
  const n = text(issues, 'note', note, { max: LIMITS.messageMax, required: false });
  issues.throwIfAny();
  return n ? n : null;
}

export function validateCommanderId(value: unknown): string {
  const issues = new Issues();
  const id = userId(issues, 'commanderId', value, true);
  issues.throwIfAny();
  return id!;
}

export interface PostmortemContent {
  whatHappened: string;
  rootCause: string;
  impact: string | null;
  lessonsLearned: string | null;
  actionItems: ActionItem[];
}

export function validatePostmortem(input: {
  whatHappened?: unknown;
  rootCause?: unknown;
  impact?: unknown;
  lessonsLearned?: unknown;
  actionItems?: unknown;
}): PostmortemContent {
  const issues = new Issues();
  const max = LIMITS.postmortemFieldMax;
  const whatHappened = text(issues, 'whatHappened', input.whatHappened, { max, required: true });
  const rootCause = text(issues, 'rootCause', input.rootCause, { max, required: true });
  const impact = text(issues, 'impact', input.impact, { max, required: false });
  const lessonsLearned = text(issues, 'lessonsLearned', input.lessonsLearned, { max, required: false });
  const items: ActionItem[] = [];
  if (!Array.isArray(input.actionItems)) {
    issues.add('actionItems', 'is required');
  } else if (input.actionItems.length > LIMITS.actionItemsMax) {
    issues.add('actionItems', `must list at most ${LIMITS.actionItemsMax} items`);
  } else {
    input.actionItems.forEach((raw: unknown, i) => {
      const item = (raw ?? {}) as { text?: unknown; ownerId?: unknown; done?: unknown };
      const t = text(issues, `actionItems[${i}].text`, item.text, {
        max: LIMITS.actionItemTextMax,
        required: true,
      });
      const owner = userId(issues, `actionItems[${i}].ownerId`, item.ownerId, false);
      if (item.done != null && typeof item.done !== 'boolean')
        issues.add(`actionItems[${i}].done`, 'must be a boolean');
      if (t !== undefined) items.push({ text: t, ownerId: owner || null, done: item.done === true });
    });
  }
  issues.throwIfAny();
  return {
    whatHappened: whatHappened!,
    rootCause: rootCause!,
    impact: impact || null,
    lessonsLearned: lessonsLearned || null,
    actionItems: items,
  };
}
