import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { Operation } from './openapi/operations.ts';
import type { SchemaObject } from './openapi/types.ts';

// ajv-formats is CommonJS with a `default` property; under NodeNext the default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const common = { allErrors: true, removeAdditional: false, useDefaults: true, strict: true } as const;

/**
 * Two validators, because HTTP carries two kinds of values. Query strings and path segments are text, so
 * `?sev=2` must be read as the integer the file declares (and a lone `?tag=a` as a one-item array). JSON bodies are
 * typed already: `"sev": "2"` is a client bug the contract refuses, so bodies are never coerced.
 */
const bodyAjv = addFormats(new Ajv({ ...common, coerceTypes: false }));
const textAjv = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));

export function compileValidator(schema: SchemaObject, part: 'body' | 'text'): ValidateFunction {
  return (part === 'body' ? bodyAjv : textAjv).compile(schema);
}

/**
 * Trims what ajv reports for a value that fits none of a `oneOf`/`anyOf`'s forms. ajv lists why each form failed
 * ("must be string", "must be object", then "must match exactly one schema"); a client needs one line for that
 * field. When a form failed deeper inside the value (a missing `text` in an object action item), that deeper
 * error is the useful one and the generic line is dropped instead.
 */
export function concise(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  if (!alternatives.length) return errors;
  const drop = new Set<ErrorObject>();
  for (const alt of alternatives) {
    const branch = errors.filter((e) => e !== alt && e.schemaPath.startsWith(`${alt.schemaPath}/`));
    const deeper = branch.filter((e) => e.instancePath !== alt.instancePath);
    for (const e of branch) if (e.instancePath === alt.instancePath) drop.add(e);
    if (deeper.length) drop.add(alt);
    else alt.message = 'does not match any of the accepted forms';
  }
  return errors.filter((e) => !drop.has(e));
}

/** The validator with its errors passed through `concise`, keeping ajv's `(data) => boolean` + `.errors` shape. */
function withConciseErrors(validate: ValidateFunction) {
  const wrapped = (data: unknown) => {
    const ok = validate(data);
    wrapped.errors = ok ? null : concise(validate.errors ?? []);
    return ok;
  };
  wrapped.errors = null as ErrorObject[] | null;
  return wrapped;
}

/**
 * The per-route compiler handed to Fastify. An optional request body may be absent altogether; Fastify would
 * otherwise validate `undefined` against the body schema and refuse it.
 */
export function validatorCompilerFor(op: Operation): FastifySchemaCompiler<SchemaObject> {
  return ({ schema, httpPart }) => {
    const validate = withConciseErrors(compileValidator(schema, httpPart === 'body' ? 'body' : 'text'));
    if (httpPart !== 'body' || op.bodyRequired) return validate;
    const optional = (data: unknown) => data === undefined || validate(data);
    return Object.defineProperty(optional, 'errors', { get: () => validate.errors });
  };
}
