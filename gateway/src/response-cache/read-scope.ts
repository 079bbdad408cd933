import {
  type DocumentNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { NEUTRAL, VERSIONED_READS } from './versioned-reads.ts';

/** The domains whose event streams version an operation's answer, sorted; undefined when nothing does. */
export type ReadScope = readonly string[] | undefined;

/**
 * Decides, once per parsed document and operation, which domains' streams version the operation's answer
 * (versioned-reads.ts), or that it cannot be reused at all: a mutation or subscription, introspection, or any
 * field not known to be versioned. Apollo keeps one parsed document per query text, so under load this is a
 * WeakMap lookup.
 */
export class ReadScopes {
  private readonly owner = new Map<string, string | null>();
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, ReadScope>>();

  constructor(private readonly schema: GraphQLSchema) {
    for (const [domain, fields] of Object.entries(VERSIONED_READS)) {
      for (const field of fields) this.owner.set(field, domain);
    }
    for (const field of NEUTRAL) this.owner.set(field, null);
  }

  of(document: DocumentNode, operation: OperationDefinitionNode): ReadScope {
    let scopes = this.byDocument.get(document);
    if (!scopes) {
      scopes = new Map();
      this.byDocument.set(document, scopes);
    }
    const name = operation.name?.value ?? '';
    if (scopes.has(name)) return scopes.get(name);
    const scope = this.compute(document, operation);
    scopes.set(name, scope);
    return scope;
  }

  private compute(document: DocumentNode, operation: OperationDefinitionNode): ReadScope {
    if (operation.operation !== 'query') return undefined;
    const domains = new Set<string>();
    let reusable = true;
    const typeInfo = new TypeInfo(this.schema);
    const visitor = visitWithTypeInfo(typeInfo, {
      Field: (node) => {
        const name = node.name.value;
        if (name === '__typename') return;
        const parent = typeInfo.getParentType();
        const owner = parent ? this.owner.get(`${parent.name}.${name}`) : undefined;
        if (owner === undefined) {
          reusable = false;
          return false;
        }
        if (owner !== null) domains.add(owner);
        return undefined;
      },
    });
    // The operation, and every fragment in the document (validation refuses unused ones; a fragment only another
    // operation spreads makes this one's scope wider, never wrong).
    visit(operation, visitor);
    for (const definition of document.definitions) {
      if (!reusable) break;
      if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
    }
    return reusable && domains.size > 0 ? [...domains].sort() : undefined;
  }
}
