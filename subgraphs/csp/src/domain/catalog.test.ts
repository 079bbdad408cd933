import { describe, expect, it } from 'vitest';
import { CATALOG, catalogFor } from './catalog.ts';
import { PROVIDER_NAME } from './provider.ts';

describe('the built-in catalog', () => {
  it('holds the big providers with their real status URLs', () => {
    expect(CATALOG.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        'cloudflare',
        'github',
        'atlassian',
        'gcp',
        'aws',
        'gitlab',
        'docker',
        'slack',
      ]),
    );
    for (const e of CATALOG) {
      expect(e.name).toMatch(PROVIDER_NAME);
      expect(new URL(e.feedUrl).protocol).toBe('https:');
      for (const d of e.dependsOn) expect(CATALOG.map((c) => c.name)).toContain(d);
    }
  });

  it('is off, as is, or served from a local base URL (the demo, tests)', () => {
    expect(catalogFor('off')).toEqual([]);
    expect(catalogFor('default')).toEqual(CATALOG);
    const local = catalogFor('http://127.0.0.1:9999/');
    expect(local.find((e) => e.name === 'gitlab')?.feedUrl).toBe(
      'http://127.0.0.1:9999/gitlab/1.0/status/5b36dc6502d06804c08349f7',
    );
    expect(local.find((e) => e.name === 'gcp')?.feedUrl).toBe('http://127.0.0.1:9999/gcp/incidents.json');
  });
});
