import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATE_TIME_DESCRIPTION } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';

/**
 * Every domain under subgraphs/ has the shape docs/contributing.md describes ("Layout of a domain"), so the next
 * domain's author can copy any of them and the platform's shared pieces stay shared. Each rule names the row of
 * that table it enforces; a failure lists every departure of a domain at once.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SUBGRAPHS = join(ROOT, 'subgraphs');

const domains = readdirSync(SUBGRAPHS).filter((d) => statSync(join(SUBGRAPHS, d)).isDirectory());

/** `incidents` → `Incidents`, `feature-flags` → `FeatureFlags`; the camel-case form starts lower-case. */
const pascal = (d: string) => d.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
const camel = (d: string) => pascal(d).replace(/^./, (c) => c.toLowerCase());

/** Every file under `dir`, relative to `base`, generated code left out (it follows its generator, not this shape). */
function filesUnder(dir: string, base: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.name === 'node_modules' || e.name === 'generated') return [];
    return e.isDirectory() ? filesUnder(path, base) : [relative(base, path)];
  });
}

interface Rule {
  row: string;
  check(domain: string, read: (file: string) => string | null, files: string[]): string[];
}

/** `export (interface|type|function|const|class) Name` in `source`. */
const exports = (source: string | null, name: string) =>
  source !== null &&
  new RegExp(`export\\s+(?:async\\s+)?(?:interface|type|function|const|class)\\s+${name}\\b`).test(source);

const required = (row: string, file: string, names: (d: string) => string[] = () => []): Rule => ({
  row,
  check: (d, read) => {
    const source = read(file);
    if (source === null) return [`${file} is missing`];
    return names(d)
      .filter((n) => !exports(source, n))
      .map((n) => `${file} does not export ${n}`);
  },
});

const forbiddenFiles = (row: string, pattern: RegExp, why: string): Rule => ({
  row,
  check: (_, __, files) => files.filter((f) => pattern.test(f)).map((f) => `${f}: ${why}`),
});

/** Source (not test) files whose text matches `pattern`: a local copy of something the kit provides. */
const forbiddenCode = (row: string, pattern: RegExp, why: string): Rule => ({
  row,
  check: (_, read, files) =>
    files
      .filter((f) => f.endsWith('.ts') && !/\.test\.ts$/.test(f) && pattern.test(read(f) ?? ''))
      .map((f) => `${f}: ${why}`),
});

