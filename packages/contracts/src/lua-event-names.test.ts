import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from './index.ts';

const SUBGRAPHS = fileURLToPath(new URL('../../../subgraphs', import.meta.url));

/** Every `subgraphs/*\/src/store/lua/*.lua`, as [path from the repository root, source]. */
function luaScripts(): [string, string][] {
  const scripts: [string, string][] = [];
  for (const domain of readdirSync(SUBGRAPHS, { withFileTypes: true })) {
    if (!domain.isDirectory()) continue;
    const dir = join(SUBGRAPHS, domain.name, 'src', 'store', 'lua');
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.lua'));
    } catch {
      continue; // a domain without Lua scripts
    }
    for (const f of files)
      scripts.push([`subgraphs/${domain.name}/src/store/lua/${f}`, readFileSync(join(dir, f), 'utf8')]);
  }
  return scripts;
}

/** The quoted string literals of a Lua source, comments left out (`--` to the end of the line, `--[[ … ]]`). */
function luaStringLiterals(source: string): string[] {
  const literals: string[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (source.startsWith('--[[', i)) {
      const end = source.indexOf(']]', i + 4);
      i = end < 0 ? source.length : end + 2;
    } else if (source.startsWith('--', i)) {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let text = '';
      while (j < source.length && source[j] !== c && source[j] !== '\n') {
        if (source[j] === '\\') j++;
        text += source[j] ?? '';
        j++;
      }
      literals.push(text);
      i = j + 1;
    } else {
      i++;
    }
  }
  return literals;
}

/** What an event type looks like: `<noun>.<verb_or_state>`, lower case (`user.created`, `incident.status_changed`). */
const EVENT_TYPE_SHAPE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;
const eventTypeLiterals = (source: string) =>
  luaStringLiterals(source).filter((s) => EVENT_TYPE_SHAPE.test(s));

describe('event types in Lua scripts', () => {
  it('finds event-type literals in code, in either quote, and not in comments', () => {
    const source = [
      "-- a comment naming 'user.created' is not code",
      'if f.type == \'user.disabled\' then x = "incident.updated" end',
      "redis.call('XADD', KEYS[1], '*', 'type', 'user.renamed') --[[ 'token.created' ]]",
      "local s = 'a.b' .. 'not an event.type' .. 'cjson'",
    ].join('\n');
    expect(eventTypeLiterals(source)).toEqual(['user.disabled', 'incident.updated', 'user.renamed', 'a.b']);
  });

  it('every event type a script spells is declared in packages/contracts', () => {
    const scripts = luaScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const undeclared = scripts.flatMap(([file, source]) =>
      eventTypeLiterals(source)
        .filter((t) => !EVENT_TYPES.has(t))
        .map((t) => `${file}: '${t}'`),
    );
    expect(undeclared).toEqual([]);
  });
});
