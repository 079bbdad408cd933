import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { CLIENT_SCHEMA_PATH, clientSchemaSdl } from './client-schema.ts';
import { composeFromRepo } from './compose.ts';
import { isStale, writeIfChanged } from './generated-file.ts';

describe('the client schema file', () => {
  const fresh = composeFromRepo();
  if (!fresh.ok) throw new Error(fresh.errors.join('\n'));
  const printed = clientSchemaSdl(fresh.supergraphSdl);

  it('the committed gateway/client-schema.graphql is what compose prints now (run `npm run compose`)', () => {
    expect(readFileSync(CLIENT_SCHEMA_PATH, 'utf8')).toBe(printed);
  });

  it('is the API schema with every domain’s subscriptions, as codegen and GraphiQL need it', () => {
    const schema = buildSchema(printed);
    expect(Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).sort()).toEqual([
      'announcementPublished',
      'cspEventChanged',
      'flagChanged',
      'incidentChanged',
      'incidentTimeline',
      'publicStatusChanged',
    ]);
    expect(schema.getQueryType()?.getFields().incidents).toBeDefined();
    expect(schema.getMutationType()?.getFields().createIncident).toBeDefined();
    expect(schema.getType('join__Graph')).toBeUndefined();
  });
});

describe('generated files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ps-generated-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are stale when missing or different, and rewritten only then', () => {
    const file = join(dir, 'out.graphql');
    expect(isStale(file, 'a')).toBe(true);
    expect(writeIfChanged(file, 'a')).toBe('written');
    const written = statSync(file).mtimeMs;
    expect(isStale(file, 'a')).toBe(false);
    expect(writeIfChanged(file, 'a')).toBe('unchanged');
    expect(statSync(file).mtimeMs).toBe(written);
    expect(isStale(file, 'b')).toBe(true);
    expect(writeIfChanged(file, 'b')).toBe('written');
    expect(readFileSync(file, 'utf8')).toBe('b');
  });
});
