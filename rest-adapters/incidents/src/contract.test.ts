import { existsSync, readFileSync } from 'node:fs';
import { type OpenApiDocument, resolveRefs, type SchemaObject, toJsonSchema } from '@polystatus/rest-kit';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INCIDENTS_SWAGGER } from './server.ts';

/**
 * The project swagger must stay a superset of the reference contract the users' clients were written against:
 * every route, parameter, request field (with its type, and never a new required one), status and response
 * field (always sent, same type). The reference lives outside the repository, so the check runs where it exists.
 */
const REFERENCE = process.env.REFERENCE_SWAGGER ?? '/work/shared/reference/swaggers/incidents.yaml';

const load = (path: string) => resolveRefs(parse(readFileSync(path, 'utf8')) as OpenApiDocument);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Props = Record<string, SchemaObject>;

/** The promise a schema makes about a value: its JSON types and allowed values, the rest being annotations. */
const promise = (schema: SchemaObject, direction: 'request' | 'response') => {
  const s = toJsonSchema(schema, direction);
  return { type: s.type, enum: s.enum, items: (s.items as SchemaObject | undefined)?.type };
};

describe.skipIf(!existsSync(REFERENCE))('swaggers/incidents.yaml against the reference contract', () => {
  const reference = existsSync(REFERENCE) ? load(REFERENCE) : ({ paths: {} } as OpenApiDocument);
  const ours = load(INCIDENTS_SWAGGER);

  for (const [path, item] of Object.entries(reference.paths)) {
    for (const method of METHODS) {
      const ref = item[method];
      if (!ref) continue;
      it(`${method.toUpperCase()} ${path} keeps the reference's parameters, body, statuses and fields`, () => {
        const own = ours.paths[path]?.[method];
        expect(own, 'route exists').toBeDefined();
        const ownParams = [...(ours.paths[path]!.parameters ?? []), ...(own!.parameters ?? [])];
        for (const p of ref.parameters ?? []) {
          const match = ownParams.find((o) => o.in === p.in && o.name === p.name);
          expect(match, `parameter ${p.in} ${p.name}`).toBeDefined();
          expect(promise(match!.schema!, 'request')).toEqual(promise(p.schema!, 'request'));
        }

        const refBody = ref.requestBody?.content?.['application/json']?.schema;
        if (refBody) {
          const ownBody = own!.requestBody!.content!['application/json']!.schema!;
          const required = (ownBody.required as string[] | undefined) ?? [];
          const refRequired = (refBody.required as string[] | undefined) ?? [];
          expect(
            required.filter((f) => !refRequired.includes(f)),
            'no new required field',
          ).toEqual([]);
          for (const [field, schema] of Object.entries(refBody.properties as Props)) {
            const mine = (ownBody.properties as Props)[field];
            expect(mine, `request field ${field}`).toBeDefined();
            // Widening is allowed (action items also take objects): the reference's form must still be accepted.
            const forms = mine!.items && (mine!.items as SchemaObject).oneOf;
            if (forms)
              expect((forms as SchemaObject[]).map((f) => f.type)).toContain(
                (schema.items as SchemaObject).type,
              );
            else
              expect(promise(mine!, 'request'), `request field ${field}`).toEqual(promise(schema, 'request'));
          }
        }

        for (const [status, response] of Object.entries(ref.responses ?? {})) {
          const mine = own!.responses?.[status];
          expect(mine, `status ${status}`).toBeDefined();
          const refSchema = response.content?.['application/json']?.schema;
          if (!refSchema) continue;
          const ownSchema = mine!.content!['application/json']!.schema!;
          const [refObject, ownObject] =
            refSchema.type === 'array'
              ? [refSchema.items as SchemaObject, ownSchema.items as SchemaObject]
              : [refSchema, ownSchema];
          for (const [field, schema] of Object.entries(refObject.properties as Props)) {
            const prop = (ownObject.properties as Props)[field];
            expect(prop, `response field ${field}`).toBeDefined();
            expect(ownObject.required, `response field ${field} always sent`).toContain(field);
            expect(promise(prop!, 'response'), `response field ${field}`).toEqual(
              promise(schema, 'response'),
            );
          }
        }
      });
    }
  }
});
