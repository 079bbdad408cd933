import type { OpenApiDocument } from './types.ts';

/**
 * Returns a copy of the document with every local `$ref` (`#/components/...`) replaced by what it points to.
 * Fastify compiles each route's schemas on their own, so they must be self-contained. A reference cycle cannot be
 * inlined and fails loudly rather than producing a schema that validates less than the file says.
 */
export function resolveRefs(doc: OpenApiDocument): OpenApiDocument {
  const lookup = (ref: string): unknown => {
    if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
    let node: unknown = doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (node === null || typeof node !== 'object' || !(key in node))
        throw new Error(`unresolvable $ref ${ref}`);
      node = (node as Record<string, unknown>)[key];
    }
    return node;
  };

  const walk = (node: unknown, trail: string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, trail));
    if (node === null || typeof node !== 'object') return node;
    const obj = node as Record<string, unknown>;
    if (typeof obj.$ref === 'string') {
      const ref = obj.$ref;
      if (trail.includes(ref)) throw new Error(`cyclic $ref ${[...trail, ref].join(' -> ')}`);
      // OpenAPI 3.0 ignores siblings of $ref, so the target replaces the whole object.
      return walk(lookup(ref), [...trail, ref]);
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(obj)) out[key] = walk(value, trail);
    return out;
  };

  return walk(doc, []) as OpenApiDocument;
}
