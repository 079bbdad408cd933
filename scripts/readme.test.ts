import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { portVariable, SERVICES, subgraphUrlVariable } from '@polystatus/registry';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Where environment variables are declared: the kit's base, each package's env, each service's config. */
function configFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/^(config|env)\.ts$/.test(entry.name)) files.push(path);
    }
  };
  for (const top of ['packages', 'subgraphs', 'gateway', 'rest-adapters']) walk(join(ROOT, top));
  return files;
}

/**
 * Keys of the zod shapes (`  NAME: z…,` or `  NAME: port(…),`), the convention every config.ts follows. Members of
 * a type (`  NAME: string;`) are derived values, not variables, and are left out.
 */
const declaredIn = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^\s{2}([A-Z][A-Z0-9_]{2,}):\s(?![^\n]*;\s*$)/gm)].map(
    (m) => m[1]!,
  );

const documented = (name: string) => readme.includes(`\`${name}\``);

describe('README', () => {
  it('lists every service of the registry in the port table with its port variable', () => {
    for (const s of SERVICES) {
      // Cells may be padded (the formatter aligns Markdown tables).
      const row = new RegExp(
        `^\\|\\s*${s.name}\\s*\\|\\s*${s.kind}\\s*\\|\\s*${s.defaultPort}\\s*\\|\\s*\`${portVariable(s.name)}\`\\s*\\|`,
        'm',
      );
      expect(readme, s.name).toMatch(row);
    }
  });

  it('documents every environment variable a service declares', () => {
    const files = configFiles();
    expect(files.length).toBeGreaterThan(2);
    const missing = files.flatMap((f) =>
      declaredIn(f)
        .filter((v) => !documented(v))
        .map((v) => `${v} (${f.slice(ROOT.length)})`),
    );
    expect(missing, 'add these to the configuration table of README.md').toEqual([]);
  });

  it("documents each subgraph's URL variable for the gateway", () => {
    for (const s of SERVICES.filter((s) => s.kind === 'subgraph'))
      expect(documented(subgraphUrlVariable(s.name)), s.name).toBe(true);
  });

  it('documents what the launcher reads', () => {
    const launcher = ['start.ts', 'launcher/launcher.ts', 'launcher/ports.ts']
      .map((f) => readFileSync(join(ROOT, 'scripts', f), 'utf8'))
      .join('\n');
    const read = new Set([...launcher.matchAll(/env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]!));
    expect([...read].filter((v) => !documented(v))).toEqual([]);
  });

  it('gives the quick start as exactly two commands', () => {
    const quick = /## Quick start\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1]?.trim().split('\n');
    expect(quick).toEqual(['npm install && npm start', 'npm test']);
  });
});
