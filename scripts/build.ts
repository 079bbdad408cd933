import { relative } from 'node:path';
import { composeFromRepo, REPO_ROOT, writeSupergraph } from '../gateway/src/compose/compose.ts';
import { bundle, staleness } from './build/bundle.ts';

/**
 * `npm run build`: composes the supergraph (written only when it changed) and compiles the services into dist/
 * (scripts/build/bundle.ts). `--if-changed` (what `npm start` runs) skips the compile when dist/ is up to date, so
 * a start with nothing changed costs a composition and a stat of each input.
 */
const ifChanged = process.argv.includes('--if-changed');
const started = performance.now();
const ms = () => `${Math.round(performance.now() - started)} ms`;

const composed = composeFromRepo();
if (!composed.ok) {
  console.error('build: supergraph composition failed:');
  for (const e of composed.errors) console.error(`  ${e}`);
  process.exit(1);
}
if (writeSupergraph(composed.supergraphSdl) === 'written')
  console.log('build: wrote gateway/supergraph.graphql');

const why = ifChanged ? staleness(REPO_ROOT) : 'asked to';
if (!why) {
  console.log(`build: dist/ is up to date (${ms()})`);
} else {
  try {
    const manifest = await bundle(REPO_ROOT);
    console.log(
      `build: compiled ${Object.keys(manifest.entries).length} entries from ${manifest.inputs.length} files into ${relative(process.cwd(), `${REPO_ROOT}/dist`) || 'dist'}/ (${why}; ${ms()})`,
    );
  } catch (err) {
    // esbuild has already printed the errors with their locations.
    console.error(`build: failed${err instanceof Error && !('errors' in err) ? `: ${err.message}` : ''}`);
    process.exit(1);
  }
}
