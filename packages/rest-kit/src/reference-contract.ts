import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkAgainstReference } from './openapi/contract-check.ts';
import { resolveRefs } from './openapi/resolve-refs.ts';
import type { OpenApiDocument } from './openapi/types.ts';

/** The repository root: the nearest folder above this file whose package.json declares the workspaces. */
export function repoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in JSON.parse(readFileSync(manifest, 'utf8'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json with workspaces above ${from}`);
  }
}

/**
 * Where the reference swaggers live: beside the repository, as CI checks it out (`<root>/../shared/reference/
 * swaggers`). They are the users' contract, not project files, so the repository does not carry a copy.
 */
export const referenceSwaggersDir = (root = repoRoot()) =>
  join(root, '..', 'shared', 'reference', 'swaggers');

/**
 * What to do when the reference folder is absent: fail under CI (`CI` set to anything but `false`/`0`), where the
 * folder is part of the checkout and its absence means the check silently stopped; skip elsewhere.
 */
export const whenReferenceMissing = (env: { CI?: string | undefined } = process.env): 'fail' | 'skip' =>
  ['', '0', 'false'].includes((env.CI ?? '').toLowerCase()) ? 'skip' : 'fail';
const load = (path: string) => resolveRefs(parse(readFileSync(path, 'utf8')) as OpenApiDocument);

export interface ReferenceContractOptions {
  /** The reference file's name without `.yaml`: `users`, `incidents`, `comms`, `csp`, `flags`. */
  domain: string;
  /** The project's own swagger (absolute path). */
  swagger: string;
  /**
   * Differences from the reference the project makes on purpose, by route (`POST /api/v1/auth/login`), as the
   * exact problem texts the check reports. Say why beside each one. A listed difference that no longer occurs
   * fails too, so the list never outlives the reason for it.
   */
  deliberate?: Record<string, string[]>;
}

/**
 * Registers the reference-contract tests of one REST adapter: one test per reference operation, failing with every
 * difference found. Without the reference folder the suite fails under CI (where it must exist) and is skipped,
 * with a note, on a machine that has no copy.
 */
export function describeReferenceContract({ domain, swagger, deliberate = {} }: ReferenceContractOptions) {
  const root = repoRoot();
  const dir = referenceSwaggersDir(root);
  const reference = join(dir, `${domain}.yaml`);
  const title = `${relative(root, swagger)} keeps the reference contract (${relative(root, reference)})`;

  if (!existsSync(dir)) {
    const missing = `the reference swaggers are not at ${dir}`;
    if (whenReferenceMissing() === 'fail') {
      describe(title, () => {
        it('finds the reference swaggers', () => {
          throw new Error(`${missing}; CI must check out ../shared beside the repository`);
        });
      });
    } else {
      console.warn(
        `note: ${missing}; the reference-contract tests of ${domain} are skipped (they fail in CI)`,
      );
      describe.skip(title, () => {
        it(`needs ${dir}`, () => {});
      });
    }
    return;
  }

  describe(title, () => {
    // The folder exists, so a missing file for this domain is a mistake, not an absent copy.
    if (!existsSync(reference)) {
      it(`finds ${domain}.yaml`, () => {
        throw new Error(`no reference swagger ${reference}`);
      });
      return;
    }
    const checks = checkAgainstReference(load(reference), load(swagger));
    for (const { route, problems } of checks) {
      it(`${route} keeps the reference's parameters, body, statuses and fields`, () => {
        expect(problems).toEqual(deliberate[route] ?? []);
      });
    }
    const unknown = Object.keys(deliberate).filter((route) => !checks.some((c) => c.route === route));
    if (unknown.length) {
      it('lists deliberate differences only for reference routes', () => {
        expect(unknown).toEqual([]);
      });
    }
  });
}
