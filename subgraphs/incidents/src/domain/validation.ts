import { InputCheck } from '@polystatus/kit';
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from './action-item.ts';
import type { NoteType, PostmortemActionItem, Source, UpstreamUpdate } from './incident.ts';

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
  externalKeyMax: 200,
  upstreamNameMax: 64,
  upstreamIdMax: 200,
  urlMax: 2000,
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
  externalKey: string | null;
}

export function validateCreate(input: {
  title?: unknown;
  sev?: unknown;
  services?: unknown;
  summary?: unknown;
  source?: Source | null;
  externalKey?: unknown;
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
  const externalKey = check.text('externalKey', input.externalKey, {
    max: LIMITS.externalKeyMax,
    required: false,
  });
  check.throwIfAny();
  return {
    title: t!,
    sev: s!,
    services: svc ?? [],
    summary: summary ?? '',
    ...(input.source ? { source: input.source } : {}),
    externalKey: externalKey || null,
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
  return validateUserId('commanderId', value);
}

/** An incident or action item id named by a request: one line, bounded (a wrong one is then NOT_FOUND). */
export function validateIncidentId(field: string, value: unknown): string {
  const check = new InputCheck();
  const id = check.text(field, value, { max: 64, required: true });
  check.throwIfAny();
  return id!;
}

/** A user id named by a request (commander, role holder, action item owner), under the client's field name. */
export function validateUserId(field: string, value: unknown): string {
  const check = new InputCheck();
  const id = userId(check, field, value, true);
  check.throwIfAny();
  return id!;
}

/** An http(s) URL: the csp service relays the provider's link, which clients render as a link. */
function httpUrl(check: InputCheck, field: string, value: unknown): string | null {
  const text = check.text(field, value, { max: LIMITS.urlMax, required: false });
  if (!text) return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {}
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    check.add(field, 'must be an http or https URL');
    return null;
  }
  return text;
}

/** A finite epoch-ms instant (the DateTime scalar already parsed it; REST and tests may pass anything). */
function instant(check: InputCheck, field: string, value: unknown, required: boolean): number | null {
  if (value === undefined || value === null) {
    if (required) check.add(field, 'is required');
    return null;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    check.add(field, 'must be a date and time');
    return null;
  }
  return value;
}

export function validateUpstream(input: {
  provider?: unknown;
  upstreamId?: unknown;
  status?: unknown;
  message?: unknown;
  at?: unknown;
  url?: unknown;
}): { message: string; upstream: UpstreamUpdate } {
  const check = new InputCheck();
  const provider = check.text('provider', input.provider, { max: LIMITS.upstreamNameMax, required: true });
  const upstreamId = check.text('upstreamId', input.upstreamId, {
    max: LIMITS.upstreamIdMax,
    required: true,
  });
  const status = check.text('status', input.status, { max: LIMITS.upstreamNameMax, required: true });
  const message = check.text('message', input.message, {
    max: LIMITS.messageMax,
    required: true,
    multiline: true,
  });
  const at = instant(check, 'at', input.at, true);
  const url = httpUrl(check, 'url', input.url);
  check.throwIfAny();
  return {
    message: message!,
    upstream: { provider: provider!, upstreamId: upstreamId!, status: status!, at: at!, url },
  };
}

export interface NewActionItem {
  text: string;
  ownerId: string | null;
  dueDate: number | null;
}

export function validateActionItemCreate(input: {
  text?: unknown;
  ownerId?: unknown;
  dueDate?: unknown;
}): NewActionItem {
  const check = new InputCheck();
  const text = check.text('text', input.text, {
    max: LIMITS.actionItemTextMax,
    required: true,
    multiline: true,
  });
  const ownerId = userId(check, 'ownerId', input.ownerId, false);
  const dueDate = instant(check, 'dueDate', input.dueDate, false);
  check.throwIfAny();
  return { text: text!, ownerId: ownerId || null, dueDate };
}

/** Absent: unchanged. `ownerId` or `dueDate` null: cleared. */
export interface ActionItemUpdate {
  text?: string;
  ownerId?: string | null;
  dueDate?: number | null;
  status?: ActionItemStatus;
}

export function validateActionItemUpdate(input: {
  text?: unknown;
  ownerId?: unknown;
  dueDate?: unknown;
  status?: unknown;
}): ActionItemUpdate {
  const check = new InputCheck();
  const out: ActionItemUpdate = {};
  if (input.text != null) {
    const t = check.text('text', input.text, {
      max: LIMITS.actionItemTextMax,
      required: true,
      multiline: true,
    });
    if (t !== undefined) out.text = t;
  }
  if (input.ownerId === null) out.ownerId = null;
  else if (input.ownerId !== undefined) {
    const o = userId(check, 'ownerId', input.ownerId, true);
    if (o !== undefined) out.ownerId = o;
  }
  if (input.dueDate === null) out.dueDate = null;
  else if (input.dueDate !== undefined) {
    const d = instant(check, 'dueDate', input.dueDate, true);
    if (d !== null) out.dueDate = d;
  }
  if (input.status != null) {
    const st = check.oneOf('status', input.status, ACTION_ITEM_STATUSES);
    if (st !== undefined) out.status = st;
  }
  check.throwIfAny();
  return out;
}

export interface PostmortemContent {
  whatHappened: string;
  rootCause: string;
  impact: string | null;
  lessonsLearned: string | null;
  actionItems: PostmortemActionItem[];
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
  const items: PostmortemActionItem[] = [];
  if (!Array.isArray(input.actionItems)) {
    check.add('actionItems', 'is required');
  } else if (input.actionItems.length > LIMITS.actionItemsMax) {
    check.add('actionItems', `must list at most ${LIMITS.actionItemsMax} items`);
  } else {
    input.actionItems.forEach((raw: unknown, i) => {
      const item = (raw ?? {}) as {
        text?: unknown;
        ownerId?: unknown;
        done?: unknown;
        actionItemId?: unknown;
      };
      const t = check.text(`actionItems[${i}].text`, item.text, {
        max: LIMITS.actionItemTextMax,
        required: true,
        multiline: true,
      });
      const owner = userId(check, `actionItems[${i}].ownerId`, item.ownerId, false);
      if (item.done != null && typeof item.done !== 'boolean')
        check.add(`actionItems[${i}].done`, 'must be a boolean');
      const linked = check.text(`actionItems[${i}].actionItemId`, item.actionItemId, {
        max: 16,
        required: false,
      });
      if (t !== undefined)
        items.push({
          text: t,
          ownerId: owner || null,
          done: item.done === true,
          actionItemId: linked || null,
        });
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
