import type { ValidationRule } from 'graphql';
import { operationLimits } from './operation-limits.ts';

export interface CostLimits {
  /** Most estimated work one operation may ask for (operation-measure.ts). */
  maxCost: number;
  /** Most field selections one operation may contain, fragments expanded, aliases and meta-fields included. */
  maxFields: number;
  /** The size assumed for a list argument given as a variable (validation runs before variables are known). */
  assumedListSize?: number;
}

/**
 * Refuses operations that would make the servers do far more work than any real client needs, before any of it
 * is done. The depth limit alone does not stop width: 1,500 aliased copies of a 100-incident list are shallow.
 * A field costs 1 plus its selection, times its list argument (`first: 100` counts its selection a hundred times).
 */
export const costLimit = (limits: CostLimits): ValidationRule =>
  operationLimits({
    maxCost: limits.maxCost,
    maxSelections: limits.maxFields,
    assumedListSize: limits.assumedListSize,
  });
