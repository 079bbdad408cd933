import { HTTP_METHODS, type OpenApiDocument, type ParameterObject, type SchemaObject } from './types.ts';

/** One reference operation and what the project's document breaks of it (empty when it keeps everything). */
export interface RouteCheck {
  /** `POST /api/v1/auth/login`, with the reference's spelling of the path. */
  route: string;
  problems: string[];
}

type Side = 'request' | 'response';
const JSON_MEDIA = 'application/json';

/**
 * Compares the project's OpenAPI document with a reference contract that clients were written against, both with
 * their `$ref`s inlined (`resolveRefs`). The project's document must be a superset: every reference route (path
 * parameter names aside, they are not on the wire), parameter, request field, status code and response field,
 * with a compatible type. Compatible means a client of the reference never notices:
 *  - what a client sends must still be accepted: the same JSON type or a wider one (`number` takes `integer`,
 *    a `oneOf` takes the reference's form), every reference enum value, no new required field or parameter;
 *  - what a client receives must be what it was promised: every reference field always sent, with the same type
 *    or a narrower one, and only enum values the reference lists.
 * Constraints the reference leaves open (a length, a format, an enum on a free string) are the project's own
 * validation and are not differences. Returns one entry per reference operation.
 */
export function checkAgainstReference(reference: OpenApiDocument, ours: OpenApiDocument): RouteCheck[] {
  const checks: RouteCheck[] = [];
  const ownPaths = new Map(Object.keys(ours.paths ?? {}).map((p) => [templateShape(p), p]));
  for (const [path, item] of Object.entries(reference.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const ref = item[method];
      if (!ref) continue;
      const problems: string[] = [];
      checks.push({ route: `${method.toUpperCase()} ${path}`, problems });
      const ownPath = ownPaths.get(templateShape(path));
      const ownItem = ownPath === undefined ? undefined : ours.paths[ownPath];
      const own = ownItem?.[method];
      if (!own || ownPath === undefined) {
        problems.push('route missing');
        continue;
      }

      const refParams = mergeParameters(item.parameters, ref.parameters);
      const ownParams = mergeParameters(ownItem?.parameters, own.parameters);
      const matched = new Set<ParameterObject>();
      for (const p of refParams) {
        const label = `parameter ${p.in} ${p.name}`;
        const mine =
          ownParams.find((o) => o.in === p.in && o.name === p.name) ??
          (p.in === 'path' ? samePlaceholder(p.name, path, ownPath, ownParams) : undefined);
        if (!mine) {
          problems.push(`${label}: missing`);
          continue;
        }
        matched.add(mine);
        if (mine.required && !p.required && p.in !== 'path')
          problems.push(`${label}: required here, optional in the reference`);
        compare(
          mine.schema ?? { type: 'string' },
          p.schema ?? { type: 'string' },
          'request',
          label,
          problems,
        );
      }
      for (const o of ownParams) {
        if (!matched.has(o) && o.required && o.in !== 'path')
          problems.push(`parameter ${o.in} ${o.name}: new required parameter`);
      }

      const refBody = ref.requestBody?.content?.[JSON_MEDIA]?.schema;
      const ownBody = own.requestBody?.content?.[JSON_MEDIA]?.schema;
      if (refBody) {
        if (!ownBody) problems.push('request body: missing');
        else compare(ownBody, refBody, 'request', 'request body', problems);
        if (own.requestBody?.required && !ref.requestBody?.required)
          problems.push('request body: required here, optional in the reference');
      } else if (own.requestBody?.required) {
        problems.push('request body: required here, the reference sends none');
      }

      for (const [status, response] of Object.entries(ref.responses ?? {})) {
        const mine = own.responses?.[status];
        if (!mine) {
          problems.push(`status ${status}: missing`);
          continue;
        }
        const refSchema = response.content?.[JSON_MEDIA]?.schema;
        if (!refSchema) continue;
        const ownSchema = mine.content?.[JSON_MEDIA]?.schema;
        if (!ownSchema) problems.push(`response ${status}: no JSON body`);
        else compare(ownSchema, refSchema, 'response', `response ${status}`, problems);
      }
    }
  }
  return checks;
}

/** A path with its parameter names blanked: `/a/{id}` and `/a/{key}` are the same URL to a client. */
const templateShape = (path: string) => path.replace(/\{[^}]*\}/g, '{}');

const placeholders = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);

