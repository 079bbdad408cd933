import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { listOperations, type Operation } from './operations.ts';
import { resolveRefs } from './resolve-refs.ts';
import type { OpenApiDocument } from './types.ts';

export interface LoadedSpec {
  /** The file's text, served unchanged at `/swagger.yaml` so clients see exactly what was reviewed. */
  source: string;
  /** The parsed document, `$ref`s intact (what the docs page renders). */
  document: OpenApiDocument;
  operations: Operation[];
}

export function parseSpec(source: string, origin = 'openapi document'): LoadedSpec {
  const document = parse(source) as OpenApiDocument;
  if (!document || typeof document !== 'object' || !/^3\.0\.\d+$/.test(String(document.openapi))) {
    throw new Error(`${origin}: expected an OpenAPI 3.0.x document`);
  }
  try {
    return { source, document, operations: listOperations(resolveRefs(document)) };
  } catch (err) {
    throw new Error(`${origin}: ${(err as Error).message}`);
  }
}

export const loadSpec = (path: string): LoadedSpec => parseSpec(readFileSync(path, 'utf8'), path);
