import type { GraphQLFormattedError } from 'graphql';
import { DomainError, type FieldIssue, httpStatusFor, isErrorCode } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** Apollo's own codes that mean "the client sent something wrong". */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
]);

/** Longest message a client gets back: an unknown field's name is echoed in its error, and names are unbounded. */
const MAX_MESSAGE_LENGTH = 300;

/**
 * Messages as a client may see them: without "Did you mean …" (validation hides suggestions, but variable
 * coercion during execution still offers enum values), and never longer than MAX_MESSAGE_LENGTH.
 */
export function clientMessage(message: string): string {
  const bare = message.replace(/ Did you mean [^?]*\?/g, '');
  return bare.length > MAX_MESSAGE_LENGTH ? `${bare.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : bare;
}

/** `Variable "$input" got invalid value 7 at "input.sev"; …` → `sev`, so GraphQL clients also get the field. */
function fieldFromMessage(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message)?.[1];
  if (at) return at.split('.').slice(1).join('.') || at;
  const variable = /Variable "\$([^"]+)"/.exec(message)?.[1];
  return variable;
}

/**
 * Puts every error into the platform's model: `extensions.code` is one of the domain codes, `extensions.details`
 * names the fields, and internal faults are logged and masked.
 */
export function formatGraphQLError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    if (original instanceof DomainError) {
      return {
        message: original.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: {
          code: original.code,
          details: original.details,
          http: { status: httpStatusFor(original.code) },
          ...(original.retryAfter !== undefined ? { retryAfter: original.retryAfter } : {}),
        },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && isErrorCode(code)) {
      return { ...formatted, message: clientMessage(formatted.message) };
    }
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const message = clientMessage(formatted.message);
      const field = fieldFromMessage(message);
      const details: FieldIssue[] = field ? [{ field, issue: message }] : [];
      return {
        ...formatted,
        message,
        extensions: { ...formatted.extensions, code: 'VALIDATION', details, apolloCode: code },
      };
    }
    logger.error({ err: original }, 'unhandled GraphQL error');
    return {
      message: 'internal error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL' },
    };
  };
}
