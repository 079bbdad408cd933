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
 * Trims what ajv reports for a value that fits none of a `oneOf`/`anyOf`'s forms. ajv lists why every form failed
 * ("must be string", "must be object", then "must match exactly one schema"); a client needs to hear about the
 * form its value was meant to be. A form whose type the value has (an object action item) is that form: its
 * errors (a missing `text`) are kept and the rest dropped. When the value has none of the forms' types, one line
 * for the field says so.
 */
export function concise(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  if (!alternatives.length) return errors;
  const drop = new Set<ErrorObject>();
  for (const alt of alternatives) {
    const under = `${alt.schemaPath}/`;
    const inValue = (e: ErrorObject) =>
      e.instancePath === alt.instancePath || e.instancePath.startsWith(`${alt.instancePath}/`);
    const branchOf = (e: ErrorObject) => e.schemaPath.slice(under.length).split('/')[0]!;
    const branchErrors = errors.filter((e) => e !== alt && e.schemaPath.startsWith(under) && inValue(e));
    if (!branchErrors.length) continue; // "matches more than one form": the alternative's own line says it all
    const wrongType = new Set(
      branchErrors
        .filter((e) => e.keyword === 'type' && e.instancePath === alt.instancePath)
        .filter((e) => e.schemaPath === `${under}${branchOf(e)}/type`)
        .map(branchOf),
    );
    const meant = branchErrors.filter((e) => !wrongType.has(branchOf(e)));
    for (const e of branchErrors) if (!meant.includes(e)) drop.add(e);
    if (meant.length) drop.add(alt);
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
 * The per-route compiler handed to Fastify. An optional request body may be absent altogether; Fastify hands
 * the validator `null` (or `undefined`) for a request without one and would otherwise refuse it.
 */
export function validatorCompilerFor(op: Operation): FastifySchemaCompiler<SchemaObject> {
  return ({ schema, httpPart }) => {
    const validate = withConciseErrors(compileValidator(schema, httpPart === 'body' ? 'body' : 'text'));
    if (httpPart !== 'body' || op.bodyRequired) return validate;
    const optional = (data: unknown) => data == null || validate(data);
    return Object.defineProperty(optional, 'errors', { get: () => validate.errors });
  };
}
