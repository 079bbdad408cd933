import { exportedOperations, loadClientSchema, operationErrors } from '@polystatus/rest-kit/testing';
import { describe, expect, it } from 'vitest';
import * as documents from './documents.ts';

// Codegen validates the same strings when it types them; this checks what is actually sent, against the schema
// the gateway serves today, so a schema change that breaks the adapter fails here even before anyone regenerates.
describe('the GraphQL operations this adapter sends', () => {
  const schema = loadClientSchema();
  const operations = exportedOperations(documents);

  it('are found in documents.ts', () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  it.each(operations)('%s is valid against the client schema', (_name, operation) => {
    expect(operationErrors(schema, operation)).toEqual([]);
  });
});
