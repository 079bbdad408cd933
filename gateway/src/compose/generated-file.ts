import { readFileSync, writeFileSync } from 'node:fs';

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // never generated yet
  }
};

/** Whether the committed file differs from what the generator produces now (a missing file is stale). */
export const isStale = (path: string, text: string): boolean => read(path) !== text;

/** Writes a generated file only when it changed, so an unchanged file keeps its timestamp. */
export function writeIfChanged(path: string, text: string): 'written' | 'unchanged' {
  if (!isStale(path, text)) return 'unchanged';
  writeFileSync(path, text);
  return 'written';
}
