import { readFileSync } from 'node:fs';
import { defaultPorts, SERVICES } from '@polystatus/registry';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, { condition?: string }>;
}

const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'), {
  merge: true,
}) as {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
};
const services = compose.services;

describe('docker-compose.yml', () => {
  it('has every service of the registry, running its own folder on its own port', () => {
    for (const spec of SERVICES) {
      const svc = services[spec.name];
      expect(svc, spec.name).toBeDefined();
      expect(svc?.environment?.SERVICE_DIR, spec.name).toBe(spec.dir);
      expect(svc?.environment?.PORT, spec.name).toBe(String(spec.defaultPort));
    }
  });

  it('gives every service a healthcheck, the Node ones on /readyz', () => {
    for (const [name, svc] of Object.entries(services)) {
      expect(svc.healthcheck?.test?.length, name).toBeGreaterThan(0);
      if (name !== 'redis') expect(svc.healthcheck?.test?.join(' '), name).toContain('/readyz');
    }
  });

  it('publishes exactly the ports of the port table', () => {
    for (const spec of SERVICES) {
      expect(services[spec.name]?.ports, spec.name).toEqual([`${spec.defaultPort}:${spec.defaultPort}`]);
    }
  });

  it('makes every depends_on target exist and wait for it to be healthy, covering the dependencies the registry declares', () => {
    for (const [name, svc] of Object.entries(services)) {
      for (const [target, cond] of Object.entries(svc.depends_on ?? {})) {
        expect(services[target], `${name} → ${target}`).toBeDefined();
        expect(cond.condition, `${name} → ${target}`).toBe('service_healthy');
      }
    }
    for (const spec of SERVICES) {
      expect(Object.keys(services[spec.name]?.depends_on ?? {}), spec.name).toEqual(
        expect.arrayContaining(spec.dependsOn),
      );
    }
  });

  it('wires each URL the registry gives a service to the container that serves it', () => {
    const ports = defaultPorts();
    const serviceOnPort = new Map(Object.entries(ports).map(([name, port]) => [port, name]));
    for (const spec of SERVICES) {
      for (const [key, expected] of Object.entries(spec.env(ports, 'HOST'))) {
        const actual = services[spec.name]?.environment?.[key];
        expect(actual, `${spec.name}.${key}`).toBeDefined();
        const want = new URL(expected);
        const got = new URL(actual!);
        expect(got.hostname, `${spec.name}.${key}`).toBe(serviceOnPort.get(Number(want.port)));
        expect(`${got.port}${got.pathname}`, `${spec.name}.${key}`).toBe(`${want.port}${want.pathname}`);
      }
    }
  });

  it('gives every Node service Redis and the internal secret from the environment', () => {
    for (const spec of SERVICES) {
      const env = services[spec.name]?.environment ?? {};
      expect(env.REDIS_URL, spec.name).toBe('redis://redis:6379');
      expect(env.POLYSTATUS_INTERNAL_SECRET, spec.name).toMatch(/^\$\{POLYSTATUS_INTERNAL_SECRET/);
    }
  });

  it('runs Redis with an AOF volume, fsync on every write', () => {
    const redis = services.redis!;
    expect(redis.command).toEqual(expect.arrayContaining(['--appendonly', 'yes', '--appendfsync', 'always']));
    expect(redis.volumes).toEqual(['redis-data:/data']);
    expect(compose.volumes).toHaveProperty('redis-data');
  });
});
