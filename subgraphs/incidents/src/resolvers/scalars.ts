import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const toMillis = (value: unknown): number => {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms))
    throw new GraphQLError('DateTime must be an ISO-8601 string', { extensions: { code: 'VALIDATION' } });
  return ms;
};

/** Stored as epoch milliseconds, shown as ISO-8601 in UTC. */
export const DateTime = new GraphQLScalarType<number, string>({
  name: 'DateTime',
  serialize: (value) => {
    const ms = value instanceof Date ? value.getTime() : Number(value);
    if (!Number.isFinite(ms)) throw new GraphQLError('DateTime cannot represent a non-time value');
    return new Date(ms).toISOString();
  },
  parseValue: toMillis,
  parseLiteral: (ast) => toMillis(ast.kind === Kind.STRING ? ast.value : undefined),
});
