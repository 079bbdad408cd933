/**
 * One error model for the whole platform. Services throw `DomainError`; the GraphQL layer puts `code` into
 * `extensions.code`, the REST layer maps it to an HTTP status and the documented JSON body. Anything that is not
 * a DomainError is an internal fault: logged in full, shown to the client only as a generic message.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  field: string;
  issue: string;
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: FieldIssue[];
  /** Seconds a client should wait before retrying (RATE_LIMITED, UNAVAILABLE). */
  readonly retryAfter?: number;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { details?: FieldIssue[]; retryAfter?: number; cause?: unknown } = {},
  ) {
    // The cause is for logs (a Redis timeout behind an UNAVAILABLE, say); clients only ever see `message`.
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'DomainError';
    this.code = code;
    this.details = opts.details ?? [];
    if (opts.retryAfter !== undefined) this.retryAfter = opts.retryAfter;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

export const httpStatusFor = (code: ErrorCode): number => HTTP_STATUS[code];

export const isErrorCode = (v: unknown): v is ErrorCode =>
  typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);

export const validationError = (details: FieldIssue[], message?: string): DomainError =>
  new DomainError('VALIDATION', message ?? details.map((d) => `${d.field}: ${d.issue}`).join('; '), {
    details,
  });

export const fieldError = (field: string, issue: string): DomainError => validationError([{ field, issue }]);

export const notFound = (entity: string, id: string): DomainError =>
  new DomainError('NOT_FOUND', `${entity} ${id} not found`);

export const conflict = (message: string, details: FieldIssue[] = []): DomainError =>
  new DomainError('CONFLICT', message, { details });

/** The REST error body documented in every project swagger. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: FieldIssue[] };
  requestId: string;
}

export const toErrorBody = (err: DomainError, requestId: string): ErrorBody => ({
  error: { code: err.code, message: err.message, details: err.details },
  requestId,
});
