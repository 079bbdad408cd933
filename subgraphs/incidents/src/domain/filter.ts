import { codePointLength, decodeCursor, encodeCursor, fieldError, pageSize } from '@polystatus/kit';
import type { Source, Status } from './incident.ts';
import { normalizeServiceName, validateCommanderId } from './validation.ts';

export const QUERY_MAX = 200;

export interface IncidentFilter {
  status?: Status;
  sev?: number;
  service?: string;
  /** Lower-cased, as the search index stores text. */
  q?: string;
  commander?: string;
  source?: Source;
}

export interface ListQuery {
  filter: IncidentFilter;
  first: number;
  /** Sequence number the page starts below (exclusive); null for the first page. */
  before: number | null;
}

/**
 * A list cursor (opaque, the kit's encoding) carries the incident's sequence number: a page continues strictly
 * below it, which stays correct while new incidents arrive on top. The version lets the scheme change later.
 */
export const encodeListCursor = (seq: number): string => encodeCursor(`v1:${seq}`);

export function decodeListCursor(cursor: string): number {
  const m = /^v1:([1-9]\d{0,15})$/.exec(decodeCursor(cursor));
  if (!m) throw fieldError('after', 'is not a cursor this API returned');
  return Number(m[1]);
}

export function parseFilter(
  input:
    | {
        status?: Status | null;
        sev?: number | null;
        service?: string | null;
        q?: string | null;
        commander?: string | null;
        source?: Source | null;
      }
    | null
    | undefined,
): IncidentFilter {
  const f: IncidentFilter = {};
  if (!input) return f;
  if (input.status) f.status = input.status;
  if (input.source) f.source = input.source;
  if (input.sev != null) {
    if (!Number.isInteger(input.sev) || input.sev < 1 || input.sev > 4)
      throw fieldError('sev', 'must be an integer from 1 to 4');
    f.sev = input.sev;
  }
  if (input.service != null) {
    const r = normalizeServiceName(input.service);
    if (!r.ok) throw fieldError('service', r.issue);
    f.service = r.name;
  }
  if (input.commander != null) {
    // Same rule as an assigned commander's id: the value becomes part of an index key.
    try {
      f.commander = validateCommanderId(input.commander);
    } catch {
      throw fieldError('commander', 'must be a user id (1 to 128 characters, one line)');
    }
  }
  if (input.q != null && input.q !== '') {
    if (codePointLength(input.q) > QUERY_MAX)
      throw fieldError('q', `must be at most ${QUERY_MAX} characters`);
    f.q = input.q.toLowerCase();
  }
  return f;
}

export function parseListArgs(
  args: { filter?: Parameters<typeof parseFilter>[0]; first?: number | null; after?: string | null },
  defaultFirst = 50,
): ListQuery {
  return {
    filter: parseFilter(args.filter),
    first: pageSize(args.first, defaultFirst),
    before: args.after ? decodeListCursor(args.after) : null,
  };
}

/** Timeline cursors are the stream entry ids themselves (`<ms>-<n>`), so live clients resume from an event's id. */
const MAX_U64 = 2n ** 64n - 1n;

export function parseStreamId(after: string | null | undefined): string | null {
  if (after == null || after === '') return null;
  const parts = /^(\d{1,20})-(\d{1,20})$/.exec(after);
  // Redis stream ids are two unsigned 64-bit numbers; a larger one (or reading past the very last possible id)
  // would make Redis refuse the read. No real entry has the largest timestamp.
  if (!parts || BigInt(parts[1]!) >= MAX_U64 || BigInt(parts[2]!) > MAX_U64) {
    throw fieldError('after', 'must be a timeline entry id such as 1700000000000-0');
  }
  return after;
}
