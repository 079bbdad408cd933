import { Kind, parse, type StringValueNode } from 'graphql';

export interface SupergraphGraph {
  name: string;
  url: string;
}

/**
 * The subgraphs a supergraph joins, read from its `enum join__Graph { X @join__graph(name:, url:) }`: the one
 * place the composed file records which services exist and where they were expected to listen.
 */
export function subgraphsOf(supergraphSdl: string): SupergraphGraph[] {
  const graphs: SupergraphGraph[] = [];
  for (const def of parse(supergraphSdl).definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const value of def.values ?? []) {
      const directive = value.directives?.find((d) => d.name.value === 'join__graph');
      const arg = (n: string) =>
        (directive?.arguments?.find((a) => a.name.value === n)?.value as StringValueNode | undefined)?.value;
      const name = arg('name');
      if (name) graphs.push({ name, url: arg('url') ?? '' });
    }
  }
  return graphs;
}
