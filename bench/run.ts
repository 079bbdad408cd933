import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench [scenario…]`: runs the named scenarios of bench/ (every `bench/<name>.ts` exporting `run()`),
 * or all of them one after another. Each scenario starts what it needs, prints its figures with a baseline
 * measured in the same run, stops by itself and deletes its Redis keys. Benchmarks are not tests: numbers vary
 * with the machine; compare ratios, not absolute values.
 */
const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length) {
  console.error(`unknown scenario(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(1);
}

let failed = false;
for (const name of requested.length ? requested : available) {
  const file = new URL(`./${name}.ts`, import.meta.url);
  if (!existsSync(file)) continue;
  const mod = (await import(file.href)) as { run?: () => Promise<unknown> };
  if (typeof mod.run !== 'function') {
    if (requested.includes(name)) console.error(`bench/${name}.ts has no run() export`);
    continue;
  }
  console.log(`\n### ${name}\n`);
  const started = Date.now();
  try {
    await mod.run();
    console.log(`\n(${name}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failed = true;
    console.error(`${name} failed:`, err);
  }
}
process.exit(failed ? 1 : 0);
