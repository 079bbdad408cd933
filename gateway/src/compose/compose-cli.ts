import { relative } from 'node:path';
import { CLIENT_SCHEMA_PATH, clientSchemaSdl } from './client-schema.ts';
import { composeFromRepo, REPO_ROOT, SUPERGRAPH_PATH } from './compose.ts';
import { isStale, writeIfChanged } from './generated-file.ts';

/**
 * `npm run compose`: writes gateway/supergraph.graphql from every subgraph SDL and gateway/client-schema.graphql
 * (the supergraph's API schema plus every domain's subscriptions.graphql), or exits 1 with the errors so a broken
 * contract fails the build before any process starts. `--check` writes nothing and exits 1 when a committed file
 * differs from what it would write, so CI fails on a stale commit instead of quietly regenerating it.
 */
const check = process.argv.includes('--check');
const result = composeFromRepo();
const supergraphTarget = relative(REPO_ROOT, SUPERGRAPH_PATH);
if (!result.ok) {
  console.error(
    `composition failed (${result.errors.length} error(s)); ${supergraphTarget} was not changed:`,
  );
  for (const e of result.errors) console.error(`  - ${e}`);
  process.exit(1);
}
for (const h of result.hints) console.warn(`hint: ${h}`);

let clientSchema: string;
try {
  clientSchema = clientSchemaSdl(result.supergraphSdl);
} catch (err) {
  console.error(`the client schema could not be built; nothing was written:\n  ${(err as Error).message}`);
  process.exit(1);
}

const outputs = [
  { path: SUPERGRAPH_PATH, text: result.supergraphSdl },
  { path: CLIENT_SCHEMA_PATH, text: clientSchema },
];
if (check) {
  const stale = outputs.filter((o) => isStale(o.path, o.text)).map((o) => relative(REPO_ROOT, o.path));
  if (stale.length) {
    const are = stale.length === 1 ? 'is' : 'are';
    console.error(`${stale.join(' and ')} ${are} stale: run npm run compose and commit the result`);
    process.exit(1);
  }
  console.log(`${outputs.map((o) => relative(REPO_ROOT, o.path)).join(' and ')} are up to date`);
} else {
  for (const { path, text } of outputs) {
    const target = relative(REPO_ROOT, path);
    console.log(writeIfChanged(path, text) === 'written' ? `wrote ${target}` : `${target} is up to date`);
  }
}
