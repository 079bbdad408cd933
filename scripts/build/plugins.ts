import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { Plugin } from 'esbuild';

const toPosix = (path: string) => path.split(sep).join('/');

/**
 * Bundles the repository's own code (relative imports and the `@polystatus/*` workspaces, which export TypeScript)
 * and leaves every third-party package external, loaded by Node from node_modules as usual: the bundle stays small,
 * builds in well under a second, and a package is never duplicated between the chunks. A package that a workspace
 * resolves to a different copy than the repository root does (npm nests a conflicting version in the workspace)
 * fails the build, because from dist/ Node would load the root's copy instead.
 */
export function thirdPartyExternal(root: string): Plugin {
  return {
    name: 'third-party-external',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.path.startsWith('@polystatus/') || args.pluginData === 'probe') return undefined;
        if (args.path.startsWith('node:')) return { external: true };
        const [fromImporter, fromRoot] = await Promise.all(
          [args.resolveDir, root].map((resolveDir) =>
            build.resolve(args.path, { kind: args.kind, resolveDir, pluginData: 'probe' }),
          ),
        );
        if (fromImporter!.errors.length === 0 && fromImporter!.path !== fromRoot!.path) {
          return {
            errors: [
              {
                text: `${args.path} resolves to ${relative(root, fromImporter!.path)} from ${relative(root, args.importer)} but to ${fromRoot!.errors.length ? 'nothing' : relative(root, fromRoot!.path)} from the repository root, where dist/ loads it; align the versions`,
              },
            ],
          };
        }
        return { external: true };
      });
    },
  };
}

/**
 * Keeps `import.meta.url` meaning "this source file" inside the bundle: the services find their runtime files
 * relative to it (schema.graphql, store/lua/*.lua, swaggers/*.yaml, gateway/supergraph.graphql), and those stay
 * where they are in the repository. Each occurrence becomes the source file's URL computed from the chunk's own
 * location, so dist/ works wherever the checkout is, as long as it sits at `<root>/dist` with the sources beside
 * it (the image copies both), and nothing has to be copied into dist/ or kept in step with it.
 */
export function sourceFileUrls(outdir: string): Plugin {
  return {
    name: 'source-file-urls',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const fromOut = toPosix(relative(outdir, args.path));
        return {
          contents: text.replaceAll(
            'import.meta.url',
            `new URL(${JSON.stringify(fromOut)}, import.meta.url).href`,
          ),
          loader: 'ts',
          resolveDir: args.path.slice(0, args.path.lastIndexOf(sep)),
        };
      });
    },
  };
}

/**
 * Replaces the host's source-tree module loader (scripts/host/service-modules.ts) with a table of dynamic imports,
 * one per hostable service, which esbuild turns into one chunk each: a split-mode process loads only its own.
 */
export function serviceModuleTable(loaderFile: string, modules: Record<string, string>): Plugin {
  return {
    name: 'service-module-table',
    setup(build) {
      build.onLoad({ filter: /service-modules\.ts$/ }, (args) => {
        if (args.path !== loaderFile) return undefined;
        const rows = Object.entries(modules).map(
          ([name, file]) => `  ${JSON.stringify(name)}: () => import(${JSON.stringify(file)}),`,
        );
        return {
          loader: 'js',
          contents: [
            'const modules = {',
            ...rows,
            '};',
            'export async function loadServiceModule(_root, spec) {',
            '  const load = modules[spec.name];',
            `  if (!load) throw new Error(spec.name + ': not in this build (it had no src/service-module.ts then); run npm run build');`,
            '  return (await load()).service;',
            '}',
          ].join('\n'),
        };
      });
    },
  };
}
