import { DomainError, type ErrorCode, type FieldIssue, isErrorCode } from '../errors.ts';

export interface GraphQLErrorLike {
  message?: unknown;
  extensions?: { code?: unknown; details?: unknown; retryAfter?: unknown };
}

export interface GraphQLPayload<Data> {
  data?: Data | null;
  errors?: GraphQLErrorLike[];
}

/** The gateway could not reach or use a subgraph: the platform is (partly) down, not the request wrong. */
const UPSTREAM_FAILURE_CODES = new Set([
  'SUBREQUEST_HTTP_ERROR',
  'SUBREQUEST_MALFORMED_RESPONSE',
  'DOWNSTREAM_SERVICE_ERROR',
]);

/** Apollo's own code for variables that do not fit the schema: the caller's input, like VALIDATION. */
const CLIENT_INPUT_CODES = new Set(['BAD_USER_INPUT']);

const unavailable = (message: string, retryAfter?: number) =>
  new DomainError('UNAVAILABLE', message, retryAfter === undefined ? {} : { retryAfter });

function fieldIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (d): d is FieldIssue =>
      d !== null && typeof d === 'object' && typeof d.field === 'string' && typeof d.issue === 'string',
  );
}

function retryAfterOf(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.ceil(n) : undefined;
}

/**
 * The platform error a GraphQL error stands for. Domain codes pass through with their message, field details and
 * retry delay. Anything else is not the client's to see: the adapter's own document being refused, or an unknown
 * fault, becomes INTERNAL with a generic message (the caller logs the original).
 */
export function domainErrorFrom(error: GraphQLErrorLike, retryAfterHeader?: number): DomainError {
  const ext = error.extensions ?? {};
  const code = typeof ext.code === 'string' ? ext.code : '';
  const message = typeof error.message === 'string' && error.message ? error.message : 'request failed';
  const retryAfter = retryAfterOf(ext.retryAfter) ?? retryAfterHeader;
  if (UPSTREAM_FAILURE_CODES.has(code)) return unavailable('a backing service is unavailable', retryAfter);
  const mapped: ErrorCode | undefined = isErrorCode(code)
    ? code
    : CLIENT_INPUT_CODES.has(code)
      ? 'VALIDATION'
      : undefined;
  if (!mapped || mapped === 'INTERNAL') return new DomainError('INTERNAL', 'internal error');
  return new DomainError(mapped, message, {
    details: fieldIssues(ext.details),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
  });
}

export interface GatewayAnswer {
  status: number;
  retryAfterHeader?: string | undefined;
  /** The parsed JSON body, or undefined when the body was not JSON. */
  payload: unknown;
}

export type Interpretation<Data> =
  | { ok: true; data: Data }
  | { ok: false; error: DomainError; cause?: unknown };

/**
 * Reads one gateway answer. GraphQL errors win over the HTTP status (Apollo sends 4xx for some, 200 for most);
 * when the error is not one a client can act on and the gateway itself failed (5xx), the answer is UNAVAILABLE
 * so the client knows to retry. A 5xx or a non-GraphQL body with no errors is UNAVAILABLE too.
 */
export function interpretAnswer<Data>(answer: GatewayAnswer): Interpretation<Data> {
  const retryAfterHeader = retryAfterOf(answer.retryAfterHeader);
  const payload = answer.payload as GraphQLPayload<Data> | undefined;
  const errors = Array.isArray(payload?.errors) ? payload.errors : [];
  if (errors.length) {
    // The first error a client can act on is the most useful one to report.
    const mapped = errors.map((e) => domainErrorFrom(e, retryAfterHeader));
    const chosen = mapped.find((e) => e.code !== 'INTERNAL') ?? mapped[0]!;
    if (chosen.code === 'INTERNAL' && answer.status >= 500) {
      return { ok: false, error: unavailable('the gateway failed', retryAfterHeader), cause: errors };
    }
    return chosen.code === 'INTERNAL'
      ? { ok: false, error: chosen, cause: errors }
      : { ok: false, error: chosen };
  }
  if (answer.status >= 200 && answer.status < 300 && payload?.data != null)
    return { ok: true, data: payload.data };
  return {
    ok: false,
    error: unavailable(`the gateway answered ${answer.status} without data`, retryAfterHeader),
    cause: answer.payload,
  };
}
