import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SERVICES } from '@polystatus/registry';
import { build } from 'esbuild';
import { canHost, mainPath, ownEntryName, serviceModulePath } from '../launcher/runtime.ts';
import { serviceModuleTable, sourceFileUrls, thirdPartyExternal } from './plugins.ts';

/** What the last build was made from (dist/build.json): the freshness check compares the tree with it. */
export interface BuildManifest {
  builtAt: number;
  /** Every file that went into the bundle, relative to the root. */
  inputs: string[];
  /** The compiled entries, by output name: `start`, `host`, `main-<service>`. */
  entries: Record<string, string>;
}

export const distDir = (root: string): string => join(root, 'dist');
const manifestPath = (root: string) => join(distDir(root), 'build.json');

/**
 * The entries of dist/: the launcher (`start.js`), the host that runs any set of services in one process
 * (`host.js`, with every service module of the registry), and, for a registered service the host cannot run
 * (its kind runs its own server, or it has only a main.ts), that service's own `main-<name>.js`.
 */
export function entriesOf(root: string): {
  entries: Record<string, string>;
  modules: Record<string, string>;
} {
  const entries: Record<string, string> = {
    start: join(root, 'scripts', 'start.ts'),
    host: join(root, 'scripts', 'host', 'main.ts'),
  };
  const modules: Record<string, string> = {};
  for (const spec of SERVICES) {
    if (canHost(root, spec)) modules[spec.name] = serviceModulePath(root, spec);
    else if (existsSync(mainPath(root, spec))) entries[ownEntryName(spec)] = mainPath(root, spec);
  }
  return { entries, modules };
}

/**
 * Why dist/ must be rebuilt, or undefined when it is up to date: it is missing, an input changed since, or the
 * set of entries differs (a service gained its service module, a new one was registered). Checking is a stat per
 * input, a few milliseconds, so `npm start` can ask every time.
 */
export function staleness(root: string): string | undefined {
  let manifest: BuildManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath(root), 'utf8')) as BuildManifest;
  } catch {
    return 'no build yet';
  }
  const { entries, modules } = entriesOf(root);
  const wanted = JSON.stringify({ ...entries, ...modules });
  if (JSON.stringify(manifest.entries) !== wanted) return 'the services changed';
  for (const input of manifest.inputs) {
    const path = join(root, input);
    if (!existsSync(path)) return `${input} was removed`;
    if (statSync(path).mtimeMs > manifest.builtAt) return `${input} changed`;
  }
  return undefined;
}

/**
 * Compiles the services, the host and the launcher into dist/ with esbuild: ES modules split into shared chunks
 * (one copy of the kit, whichever services a process runs), third-party packages external, linked source maps.
 * Type-checking stays with `npm run typecheck` (tsc); this only strips types, which is all it takes.
 */
export async function bundle(root: string): Promise<BuildManifest> {
  // Built beside dist/ and swapped in at the end, so a stack running from dist/ never sees half a build. Same
  // depth as dist/, so the paths back to the sources (sourceFileUrls, the source maps) hold after the rename.
  const outdir = join(root, 'dist.next');
  const { entries, modules } = entriesOf(root);
  rmSync(outdir, { recursive: true, force: true });
  const builtAt = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir,
    // Every output in one folder, so a chunk's way back to the sources (sourceFileUrls) is the same for all.
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    sourcemap: 'linked',
    // The maps point at the sources, which stay in the checkout and the image; no need to copy them in.
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    define: { __POLYSTATUS_BUILD__: JSON.stringify(new Date(builtAt).toISOString()) },
    plugins: [
      serviceModuleTable(join(root, 'scripts', 'host', 'service-modules.ts'), modules),
      thirdPartyExternal(root),
      sourceFileUrls(outdir),
    ],
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.includes('node_modules/'))
    .map((f) => relative(root, join(root, f)))
    .sort();
  const manifest: BuildManifest = { builtAt, inputs, entries: { ...entries, ...modules } };
  writeFileSync(join(outdir, 'build.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const previous = join(root, 'dist.previous');
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(distDir(root))) renameSync(distDir(root), previous);
  renameSync(outdir, distDir(root));
  rmSync(previous, { recursive: true, force: true });
  return manifest;
}
