import type { RestHandlers } from '@polystatus/rest-kit';
import { listFlagAudit, listFlags, putFlag, toggleFlag } from './admin.ts';
import { evaluateFlags } from './evaluate.ts';

/** Keyed by the operationIds of swaggers/flags.yaml; the service refuses to start if the two sets differ. */
export const flagsHandlers: RestHandlers = { evaluateFlags, listFlags, putFlag, toggleFlag, listFlagAudit };