const RULES: Rule[] = [
  required('SDL', 'schema.graphql'),
  required('README', 'README.md'),
  required('config', 'src/config.ts'),
  required('keys', 'src/keys.ts', (d) => [`${camel(d)}Keys`, `${pascal(d)}Keys`]),
  required('context', 'src/context.ts', (d) => [`${pascal(d)}Context`]),
  required('deps', 'src/service/deps.ts', (d) => [`${pascal(d)}Deps`]),
  {
    row: 'clock',
    check: (d, read) =>
      /\bclock: \(\) => number;/.test(read('src/service/deps.ts') ?? '')
        ? []
        : [`src/service/deps.ts: ${pascal(d)}Deps has no \`clock: () => number\` (epoch ms)`],
  },
  required('loaders', 'src/loaders.ts', (d) => [`${pascal(d)}Loaders`, 'createLoaders']),
  required('server', 'src/server.ts', (d) => [`build${pascal(d)}Service`, `${pascal(d)}ServiceOptions`]),
  required('main', 'src/main.ts'),
  required('service module', 'src/service-module.ts', () => ['service']),
  {
    row: 'main',
    check: (_, read) =>
      /await runMain\(service\)/.test(read('src/main.ts') ?? '')
        ? []
        : ['src/main.ts does not run the service module (`await runMain(service)`)'],
  },
  required('events', 'src/domain/events.ts'),
  required('resolvers', 'src/resolvers/index.ts', () => ['resolvers']),
  required('test helpers', 'src/testing/harness.ts', (d) => [`start${pascal(d)}`, `${pascal(d)}Harness`]),
  {
    row: 'test helpers',
    check: (_, read) =>
      /\bstartSubgraph\b/.test(read('src/testing/harness.ts') ?? '')
        ? []
        : ['src/testing/harness.ts does not start the service through the kit harness (startSubgraph)'],
  },
  forbiddenFiles('test helpers', /^src\/test-support\//, 'test helpers live in src/testing/'),
  forbiddenFiles('context', /^src\/resolvers\/context\.ts$/, 'the context lives in src/context.ts'),
  forbiddenFiles('events', /^src\/service\/events\.ts$/, 'events live in src/domain/events.ts'),
  forbiddenFiles(
    'subscriptions',
    /^(?!subscriptions\.graphql$).*subscriptions\.graphql$/,
    'subscriptions.graphql sits beside schema.graphql',
  ),
  forbiddenFiles('integration tests', /^(?!src\/).*\.test\.ts$/, 'tests live under src/'),
  forbiddenFiles('DateTime', /(^|\/)scalars\.ts$/, 'use the kit DateTimeScalar, not a local scalar'),
  forbiddenCode('DateTime', /new GraphQLScalarType\b/, 'scalars come from the kit (DateTimeScalar)'),
  forbiddenFiles('outage mapping', /(^|\/)unavailable\.ts$/, 'the kit Redis client maps outages itself'),
  forbiddenCode(
    'outage mapping',
    /Command timed out|ECONNREFUSED|MaxRetriesPerRequestError|asUnavailable\(/,
    'Redis outages are mapped by the kit client (createRedis), not per store',
  ),
  forbiddenCode('Lua loader', /\bdefineCommand\(|\.evalsha\(/, 'Lua scripts go through the kit LuaScripts'),
  forbiddenFiles('paging', /^src\/(domain\/cursor|resolvers\/connection)\.ts$/, 'paging comes from the kit'),
  forbiddenCode(
    'paging',
    /\b(?:PAGE_MAX|MAX_PAGE)\b|function (?:encode|decode)Cursor\b|function pageSize\b/,
    'one page maximum and one cursor encoding: the kit paging helpers',
  ),
  forbiddenCode(
    'validator',
    /:\s*FieldIssue\[\]\s*=|\bclass \w*(?:Checker|Issues)\b/,
    'inputs are checked with the kit InputCheck, not a local issue collector',
  ),
  {
    row: 'DateTime',
    check: (_, read) => {
      const sdl = read('schema.graphql') ?? '';
      if (!/\bscalar DateTime\b/.test(sdl)) return [];
      const issues: string[] = [];
      if (!sdl.includes(`"""${DATE_TIME_DESCRIPTION}"""\nscalar DateTime`)) {
        issues.push('schema.graphql: the DateTime description differs from the kit DATE_TIME_DESCRIPTION');
      }
      if (!/DateTime: DateTimeScalar\b/.test(read('src/resolvers/index.ts') ?? '')) {
        issues.push('src/resolvers/index.ts does not register the kit DateTimeScalar as DateTime');
      }
      return issues;
    },
  },
  {
    row: 'Lua loader',
    check: (_, read, files) =>
      files.some((f) => f.endsWith('.lua')) && !/new LuaScripts\(/.test(read('src/store/scripts.ts') ?? '')
        ? ['src/store/scripts.ts does not declare the Lua scripts with the kit LuaScripts']
        : [],
  },
];

describe('every domain has the documented shape', () => {
  it('finds the domains', () => {
    expect(domains).toEqual(expect.arrayContaining(['users', 'incidents']));
  });

  it.each(domains)('subgraphs/%s', (domain) => {
    const dir = join(SUBGRAPHS, domain);
    const read = (file: string) =>
      existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : null;
    const files = filesUnder(dir, dir);
    const departures = RULES.flatMap((r) => r.check(domain, read, files).map((m) => `[${r.row}] ${m}`));
    expect(departures, `see docs/contributing.md, "Layout of a domain"`).toEqual([]);
  });
});

/**
 * A REST adapter proves two things with one line each (docs/contributing.md, "Layout of a domain"): its swagger
 * is a superset of the reference contract (`describeReferenceContract`) and every GraphQL document it sends is
 * valid against the client schema and within the gateway's limits (`describeAdapterOperations`).
 */
const ADAPTERS = join(ROOT, 'rest-adapters');
const adapters = readdirSync(ADAPTERS).filter((d) => statSync(join(ADAPTERS, d)).isDirectory());
const ADAPTER_PROOFS: [file: string, call: string][] = [
  ['src/contract.test.ts', 'describeReferenceContract('],
  ['src/documents.test.ts', 'describeAdapterOperations('],
];

describe('every REST adapter carries its contract and document checks', () => {
  it('finds the adapters', () => {
    expect(adapters).toEqual(expect.arrayContaining(['users', 'incidents']));
  });

  it.each(adapters)('rest-adapters/%s', (adapter) => {
    const missing = ADAPTER_PROOFS.filter(([file, call]) => {
      const path = join(ADAPTERS, adapter, file);
      return !existsSync(path) || !readFileSync(path, 'utf8').includes(call);
    }).map(([file, call]) => `${file} must call ${call}…)`);
    expect(missing).toEqual([]);
  });
});
