import type { SchemaObject } from './types.ts';

/** Which side of the exchange a schema describes: `readOnly` fields never come in, `writeOnly` never go out. */
export type Direction = 'request' | 'response';

/** Keywords OpenAPI 3.0 and JSON Schema share with the same meaning: copied as they are. */
const SAME_MEANING = new Set([
  'type',
  'enum',
  'format',
  'default',
  'title',
  'description',
  'multipleOf',
  'maximum',
  'minimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
]);

/** OpenAPI-only annotations that do not change what is valid: dropped so ajv's strict mode accepts the result. */
const ANNOTATIONS = new Set([
  'example',
  'externalDocs',
  'xml',
  'discriminator',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

const isObject = (v: unknown): v is SchemaObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Converts one OpenAPI 3.0 Schema Object (with `$ref`s already inlined) into a JSON Schema that ajv compiles in
 * strict mode. A keyword the converter does not know fails the conversion instead of being ignored: an ignored
 * keyword would silently validate less than the OpenAPI file promises its readers.
 */
export function toJsonSchema(schema: SchemaObject, direction: Direction, at = '#'): SchemaObject {
  if (!isObject(schema)) throw new Error(`${at}: a schema must be an object`);
  const out: SchemaObject = {};
  const hidden = hiddenProperties(schema, direction);

  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-') || ANNOTATIONS.has(key) || key === 'nullable') continue;
    if (SAME_MEANING.has(key)) {
      out[key] = key === 'required' ? (value as string[]).filter((name) => !hidden.has(name)) : value;
      continue;
    }
    switch (key) {
      case 'properties': {
        const props: SchemaObject = {};
        for (const [name, sub] of Object.entries(value as SchemaObject)) {
          if (!hidden.has(name))
            props[name] = toJsonSchema(sub as SchemaObject, direction, `${at}/properties/${name}`);
        }
        out.properties = props;
        break;
      }
      case 'items':
      case 'not':
        out[key] = toJsonSchema(value as SchemaObject, direction, `${at}/${key}`);
        break;
      case 'additionalProperties':
        out[key] =
          typeof value === 'boolean' ? value : toJsonSchema(value as SchemaObject, direction, `${at}/${key}`);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        out[key] = (value as SchemaObject[]).map((sub, i) =>
          toJsonSchema(sub, direction, `${at}/${key}/${i}`),
        );
        break;
      // OpenAPI 3.0 inherits draft-04's boolean form; ajv speaks the numeric form of draft-06 and later.
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
        if (value === true) out[key] = schema[bound];
        else if (typeof value === 'number') out[key] = value;
        break;
      }
      default:
        throw new Error(`${at}: unsupported schema keyword "${key}"`);
    }
  }
  if (schema.exclusiveMinimum === true) delete out.minimum;
  if (schema.exclusiveMaximum === true) delete out.maximum;
  if (Array.isArray(out.required) && out.required.length === 0) delete out.required;
  return schema.nullable === true ? allowNull(out) : out;
}

/** `nullable: true` becomes a type union (and `null` joins an enum, which would otherwise still refuse it). */
function allowNull(schema: SchemaObject): SchemaObject {
  if (typeof schema.type === 'string') {
    const out: SchemaObject = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
    return out;
  }
  return { anyOf: [schema, { type: 'null' }] };
}

function hiddenProperties(schema: SchemaObject, direction: Direction): Set<string> {
  const hidden = new Set<string>();
  if (!isObject(schema.properties)) return hidden;
  const flag = direction === 'request' ? 'readOnly' : 'writeOnly';
  for (const [name, sub] of Object.entries(schema.properties)) {
    if (isObject(sub) && sub[flag] === true) hidden.add(name);
  }
  return hidden;
}
