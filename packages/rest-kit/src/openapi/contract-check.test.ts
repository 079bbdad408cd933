import { describe, expect, it } from 'vitest';
import { checkAgainstReference } from './contract-check.ts';
import type { OpenApiDocument, OperationObject, SchemaObject } from './types.ts';

const doc = (paths: Record<string, Record<string, OperationObject>>): OpenApiDocument => ({
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths,
});
const json = (schema: SchemaObject) => ({ content: { 'application/json': { schema } } });
const post = (body: SchemaObject, response: SchemaObject = { type: 'object' }): OperationObject => ({
  requestBody: { required: true, ...json(body) },
  responses: { '201': { description: 'ok', ...json(response) } },
});
const object = (properties: Record<string, SchemaObject>, required?: string[]) => ({
  type: 'object',
  properties,
  ...(required ? { required } : {}),
});

/** The problems found on the one route of two single-route documents. */
const problems = (reference: OperationObject, ours: OperationObject, path = '/things', ownPath = path) =>
  checkAgainstReference(doc({ [path]: { post: reference } }), doc({ [ownPath]: { post: ours } }))[0]!
    .problems;

describe('checkAgainstReference', () => {
  it('finds nothing when the project adds optional fields, statuses and validation', () => {
    const reference = post(object({ name: { type: 'string' }, role: { type: 'string' } }), {
      type: 'object',
      properties: { id: { type: 'string' } },
    });
    const ours: OperationObject = {
      requestBody: {
        required: true,
        ...json(
          object({
            name: { type: 'string', maxLength: 10 },
            role: { type: 'string', enum: ['viewer', 'admin'] },
            extra: { type: 'string' },
          }),
        ),
      },
      responses: {
        '201': {
          description: 'ok',
          ...json(object({ id: { type: 'string' }, more: { type: 'integer' } }, ['id'])),
        },
        '409': { description: 'conflict' },
      },
    };
    expect(problems(reference, ours)).toEqual([]);
  });

  it('reports a route that is gone, or only there under another method', () => {
    const reference = doc({ '/things': { post: post({ type: 'object' }) } });
    expect(checkAgainstReference(reference, doc({}))).toEqual([
      { route: 'POST /things', problems: ['route missing'] },
    ]);
    expect(
      checkAgainstReference(reference, doc({ '/things': { put: post({ type: 'object' }) } }))[0]!.problems,
    ).toEqual(['route missing']);
  });

  it('matches a path whose parameter is named differently, since the URL is the same', () => {
    const param = (name: string) => ({
      in: 'path' as const,
      name,
      required: true,
      schema: { type: 'string' },
    });
    const reference: OperationObject = { ...post({ type: 'object' }), parameters: [param('id')] };
    const ours: OperationObject = { ...post({ type: 'object' }), parameters: [param('key')] };
    expect(problems(reference, ours, '/things/{id}', '/things/{key}')).toEqual([]);
  });

  it('reports a missing, retyped or newly required parameter', () => {
    const reference: OperationObject = {
      ...post({ type: 'object' }),
      parameters: [
        { in: 'query', name: 'limit', schema: { type: 'integer' } },
        { in: 'query', name: 'page', schema: { type: 'integer' } },
        { in: 'query', name: 'active', schema: { type: 'boolean' } },
      ],
    };
    const ours: OperationObject = {
      ...post({ type: 'object' }),
      parameters: [
        { in: 'query', name: 'limit', schema: { type: 'string' } },
        { in: 'query', name: 'page', required: true, schema: { type: 'number' } },
        { in: 'query', name: 'tenant', required: true, schema: { type: 'string' } },
      ],
    };
    expect(problems(reference, ours)).toEqual([
      'parameter query limit: type string, the reference says integer',
      'parameter query page: required here, optional in the reference',
      'parameter query active: missing',
      'parameter query tenant: new required parameter',
    ]);
  });

  it('requires every request field the reference sends, accepted with its type, and no new required one', () => {
    const reference = post(
      object(
        {
          name: { type: 'string' },
          count: { type: 'integer' },
          size: { type: 'number' },
          tag: { type: 'string' },
        },
        ['name'],
      ),
    );
    const ours = post(
      object(
        {
          name: { type: 'string' },
          count: { type: 'number' },
          size: { type: 'integer' },
          password: { type: 'string' },
        },
        ['name', 'password'],
      ),
    );
    expect(problems(reference, ours)).toEqual([
      'request body.size: type integer, the reference says number',
      'request body.tag: missing',
      'request body: new required field password',
    ]);
  });

  it('accepts a request field widened to alternatives only when one of them takes the reference form', () => {
    const reference = post(object({ items: { type: 'array', items: { type: 'string' } } }));
    const widened = (forms: SchemaObject[]) =>
      post(object({ items: { type: 'array', items: { oneOf: forms } } }));
    expect(problems(reference, widened([{ type: 'string' }, object({ text: { type: 'string' } })]))).toEqual(
      [],
    );
    expect(problems(reference, widened([{ type: 'integer' }, object({ text: { type: 'string' } })]))).toEqual(
      ["request body.items[]: none of its forms accepts the reference's"],
    );
  });

  it("keeps every enum value a client may send, and sends only values the reference's enum lists", () => {
    const reference = post(object({ status: { type: 'string', enum: ['open', 'closed'] } }), {
      ...object({ status: { type: 'string', enum: ['open', 'closed'] } }),
    });
    const ours = post(object({ status: { type: 'string', enum: ['open'] } }), {
      ...object({ status: { type: 'string', enum: ['open', 'closed', 'archived'] } }, ['status']),
    });
    expect(problems(reference, ours)).toEqual([
      "request body.status: refuses the reference's value(s) closed",
      "response 201.status: may send archived, not in the reference's enum",
    ]);
  });

  it('requires every response field always sent, never null or wider than promised, allOf included', () => {
    const reference = post(
      { type: 'object' },
      object({
        id: { type: 'string' },
        at: { type: 'integer' },
        by: { type: 'string' },
        n: { type: 'number' },
      }),
    );
    const ours = post(
      { type: 'object' },
      {
        allOf: [
          object({ id: { type: 'string' }, at: { type: 'number' } }, ['id', 'at']),
          object({ by: { type: 'string', nullable: true }, n: { type: 'integer' } }, ['by']),
        ],
      },
    );
    expect(problems(reference, ours)).toEqual([
      'response 201.at: type number, the reference says integer',
      'response 201.by: type string|null, the reference says string',
      'response 201.n: not always sent',
    ]);
  });

  it('reports a missing status and a body the reference documented but the project does not', () => {
    const reference: OperationObject = {
      responses: {
        '200': { description: 'ok', ...json({ type: 'array', items: object({ id: { type: 'string' } }) }) },
        '404': { description: 'none' },
      },
    };
    const ours: OperationObject = { responses: { '200': { description: 'ok' } } };
    expect(problems(reference, ours)).toEqual(['response 200: no JSON body', 'status 404: missing']);
  });

  it('refuses a required request body where the reference sends none', () => {
    const reference: OperationObject = { responses: { '200': { description: 'ok' } } };
    expect(problems(reference, post({ type: 'object' }))).toEqual([
      'request body: required here, the reference sends none',
      'status 200: missing',
    ]);
  });
});
