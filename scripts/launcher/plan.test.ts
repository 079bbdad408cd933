import type { ServiceSpec } from '@polystatus/registry';
import { describe, expect, it } from 'vitest';
import { planLaunch, withoutServices } from './plan.ts';
import { resolvePorts } from './ports.ts';

const spec = (name: string, dependsOn: string[] = [], defaultPort = 1000): ServiceSpec => ({
  name,
  kind: 'subgraph',
  dir: name,
  defaultPort,
  dependsOn,
  env: () => ({}),
});

describe('launch plan', () => {
  const registry = [
    spec('users'),
    spec('incidents'),
    spec('gateway', ['users', 'incidents']),
    spec('rest', ['gateway']),
  ];
  const names = (waves: ServiceSpec[][]) => waves.map((w) => w.map((s) => s.name));

  it('starts independent services together and dependents after them', () => {
    expect(names(planLaunch(registry, () => true).waves)).toEqual([
      ['users', 'incidents'],
      ['gateway'],
      ['rest'],
    ]);
  });

  it('skips services that do not exist yet and does not hold their dependents back', () => {
    const plan = planLaunch(registry, (s) => s.name !== 'users' && s.name !== 'rest');
    expect(names(plan.waves)).toEqual([['incidents'], ['gateway']]);
    expect(plan.skipped.map((s) => s.name)).toEqual(['users', 'rest']);
  });

  it('refuses unknown dependencies and cycles', () => {
    expect(() => planLaunch([spec('a', ['ghost'])], () => true)).toThrow(/unknown service ghost/);
    expect(() => planLaunch([spec('a', ['b']), spec('b', ['a'])], () => true)).toThrow(/cycle among a, b/);
  });
});

describe('ports', () => {
  const registry = [spec('users', [], 4001), spec('rest-incidents', [], 8081)];

  it('uses the table by default, an override when given, free ports with POLYSTATUS_PORTS=auto', async () => {
    expect(await resolvePorts(registry, {})).toEqual({ users: 4001, 'rest-incidents': 8081 });
    expect(await resolvePorts(registry, { REST_INCIDENTS_PORT: '9000' })).toEqual({
      users: 4001,
      'rest-incidents': 9000,
    });
    let next = 50_000;
    const auto = await resolvePorts(
      registry,
      { POLYSTATUS_PORTS: 'auto', USERS_PORT: '4100' },
      async () => next++,
    );
    expect(auto).toEqual({ users: 4100, 'rest-incidents': 50_000 });
  });

  it('never hands two services the same free port, even when the OS offers one twice', async () => {
    const offers = [50_001, 50_001, 50_001, 50_002];
    const auto = await resolvePorts(registry, { POLYSTATUS_PORTS: 'auto' }, async () => offers.shift()!);
    expect(auto).toEqual({ users: 50_001, 'rest-incidents': 50_002 });
  });

  it('refuses bad values and collisions', async () => {
    await expect(resolvePorts(registry, { USERS_PORT: 'x' })).rejects.toThrow(/USERS_PORT/);
    await expect(resolvePorts(registry, { USERS_PORT: '8081' })).rejects.toThrow(/both listen on port 8081/);
    await expect(resolvePorts(registry, { POLYSTATUS_PORTS: 'random' })).rejects.toThrow(/auto/);
  });
});

describe('withoutServices', () => {
  const specs = [spec('a'), spec('b', ['a']), spec('web', ['b'])];
  it('leaves the named services out and their dependents start without them', () => {
    expect(withoutServices(specs, 'web').map((s) => s.name)).toEqual(['a', 'b']);
    expect(withoutServices(specs, ' a ').find((s) => s.name === 'b')?.dependsOn).toEqual([]);
  });
  it('keeps everything when unset, and refuses an unknown name', () => {
    expect(withoutServices(specs, undefined)).toHaveLength(3);
    expect(() => withoutServices(specs, 'wbe')).toThrow(/unknown service\(s\): wbe/);
  });
});
