import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, type Part, runParts } from '@polystatus/kit';
import { SERVICES, type ServiceSpec, serviceEnv } from '@polystatus/registry';
import { planLaunch } from '../launcher/plan.ts';
import { resolvePorts } from '../launcher/ports.ts';
import { loadServiceModule } from './service-modules.ts';

/**
 * `node dist/host.js <service>…` (or from source, `node --import tsx scripts/host/main.ts <service>…`): runs the
 * named services of the registry in this one process, each on its own port with its own HTTP server, Redis
 * connection, logger and metrics; they talk to each other over HTTP and Redis exactly as separate processes do.
 * A service may be named by its registry name or its folder (`users` or `subgraphs/users`).
 *
 * One service: the process environment is its environment, untouched (a container sets PORT and the URLs it needs).
 * Several: each gets what the launcher would give its own process — the shared variables, its PORT from
 * `<NAME>_PORT` (else the port table) and the URLs of its dependencies on 127.0.0.1 (registry `env`).
 * They start in dependency order; when one fails the process stops them all and exits 1 (kit runParts).
 */
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !SERVICES.some((s) => s.name === w || s.dir === w));
if (wanted.length === 0 || unknown.length) {
  process.stderr.write(
    `${unknown.length ? `unknown service(s): ${unknown.join(', ')}\n` : ''}usage: host <service>… (one of ${SERVICES.map((s) => s.name).join(', ')})\n`,
  );
  process.exit(2);
}
const specs = SERVICES.filter((s) => wanted.includes(s.name) || wanted.includes(s.dir));

const ports = specs.length > 1 ? await resolvePorts(SERVICES, process.env) : {};
const envOf = (spec: ServiceSpec): NodeJS.ProcessEnv =>
  specs.length > 1 ? serviceEnv(process.env, spec, ports, '127.0.0.1') : process.env;

// Dependencies outside this process (other containers) are someone else's to wait for.
const names = new Set(specs.map((s) => s.name));
const { waves } = planLaunch(
  specs.map((s) => ({ ...s, dependsOn: s.dependsOn.filter((d) => names.has(d)) })),
  () => true,
);
const partOf = async (spec: ServiceSpec): Promise<Part> => {
  const module = await loadServiceModule(ROOT, spec);
  if (module.name !== spec.name)
    throw new Error(
      `${spec.dir}/src/service-module.ts defines "${module.name}", the registry says "${spec.name}"`,
    );
  return { module, env: envOf(spec), dir: spec.dir };
};
const byName = new Map(specs.map((s) => [s.name, s]));

await runParts({
  waves: await Promise.all(waves.map((wave) => Promise.all(wave.map((s) => partOf(byName.get(s.name)!))))),
  logger: createLogger('host', process.env.LOG_LEVEL ?? 'info'),
});
