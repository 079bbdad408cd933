import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * The one `DateTime` of the platform. Every subgraph declares `scalar DateTime` with this text as its description
 * (composition merges the declarations, so they must agree) and registers `DateTimeScalar` as its resolver.
 */
export const DATE_TIME_DESCRIPTION =
  'An instant, ISO 8601 with a time zone: input needs Z or an offset (2026-11-23T04:05:06Z, ' +
  '2026-11-23T06:05:06.5+02:00); output is always UTC with milliseconds (2026-11-23T04:05:06.789Z).';

/** Date, time (seconds and fraction optional) and a zone that is Z or ±hh:mm; nothing else is guessed at. */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Epoch milliseconds of an ISO 8601 instant, or null when the text is not one. A zone is required because an
 * instant without one means a different moment on every server. Each field is range-checked, since
 * `Date.parse` alone rolls 2026-02-30 over into March.
 */
export function parseIsoInstant(text: string): number | null {
  const m = ISO_INSTANT.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second, offH, offM] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59 || offH > 23 || offM > 59) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

const INVALID_INPUT = 'must be an ISO 8601 date-time with Z or an offset, e.g. 2026-11-23T04:05:06Z';

function parseInput(value: unknown): number {
  const ms = typeof value === 'string' ? parseIsoInstant(value) : null;
  // No extensions.code: the server reports it as a bad variable or literal, with the field named (VALIDATION).
  if (ms === null) throw new GraphQLError(INVALID_INPUT);
  return ms;
}

/** Domains hold instants as epoch ms; a Date or an ISO string (a stored event's `at`) is accepted too. */
function serialize(value: unknown): string {
  // Epoch ms is what every domain hands over: test it first, since a list serialises a few per row.
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString();
  let ms = Number.NaN;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'string') ms = parseIsoInstant(value) ?? Number.NaN;
  if (!Number.isFinite(ms)) throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}`);
  return new Date(ms).toISOString();
}

/** Input becomes epoch milliseconds in resolvers; output is ISO 8601 in UTC. */
export const DateTimeScalar = new GraphQLScalarType<number, string>({
  name: 'DateTime',
  description: DATE_TIME_DESCRIPTION,
  serialize,
  parseValue: parseInput,
  parseLiteral: (ast) => parseInput(ast.kind === Kind.STRING ? ast.value : undefined),
});
