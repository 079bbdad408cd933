import type { ValidationRule } from 'graphql';
import { operationLimits } from './operation-limits.ts';

/**
 * Refuses operations nested deeper than `max` levels (fragments expanded, meta-fields counted), so a client
 * cannot make a subgraph walk an arbitrarily deep graph (`incident { commander { commandedIncidents { … } } }`).
 * The subgraphs' only size rule; the gateway applies all of operation-limits.ts.
 */
export const depthLimit = (max: number): ValidationRule => operationLimits({ maxDepth: max });
