import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldIssue, toErrorBody } from '../errors.ts';

interface AjvLikeError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Turns an ajv error into `{field, issue}` with a dotted field path a client can act on. */
export function ajvIssue(e: AjvLikeError, context?: string): FieldIssue {
  const path = (e.instancePath ?? '')
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const p = e.params ?? {};
  if (e.keyword === 'required' && typeof p.missingProperty === 'string') path.push(p.missingProperty);
  if (e.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string') {
    path.push(p.additionalProperty);
    return { field: fieldName(path, context), issue: 'is not a known field' };
  }
  return { field: fieldName(path, context), issue: issueText(e) };
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

/** The same sentence shapes as the domain validators use ("must be at most 200 characters"), not ajv's own. */
function issueText(e: AjvLikeError): string {
  const p = e.params ?? {};
  const limit = p.limit as number | undefined;
  switch (e.keyword) {
    case 'required':
      return 'is required';
    case 'enum':
      return Array.isArray(p.allowedValues)
        ? `must be one of: ${p.allowedValues.join(', ')}`
        : 'is not allowed';
    case 'type': {
      const types = String(p.type ?? '').split(',');
      return `must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}`;
    }
    case 'minLength':
      return limit === 1 ? 'must not be empty' : `must be at least ${limit} characters`;
    case 'maxLength':
      return `must be at most ${limit} characters`;
    case 'minimum':
      return `must be at least ${limit}`;
    case 'maximum':
      return `must be at most ${limit}`;
    case 'minItems':
      return limit === 1 ? 'must not be empty' : `must have at least ${limit} items`;
    case 'maxItems':
      return `must have at most ${limit} items`;
    case 'format':
      return `must be a valid ${String(p.format)}`;
    default:
      return e.message ?? 'is invalid';
  }
}

function fieldName(path: string[], context?: string): string {
  const joined = path.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
  if (joined) return joined;
  return context === 'body' || !context ? 'body' : context;
}

/**
 * Maps every failure to the documented body. Framework errors (bad JSON, oversize body, schema validation) become
 * VALIDATION with the offending field; unknown errors are logged with the request id and hidden from the client.
 */
export function errorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const domain = toDomainError(error, request);
  if (domain.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
  else request.log.info({ code: domain.code, details: domain.details }, domain.message);
  if (domain.retryAfter !== undefined) void reply.header('retry-after', String(domain.retryAfter));
  void reply.status(domain.httpStatus).send(toErrorBody(domain, request.id));
}

export function toDomainError(error: FastifyError | Error, request?: FastifyRequest): DomainError {
  if (error instanceof DomainError) return error;
  // No route matched, but the body failed to parse first: the missing route is what the client must hear about.
  if (request?.is404) {
    return new DomainError('NOT_FOUND', `no route for ${request.method} ${request.url.split('?')[0]}`);
  }
  const fe = error as FastifyError & { validation?: AjvLikeError[]; validationContext?: string };
  if (Array.isArray(fe.validation)) {
    const details = fe.validation.map((v) => ajvIssue(v, fe.validationContext));
    return new DomainError('VALIDATION', details.map((d) => `${d.field} ${d.issue}`).join('; '), { details });
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('VALIDATION', 'request body is too large', {
        details: [
          { field: 'body', issue: `must be at most ${request?.routeOptions.bodyLimit ?? 'the limit'} bytes` },
        ],
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError('VALIDATION', 'unsupported content type', {
        details: [{ field: 'body', issue: 'must be sent as application/json' }],
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new DomainError('VALIDATION', 'request body is empty', {
        details: [{ field: 'body', issue: 'must be a JSON document' }],
      });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new DomainError('VALIDATION', 'content-length does not match the body', {
        details: [{ field: 'body', issue: 'length does not match content-length' }],
      });
  }
  if (error instanceof SyntaxError || fe.statusCode === 400) {
    return new DomainError('VALIDATION', 'request body is not valid JSON', {
      details: [{ field: 'body', issue: 'must be valid JSON' }],
    });
  }
  if (fe.statusCode === 404) return new DomainError('NOT_FOUND', error.message);
  return new DomainError('INTERNAL', 'internal error');
}
