import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parse(value: unknown): number {
  if (typeof value !== 'string' || !ISO.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError('must be an ISO-8601 date-time with a time zone, e.g. 2026-11-23T04:05:06Z');
  }
  return Date.parse(value);
}

/** The service works in epoch milliseconds; the API speaks ISO-8601 in UTC. */
export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => {
    const ms = value instanceof Date ? value.getTime() : Number(value);
    if (!Number.isFinite(ms)) throw new GraphQLError('DateTime cannot represent this value');
    return new Date(ms).toISOString();
  },
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** GraphQL's enum values in, the platform's role names out (and back). */
export const Role = { VIEWER: 'viewer', RESPONDER: 'responder', MANAGER: 'manager', ADMIN: 'admin' };
