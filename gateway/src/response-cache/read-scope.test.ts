import { readFileSync } from 'node:fs';
import {
  buildSchema,
  type DocumentNode,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { ReadScopes } from './read-scope.ts';
import { NEUTRAL, VERSIONED_READS } from './versioned-reads.ts';

const schema = buildSchema(readFileSync(new URL('../../client-schema.graphql', import.meta.url), 'utf8'));
const scopes = new ReadScopes(schema);

function scopeOf(source: string, name?: string) {
  const document: DocumentNode = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (name === undefined || d.name?.value === name),
  )!;
  return scopes.of(document, operation);
}

describe('versioned reads', () => {
  it('name only fields the schema the gateway serves has, so a rename cannot silently drop or widen one', () => {
    for (const coordinate of [...Object.values(VERSIONED_READS).flat(), ...NEUTRAL]) {
      const [type, field] = coordinate.split('.') as [string, string];
      const named = schema.getType(type);
      expect(isObjectType(named) && named.getFields()[field] !== undefined, coordinate).toBe(true);
    }
  });

  it('name each field once', () => {
    const all = [...Object.values(VERSIONED_READS).flat(), ...NEUTRAL];
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('read scopes', () => {
  it('are the domains whose fields a query selects, through fragments and inline fragments', () => {
    expect(scopeOf('{ incidents(first: 5) { nodes { id title } pageInfo { endCursor } } }')).toEqual([
      'incidents',
    ]);
    expect(
      scopeOf(`query Dash { incidents { nodes { ...F ... on Incident { commander { name } } } } }
        fragment F on Incident { id sev __typename }`),
    ).toEqual(['incidents', 'users']);
    expect(scopeOf('{ me { id role } }')).toEqual(['users']);
  });

  it('are undefined for mutations, introspection, clock-dependent fields and other domains', () => {
    expect(scopeOf('mutation { createIncident(input: { title: "x", sev: 1 }) { id } }')).toBeUndefined();
    expect(scopeOf('{ __schema { types { name } } }')).toBeUndefined();
    expect(scopeOf('{ __type(name: "Incident") { name } }')).toBeUndefined();
    expect(scopeOf('{ incident(id: "1") { actionItems { nodes { overdue } } } }')).toBeUndefined();
    expect(scopeOf('{ me { actionItems { nodes { id } } } }')).toBeUndefined();
    expect(scopeOf('{ incident(id: "1") { id announcements { id } } }')).toBeUndefined();
    expect(scopeOf('{ flags { key } }')).toBeUndefined();
    expect(scopeOf('{ __typename }')).toBeUndefined();
  });

  it('look at the operation asked for and every fragment of the document', () => {
    const source = `query A { me { id } } query B { incidents { nodes { ...F } } }
      fragment F on Incident { id announcements { id } }`;
    // A fragment only B spreads still narrows A: wider, never wrong.
    expect(scopeOf(source, 'A')).toBeUndefined();
    expect(scopeOf('query A { me { id } } query B { incidents { nodes { id } } }', 'A')).toEqual(['users']);
  });

  it('are computed once per parsed document and operation', () => {
    const document = parse('{ incidents { nodes { id } } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    const first = scopes.of(document, operation);
    expect(scopes.of(document, operation)).toBe(first);
  });
});
