import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every workspace stands alone: its package.json declares what its code imports and has the scripts that check
 * it from its own folder, and its tsconfig.json extends the shared options and references the workspaces it
 * imports. The next domain is written by copying one, so a copy that keeps the old folder's test filter, or an
 * import that works only because npm hoisted someone else's dependency, fails here rather than in production.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Manifest {
  name: string;
  version: string;
  type?: string;
  workspaces?: string[];
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** tsconfig files are JSON with comments; the only comments used are whole `//` lines. */
const readTsconfig = (path: string) =>
  JSON.parse(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('//'))
      .join('\n'),
  ) as { extends?: string; include?: string[]; references?: Array<{ path: string }> };

const rootManifest = readJson<Manifest>(join(ROOT, 'package.json'));

/** The folders the root's `workspaces` globs match (`packages/*`, `gateway`). */
const workspaceDirs = (rootManifest.workspaces ?? []).flatMap((pattern) => {
  if (!pattern.endsWith('/*')) return [pattern];
  const parent = pattern.slice(0, -2);
  return readdirSync(join(ROOT, parent), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `${parent}/${e.name}`);
});

const workspaces = workspaceDirs
  .filter((dir) => existsSync(join(ROOT, dir, 'package.json')))
  .map((dir) => ({ dir, manifest: readJson<Manifest>(join(ROOT, dir, 'package.json')) }));
const dirOf = new Map(workspaces.map((w) => [w.manifest.name, w.dir]));

/** The test runner is installed once, at the root, for every workspace's tests and test helpers. */
const ROOT_TEST_TOOLING = ['vitest'];

const BUILTINS = new Set(builtinModules);
const packageOf = (specifier: string): string | undefined => {
  if (/^[./]/.test(specifier) || specifier.startsWith('node:') || BUILTINS.has(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/**
 * Every way a module names another: import and export statements with `from` (possibly over several lines),
 * side-effect imports, and dynamic import calls.
 */
const IMPORT =
  /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
const importedPackages = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(IMPORT)]
    .map((m) => packageOf((m[1] ?? m[2] ?? m[3])!))
    .filter((p): p is string => p !== undefined);

const declared = (m: Manifest) => ({ ...m.dependencies, ...m.devDependencies });

describe('workspaces', () => {
  it('finds the workspaces, each folder the root names with its package.json', () => {
    expect(workspaces.map((w) => w.dir)).toContain('gateway');
    expect(workspaces.length).toBeGreaterThanOrEqual(8);
    expect(workspaceDirs.filter((d) => !existsSync(join(ROOT, d, 'package.json')))).toEqual([]);
  });

  it.each(workspaces)(
    '$dir: an ES module package with typecheck, test and lint scripts run from its folder',
    ({ dir, manifest }) => {
      expect(manifest.name).toMatch(/^@polystatus\//);
      expect(manifest.type).toBe('module');
      const up = relative(join(ROOT, dir), ROOT);
      expect(manifest.scripts).toMatchObject({
        typecheck: 'tsc -b',
        lint: 'biome check .',
        // The root's vitest config (its unit and integration projects), filtered to this folder's files.
        test: `vitest run --root ${up} ${dir}/src/`,
      });
    },
  );

  it.each(workspaces)('$dir: declares every package its code imports', ({ dir, manifest }) => {
    const own = declared(manifest);
    const missing = new Set<string>();
    for (const file of sourceFiles(join(ROOT, dir, 'src'))) {
      for (const pkg of importedPackages(file)) {
        if (pkg === manifest.name || own[pkg] || ROOT_TEST_TOOLING.includes(pkg)) continue;
        missing.add(`${pkg} (${relative(ROOT, file)})`);
      }
    }
    expect([...missing], `add these to ${dir}/package.json`).toEqual([]);
  });

  it.each(workspaces)(
    '$dir: tsconfig.json extends the shared options and references what it imports',
    ({ dir, manifest }) => {
      const base = join(ROOT, dir);
      const tsconfig = readTsconfig(join(base, 'tsconfig.json'));
      expect(resolve(base, tsconfig.extends ?? '')).toBe(join(ROOT, 'tsconfig.base.json'));
      const internal = Object.keys(declared(manifest)).filter((d) => dirOf.has(d));
      const referenced = (tsconfig.references ?? []).map((r) => relative(ROOT, resolve(base, r.path)));
      expect(referenced.sort()).toEqual(internal.map((d) => dirOf.get(d)!).sort());
    },
  );

  it('references every workspace from the root tsconfig.json, so npm run typecheck checks them all', () => {
    const referenced = (readTsconfig(join(ROOT, 'tsconfig.json')).references ?? []).map((r) => r.path);
    expect(referenced.sort()).toEqual(workspaces.map((w) => w.dir).sort());
  });

  it('pins one exact version of each package across the repository, internal ones at their own version', () => {
    const versions = new Map<string, Set<string>>();
    for (const { dir, manifest } of [{ dir: '.', manifest: rootManifest }, ...workspaces]) {
      for (const [pkg, version] of Object.entries(declared(manifest))) {
        const internal = workspaces.find((w) => w.manifest.name === pkg);
        if (internal) expect(version, `${dir}: ${pkg}`).toBe(internal.manifest.version);
        else expect(version, `${dir}: ${pkg}`).toMatch(/^\d+\.\d+\.\d+$/);
        versions.set(pkg, (versions.get(pkg) ?? new Set()).add(version));
      }
    }
    const split = [...versions]
      .filter(([, v]) => v.size > 1)
      .map(([pkg, v]) => `${pkg}: ${[...v].join(', ')}`);
    // Two copies of graphql (or of Apollo's packages) break at run time: "Cannot use GraphQLSchema from another realm".
    expect(split).toEqual([]);
  });

  it("declares in the root's devDependencies every package scripts/, e2e/, bench/ and the root's configs import", () => {
    const own = declared(rootManifest);
    const files = [
      ...['scripts', 'e2e', 'bench'].flatMap((d) => sourceFiles(join(ROOT, d))),
      ...readdirSync(ROOT)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(ROOT, f)),
    ];
    const missing = new Set(
      files.flatMap((file) =>
        importedPackages(file)
          .filter((pkg) => !own[pkg])
          .map((pkg) => `${pkg} (${relative(ROOT, file)})`),
      ),
    );
    expect([...missing], 'add these to the root package.json').toEqual([]);
  });

  it('keeps the root to tooling: it has no runtime dependencies, it is never deployed', () => {
    expect(rootManifest.dependencies ?? {}).toEqual({});
  });
});
