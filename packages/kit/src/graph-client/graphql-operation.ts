import { Kind, parse, print } from 'graphql';

/**
 * A GraphQL document an adapter sends, checked and printed once when its module loads. The type parameters
 * carry the shape of `data` and of the variables to the call site; nothing at run time depends on them.
 */
export interface GraphQLOperation<Data, Variables> {
  readonly operationName: string;
  readonly query: string;
  /** Phantom field: never set, only there so TypeScript keeps `Data` and `Variables` apart per operation. */
  readonly __types?: { data: Data; variables: Variables };
}

export function defineOperation<Data, Variables = Record<string, never>>(
  source: string,
): GraphQLOperation<Data, Variables> {
  const document = parse(source);
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || !operations[0]!.name) {
    throw new Error('a GraphQL operation constant must hold exactly one named operation');
  }
  return { operationName: operations[0]!.name.value, query: print(document) };
}
