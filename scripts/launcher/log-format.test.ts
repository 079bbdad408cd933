import { describe, expect, it } from 'vitest';
import { logFormat, prettyPrinter } from './log-format.ts';

describe('logFormat', () => {
  it('is readable in a terminal and JSON in a pipe unless LOG_FORMAT says otherwise', () => {
    expect(logFormat(undefined, true)).toEqual({ format: 'pretty' });
    expect(logFormat(undefined, false)).toEqual({ format: 'json' });
    expect(logFormat('pretty', false)).toEqual({ format: 'pretty' });
    expect(logFormat('json', true)).toEqual({ format: 'json' });
  });

  it('names an unknown value and keeps the default', () => {
    expect(logFormat('xml', false)).toEqual({
      format: 'json',
      problem: 'LOG_FORMAT must be "pretty" or "json", not "xml"; using json',
    });
  });
});

describe('prettyPrinter', () => {
  const show = prettyPrinter(false);
  const at = new Date(2026, 0, 2, 13, 4, 5, 6).toISOString();

  it('shows a pino line as time, level, message and fields, without the service it is prefixed with', () => {
    const line = JSON.stringify({
      level: 30,
      time: at,
      service: 'gateway',
      name: 'gateway',
      msg: 'listening',
      port: 4000,
    });
    expect(show(line)).toBe('[13:04:05.006] INFO: listening {"port":4000}');
  });

  it("puts an error's stack under its line", () => {
    const err = {
      type: 'Error',
      message: 'boom',
      stack: 'Error: boom\n    at run (a.ts:1:1)\n    at main (b.ts:2:2)',
    };
    const line = JSON.stringify({ level: 50, time: at, msg: 'failed', err });
    expect(show(line).split('\n')).toEqual([
      '[13:04:05.006] ERROR: failed: Error: boom',
      '    at run (a.ts:1:1)',
      '    at main (b.ts:2:2)',
    ]);
  });

  it('passes on what is not a pino line', () => {
    for (const line of ['plain text', '{not json', '{"a":1}', '']) expect(show(line)).toBe(line);
  });
});
