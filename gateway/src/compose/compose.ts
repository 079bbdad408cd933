import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { SERVICES } from '@polystatus/registry';
import { parse } from 'graphql';

/** The repository root, found from this file so the CLI and the tests work from any working directory. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const SUPERGRAPH_PATH = join(REPO_ROOT, 'gateway', 'supergraph.graphql');

export interface SubgraphSource {
  name: string;
  url: string;
  /** Where the SDL came from, for error messages. */
  file: string;
  sdl: string;
}

export type ComposeResult =
  | { ok: true; supergraphSdl: string; hints: string[] }
  | { ok: false; errors: string[] };

/**
 * Every `subgraphs/<name>/schema.graphql` that exists, with the URL the gateway reaches it at by default
 * (`http://127.0.0.1:<port from the registry>/graphql`; the gateway overrides it from `<NAME>_URL`).
 * A folder whose SDL exists but has no entry in the registry is an error: it would have no port.
 */
export function readSubgraphSources(root = REPO_ROOT): { sources: SubgraphSource[]; errors: string[] } {
  const dir = join(root, 'subgraphs');
  const sources: SubgraphSource[] = [];
  const errors: string[] = [];
  const names = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : [];
  for (const entry of names.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = join(dir, entry.name, 'schema.graphql');
    if (!existsSync(file)) continue;
    const spec = SERVICES.find((s) => s.kind === 'subgraph' && s.name === entry.name);
    if (!spec) {
      errors.push(
        `subgraphs/${entry.name}: has a schema.graphql but no entry in packages/registry/src/services.ts`,
      );
      continue;
    }
    sources.push({
      name: entry.name,
      url: `http://127.0.0.1:${spec.defaultPort}/graphql`,
      file,
      sdl: readFileSync(file, 'utf8'),
    });
  }
  return { sources, errors };
}

/** Composes with the same library rover uses; any error fails the whole composition, hints are only reported. */
export function composeSupergraph(sources: SubgraphSource[]): ComposeResult {
  if (sources.length === 0) return { ok: false, errors: ['no subgraphs/*/schema.graphql found'] };
  const errors: string[] = [];
  const services = [];
  for (const s of sources) {
    try {
      services.push({ name: s.name, url: s.url, typeDefs: parse(s.sdl) });
    } catch (err) {
      errors.push(`${s.file}: ${(err as Error).message}`);
    }
  }
  if (errors.length) return { ok: false, errors };
  const result = composeServices(services);
  if (result.errors) return { ok: false, errors: result.errors.map((e) => e.toString()) };
  return {
    ok: true,
    supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`,
    hints: result.hints.map((h) => h.toString()),
  };
}

/** Reads the subgraph folders and composes them: what `npm run compose` writes and the drift test compares. */
export function composeFromRepo(root = REPO_ROOT): ComposeResult {
  const { sources, errors } = readSubgraphSources(root);
  if (errors.length) return { ok: false, errors };
  return composeSupergraph(sources);
}

/** Writes the composed supergraph only when it changed, so an unchanged file keeps its timestamp. */
export function writeSupergraph(supergraphSdl: string, path = SUPERGRAPH_PATH): 'written' | 'unchanged' {
  let previous: string | undefined;
  try {
    previous = readFileSync(path, 'utf8');
  } catch {
    // First composition: nothing to compare with.
  }
  if (previous === supergraphSdl) return 'unchanged';
  writeFileSync(path, supergraphSdl);
  return 'written';
}
