import { createServer } from 'node:net';
import { portVariable, type ServiceSpec } from '@polystatus/registry';

/** A port nothing listens on right now (the OS picks it). Another process could take it before we do; rare. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Each service's port: `<NAME>_PORT` when set, else a free port when `POLYSTATUS_PORTS=auto` (tests run several
 * stacks side by side), else the default from the port table. Two services on one port is refused up front.
 */
export async function resolvePorts(
  services: ServiceSpec[],
  env: NodeJS.ProcessEnv,
  pickFree: () => Promise<number> = freePort,
): Promise<Record<string, number>> {
  const auto = env.POLYSTATUS_PORTS === 'auto';
  if (env.POLYSTATUS_PORTS && !auto) throw new Error(`POLYSTATUS_PORTS: only "auto" is understood`);
  const ports: Record<string, number> = {};
  for (const s of services) {
    const variable = portVariable(s.name);
    const given = env[variable];
    if (given !== undefined && given !== '') {
      const port = Number(given);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new Error(`${variable}: not a port: ${given}`);
      ports[s.name] = port;
    } else if (auto) {
      // Each probe closes its socket before the next, so the OS may hand the same free port out twice: skip the
      // ones this stack already took (a clash would otherwise fail the start, rarely, under load).
      const taken = new Set(Object.values(ports));
      let port = await pickFree();
      for (let tries = 0; taken.has(port) && tries < 50; tries++) port = await pickFree();
      ports[s.name] = port;
    } else {
      ports[s.name] = s.defaultPort;
    }
  }
  const seen = new Map<number, string>();
  for (const [name, port] of Object.entries(ports)) {
    const other = seen.get(port);
    if (other) throw new Error(`${name} and ${other} would both listen on port ${port}`);
    seen.set(port, name);
  }
  return ports;
}
