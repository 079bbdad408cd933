import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type DocumentNode,
  type FieldDefinitionNode,
  isTypeDefinitionNode,
  Kind,
  type ObjectTypeDefinitionNode,
  parse,
  type TypeDefinitionNode,
  visit,
} from 'graphql';

/** The repository's `subgraphs/` folder, found from this file so the gateway and the tests work from any cwd. */
export const SUBGRAPHS_DIR = fileURLToPath(new URL('../../../subgraphs', import.meta.url));

/** One domain's `subgraphs/<domain>/subscriptions.graphql`. */
export interface SubscriptionSdl {
  domain: string;
  /** Where the SDL came from, for error messages. */
  file: string;
  sdl: string;
}

/**
 * One `Subscription` field as its domain declares it, with the definitions from the same file that it reaches
 * (its payload type, the inputs and enums of its arguments, and theirs): enough to add it to a schema alone.
 */
export interface SubscriptionField {
  domain: string;
  file: string;
  field: FieldDefinitionNode;
  types: readonly TypeDefinitionNode[];
}

/** Every `subgraphs/*\/subscriptions.graphql`, in folder order. */
export function readSubscriptionSdl(dir = SUBGRAPHS_DIR): SubscriptionSdl[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'subscriptions.graphql')))
    .map((e) => e.name)
    .sort()
    .map((domain) => {
      const file = join(dir, domain, 'subscriptions.graphql');
      return { domain, file, sdl: readFileSync(file, 'utf8') };
    });
}

/**
 * Splits the domains' files into one declaration per `Subscription` field. A file holds one `type Subscription`
 * and the types its fields need; the types it uses from the supergraph (`Incident`, `DateTime`) are not repeated.
 * Throws, naming the file, on SDL that does not parse, on anything else in it, and on a field or type name two
 * files both declare.
 */
export function subscriptionFields(files: readonly SubscriptionSdl[]): Map<string, SubscriptionField> {
  const fields = new Map<string, SubscriptionField>();
  const typeOwners = new Map<string, string>();
  for (const { domain, file, sdl } of files) {
    let document: DocumentNode;
    try {
      document = parse(sdl);
    } catch (err) {
      throw new Error(`${file}: ${(err as Error).message}`);
    }
    let root: ObjectTypeDefinitionNode | undefined;
    const types = new Map<string, TypeDefinitionNode>();
    for (const def of document.definitions) {
      if (!isTypeDefinitionNode(def))
        throw new Error(`${file}: only type definitions belong here, not ${def.kind}`);
      const name = def.name.value;
      if (name === 'Subscription') {
        if (root || def.kind !== Kind.OBJECT_TYPE_DEFINITION)
          throw new Error(`${file}: declare the fields in one \`type Subscription\``);
        root = def;
        continue;
      }
      const owner = typeOwners.get(name);
      if (owner) throw new Error(`${file}: type ${name} is already declared by ${owner}`);
      typeOwners.set(name, file);
      types.set(name, def);
    }
    for (const field of root?.fields ?? []) {
      const other = fields.get(field.name.value);
      if (other)
        throw new Error(`${file}: Subscription.${field.name.value} is already declared by ${other.file}`);
      fields.set(field.name.value, { domain, file, field, types: reachable(field, types) });
    }
  }
  return fields;
}

/** The file's definitions a field reaches through its arguments and type, transitively. */
function reachable(
  field: FieldDefinitionNode,
  local: ReadonlyMap<string, TypeDefinitionNode>,
): TypeDefinitionNode[] {
  const found = new Map<string, TypeDefinitionNode>();
  const pending: TypeDefinitionNode[] = [];
  const see = (node: FieldDefinitionNode | TypeDefinitionNode) =>
    visit(node, {
      NamedType(named) {
        const def = local.get(named.name.value);
        if (def && !found.has(named.name.value)) {
          found.set(named.name.value, def);
          pending.push(def);
        }
      },
    });
  see(field);
  while (pending.length) see(pending.pop()!);
  return [...found.values()];
}