/** The own path parameter sitting where the reference's one does, when the two documents name it differently. */
function samePlaceholder(name: string, refPath: string, ownPath: string, own: ParameterObject[]) {
  const at = placeholders(refPath).indexOf(name);
  const ownName = at < 0 ? undefined : placeholders(ownPath)[at];
  return own.find((o) => o.in === 'path' && o.name === ownName);
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergeParameters(shared: ParameterObject[] = [], own: ParameterObject[] = []): ParameterObject[] {
  const byKey = new Map<string, ParameterObject>();
  for (const p of [...shared, ...own]) byKey.set(`${p.in}:${p.name}`, p);
  return [...byKey.values()];
}

/** What a schema says about a value, with `allOf` merged and `nullable` turned into a `null` type. */
interface Shape {
  types?: Set<string>;
  enum?: unknown[];
  properties: Record<string, SchemaObject>;
  required: Set<string>;
  items?: SchemaObject;
  /** `oneOf`/`anyOf`: the value is one of these forms. */
  forms?: SchemaObject[];
}

function shape(schema: SchemaObject, side: Side): Shape {
  const out: Shape = { properties: {}, required: new Set() };
  const hidden = new Set<string>();
  for (const part of [schema, ...((schema.allOf as SchemaObject[] | undefined) ?? [])]) {
    if (part !== schema) {
      const inner = shape(part, side);
      if (inner.types) out.types = new Set([...(out.types ?? []), ...inner.types]);
      Object.assign(out.properties, inner.properties);
      for (const r of inner.required) out.required.add(r);
      continue;
    }
    if (typeof part.type === 'string') out.types = new Set([part.type]);
    if (Array.isArray(part.enum)) out.enum = part.enum;
    if (part.items) out.items = part.items as SchemaObject;
    const forms = (part.oneOf ?? part.anyOf) as SchemaObject[] | undefined;
    if (forms) out.forms = forms;
    // A readOnly field never comes in and a writeOnly one never goes out: neither is part of that side.
    const flag = side === 'request' ? 'readOnly' : 'writeOnly';
    for (const [name, sub] of Object.entries((part.properties as Record<string, SchemaObject>) ?? {})) {
      if (sub[flag] === true) hidden.add(name);
      else out.properties[name] = sub;
    }
    for (const r of (part.required as string[] | undefined) ?? []) out.required.add(r);
  }
  for (const name of hidden) out.required.delete(name);
  if (!out.types && Object.keys(out.properties).length) out.types = new Set(['object']);
  if (schema.nullable === true) out.types?.add('null');
  return out;
}

/** `integer` is a kind of `number`: a field that takes numbers takes integers, one that sends integers sends numbers. */
const covers = (wide: Set<string>, t: string) => wide.has(t) || (t === 'integer' && wide.has('number'));
const list = (types: Set<string>) => [...types].join('|');

/**
 * Adds to `problems` what makes `own` incompatible with `ref` on that side of the exchange (see the rules on
 * `checkAgainstReference`); `at` names the value in the messages.
 */
function compare(own: SchemaObject, ref: SchemaObject, side: Side, at: string, problems: string[]): void {
  const mine = shape(own, side);
  const theirs = shape(ref, side);

  // Alternatives: a request must accept every reference form; a response must be one of them.
  const fits = (a: SchemaObject, b: SchemaObject) => {
    const found: string[] = [];
    compare(a, b, side, at, found);
    return found.length === 0;
  };
  if (theirs.forms) {
    const ok =
      side === 'request'
        ? theirs.forms.every((form) => fits(own, form))
        : theirs.forms.some((form) => fits(own, form));
    if (!ok) problems.push(`${at}: does not match the reference's oneOf/anyOf forms`);
    return;
  }
  if (mine.forms) {
    const ok =
      side === 'request'
        ? mine.forms.some((form) => fits(form, ref))
        : mine.forms.every((form) => fits(form, ref));
    if (!ok)
      problems.push(
        side === 'request'
          ? `${at}: none of its forms accepts the reference's`
          : `${at}: one of its forms is not what the reference promises`,
      );
    return;
  }

  if (theirs.types) {
    if (!mine.types) {
      if (side === 'response') problems.push(`${at}: untyped, the reference promises ${list(theirs.types)}`);
    } else {
      const [wide, narrow] = side === 'request' ? [mine.types, theirs.types] : [theirs.types, mine.types];
      if (![...narrow].every((t) => covers(wide, t)))
        problems.push(`${at}: type ${list(mine.types)}, the reference says ${list(theirs.types)}`);
    }
  }

  if (theirs.enum) {
    const refValues = theirs.enum;
    if (side === 'request' && mine.enum) {
      const refused = refValues.filter((v) => !mine.enum!.includes(v));
      if (refused.length) problems.push(`${at}: refuses the reference's value(s) ${refused.join(', ')}`);
    }
    if (side === 'response') {
      const unknown = mine.enum
        ? mine.enum.filter((v) => v !== null && !refValues.includes(v))
        : ['any string'];
      if (unknown.length) problems.push(`${at}: may send ${unknown.join(', ')}, not in the reference's enum`);
    }
  }

  for (const [name, sub] of Object.entries(theirs.properties)) {
    const field = `${at}.${name}`;
    const mineSub = mine.properties[name];
    if (!mineSub) {
      problems.push(`${field}: missing`);
      continue;
    }
    if (side === 'response' && !mine.required.has(name)) problems.push(`${field}: not always sent`);
    compare(mineSub, sub, side, field, problems);
  }
  if (side === 'request') {
    for (const name of mine.required)
      if (!theirs.required.has(name)) problems.push(`${at}: new required field ${name}`);
  }

  if (theirs.items) {
    if (!mine.items) problems.push(`${at}[]: no item schema`);
    else compare(mine.items, theirs.items, side, `${at}[]`, problems);
  }
}
