import { describe, expect, it } from 'vitest';
import { OperationLabels, OTHER_OPERATION } from './metrics-plugin.ts';

describe('OperationLabels', () => {
  it('keeps the first distinct names and folds the rest into one label', () => {
    const labels = new OperationLabels(3);
    expect(['A', 'B', 'A', 'C'].map((n) => labels.label(n))).toEqual(['A', 'B', 'A', 'C']);
    expect(labels.label('D')).toBe(OTHER_OPERATION);
    expect(labels.label('B')).toBe('B');
  });

  it('never uses an unnamed or odd name as a label', () => {
    const labels = new OperationLabels();
    expect(labels.label(undefined)).toBe(OTHER_OPERATION);
    expect(labels.label('a"b')).toBe(OTHER_OPERATION);
    expect(labels.label('x'.repeat(200))).toBe(OTHER_OPERATION);
  });
});
