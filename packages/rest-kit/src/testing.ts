import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { LoadedSpec } from './openapi/load.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * For tests: checks a response against what the OpenAPI file documents for that operation and status, so an
 * end-to-end suite proves the served API matches the file field by field. Returns the problems, empty when the
 * response conforms.
 */
export function responseChecker(spec: LoadedSpec) {
  // No coercion and no defaults: a response is checked as sent, never repaired.
  const ajv = addFormats(new Ajv({ allErrors: true, strict: true }));
  const compiled = new Map<string, ValidateFunction>();
  return (operationId: string, status: number, body: unknown): string[] => {
    const op = spec.operations.find((o) => o.operationId === operationId);
    if (!op) return [`no operation ${operationId}`];
    const documented = op.responses.get(status);
    if (!documented) return [`${operationId} does not document status ${status}`];
    if (!documented.schema) return [];
    const key = `${operationId}:${status}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(documented.schema);
      compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${operationId} ${status}: ${e.instancePath || '(root)'} ${e.message}`,
    );
  };
}

export * from './operation-check.ts';
export * from './reference-contract.ts';
