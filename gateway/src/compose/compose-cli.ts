import { relative } from 'node:path';
import { composeFromRepo, REPO_ROOT, SUPERGRAPH_PATH, writeSupergraph } from './compose.ts';

/**
 * `npm run compose`: writes gateway/supergraph.graphql from every subgraph SDL, or exits 1 with the composition
 * errors so a broken contract fails the build before any process starts.
 */
const result = composeFromRepo();
const target = relative(REPO_ROOT, SUPERGRAPH_PATH);
if (!result.ok) {
  console.error(`composition failed (${result.errors.length} error(s)); ${target} was not changed:`);
  for (const e of result.errors) console.error(`  - ${e}`);
  process.exit(1);
}
for (const h of result.hints) console.warn(`hint: ${h}`);
console.log(
  writeSupergraph(result.supergraphSdl) === 'written' ? `wrote ${target}` : `${target} is up to date`,
);
