import { buildSchema } from 'graphql';

/** A schema and a ~2 KB document whose fragments each spread the next one twice: 2^depth paths if walked naively. */
export function fragmentBomb(depth = 40) {
  const schema = buildSchema('type Query { q: Query n: Int }');
  const fragments = Array.from({ length: depth }, (_, i) =>
    i === depth - 1
      ? `fragment F${i} on Query { n }`
      : `fragment F${i} on Query { ...F${i + 1} q { ...F${i + 1} } }`,
  );
  return { schema, query: `query { ...F0 } ${fragments.join(' ')}` };
}
