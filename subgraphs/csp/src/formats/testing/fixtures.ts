import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real status-page captures the parsers are tested on. They live beside the repository, as CI checks it out
 * (`<root>/../shared/fixtures/csp`, described in FORMATS.md and SOURCES.md there); they are providers' payloads,
 * not project files. A missing folder fails loudly rather than skipping: parser tests without data prove nothing.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES_DIR = join(here, '..', '..', '..', '..', '..', '..', 'shared', 'fixtures', 'csp');

function assertPresent() {
  if (!existsSync(FIXTURES_DIR)) {
    throw new Error(
      `the csp fixtures are not at ${FIXTURES_DIR} (expected ../shared/fixtures/csp beside the repo)`,
    );
  }
}

/** A capture's bytes, by its path under the fixtures folder (`gcp/incidents-2022-07-01-full.json`). */
export function fixture(path: string): Buffer {
  assertPresent();
  return readFileSync(join(FIXTURES_DIR, path));
}

/** Every capture (not the docs, not GCP's JSON Schema), as paths under the fixtures folder. */
export function allFixtures(): string[] {
  assertPresent();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(join(dir, d.name)) : [relative(FIXTURES_DIR, join(dir, d.name))],
    );
  return walk(FIXTURES_DIR)
    .filter((p) => !p.endsWith('.md') && !p.endsWith('.schema.json'))
    .sort();
}

/** A fixed fetch time for parsing (the captures are all older). */
export const NOW = Date.parse('2026-11-27T12:00:00Z');
