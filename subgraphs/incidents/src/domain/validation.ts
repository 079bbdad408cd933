import { InputCheck } from '@polystatus/kit';
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

const sev = (check: InputCheck, value: unknown) =>
  check.integer('sev', value, { min: 1, max: 4, required: true });

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

function services(check: InputCheck, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    check.add('services', 'must be a list');
    return undefined;
  }
  const out: string[] = [];
  let ok = true;
  value.forEach((raw, i) => {
    const r = normalizeServiceName(raw);
    if (!r.ok) {
      check.add(`services[${i}]`, r.issue);
      ok = false;
    } else if (!out.includes(r.name)) out.push(r.name);
  });
  // Counted after de-duplication: listing `api` twice is not a reason to refuse an incident.
  if (out.length > LIMITS.servicesMax) {
    check.add('services', `must list at most ${LIMITS.servicesMax} services`);
    ok = false;
  }
  return ok ? out : undefined;
}

/** User ids become part of index keys: one line, bounded. */
const userId = (check: InputCheck, field: string, value: unknown, required: boolean) =>
  check.text(field, value, { max: LIMITS.userIdMax, required });

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
  const check = new InputCheck();
  const t = check.text('title', input.title, { max: LIMITS.titleMax, required: true });
  const s = sev(check, input.sev);
  const svc = services(check, input.services);
  const summary = check.text('summary', input.summary, {
    max: LIMITS.summaryMax,
    required: false,
    multiline: true,
  });
  check.throwIfAny();
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
  const check = new InputCheck();
  const out: IncidentChanges = {};
  if (input.title != null) {
    const t = check.text('title', input.title, { max: LIMITS.titleMax, required: true });
    if (t !== undefined) out.title = t;
  }
  if (input.sev != null) {
    const s = sev(check, input.sev);
    if (s !== undefined) out.sev = s;
  }
  if (input.services != null) {
    const svc = services(check, input.services);
    if (svc !== undefined) out.services = svc;
  }
  if (input.summary != null) {
    const s = check.text('summary', input.summary, {
      max: LIMITS.summaryMax,
      required: false,
      multiline: true,
    });
    if (s !== undefined) out.summary = s;
  }
  check.throwIfAny();
  return out;
}

export function validateNote(input: { type: NoteType; message?: unknown }): {
  type: NoteType;
  message: string;
} {
  const check = new InputCheck();
  const message = check.text('message', input.message, {
    max: LIMITS.messageMax,
    required: true,
    multiline: true,
  });
  check.throwIfAny();
  return { type: input.type, message: message! };
}

/** The optional note given with a status change; empty means none. */
export function validateStatusNote(note: unknown): string | null {
  const check = new InputCheck();
  const n = check.text('note', note, { max: LIMITS.messageMax, required: false, multiline: true });
  check.throwIfAny();
  return n ? n : null;
}

export function validateCommanderId(value: unknown): string {
  const check = new InputCheck();
  const id = userId(check, 'commanderId', value, true);
  check.throwIfAny();
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
  const check = new InputCheck();
  const max = LIMITS.postmortemFieldMax;
  const whatHappened = check.text('whatHappened', input.whatHappened, {
    max,
    required: true,
    multiline: true,
  });
  const rootCause = check.text('rootCause', input.rootCause, { max, required: true, multiline: true });
  const impact = check.text('impact', input.impact, { max, required: false, multiline: true });
  const lessonsLearned = check.text('lessonsLearned', input.lessonsLearned, {
    max,
    required: false,
    multiline: true,
  });
  const items: ActionItem[] = [];
  if (!Array.isArray(input.actionItems)) {
    check.add('actionItems', 'is required');
  } else if (input.actionItems.length > LIMITS.actionItemsMax) {
    check.add('actionItems', `must list at most ${LIMITS.actionItemsMax} items`);
  } else {
    input.actionItems.forEach((raw: unknown, i) => {
      const item = (raw ?? {}) as { text?: unknown; ownerId?: unknown; done?: unknown };
      const t = check.text(`actionItems[${i}].text`, item.text, {
        max: LIMITS.actionItemTextMax,
        required: true,
        multiline: true,
      });
      const owner = userId(check, `actionItems[${i}].ownerId`, item.ownerId, false);
      if (item.done != null && typeof item.done !== 'boolean')
        check.add(`actionItems[${i}].done`, 'must be a boolean');
      if (t !== undefined) items.push({ text: t, ownerId: owner || null, done: item.done === true });
    });
  }
  check.throwIfAny();
  return {
    whatHappened: whatHappened!,
    rootCause: rootCause!,
    impact: impact || null,
    lessonsLearned: lessonsLearned || null,
    actionItems: items,
  };
}
