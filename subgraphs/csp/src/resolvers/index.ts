import { DateTimeScalar } from '@polystatus/kit';
import type { Resolvers } from '../generated/resolvers.ts';
import {
  CspCauseEdgeType,
  CspCauseEvidenceType,
  CspCauseNodeType,
  CspRefreshResultType,
  CspServiceDependencyType,
} from './cause-graph.ts';
import { CspEventType } from './csp-event.ts';
import { enums } from './enums.ts';
import { IncidentType } from './incident.ts';
import { Mutation } from './mutation.ts';
import { CspFeedHealthType, ProviderType } from './provider.ts';
import { Query } from './query.ts';

export const resolvers = {
  DateTime: DateTimeScalar,
  ...enums,
  Query,
  Mutation,
  Provider: ProviderType,
  CspFeedHealth: CspFeedHealthType,
  CspEvent: CspEventType,
  Incident: IncidentType,
  CspCauseNode: CspCauseNodeType,
  CspCauseEdge: CspCauseEdgeType,
  CspCauseEvidence: CspCauseEvidenceType,
  CspServiceDependency: CspServiceDependencyType,
  CspRefreshResult: CspRefreshResultType,
} satisfies Resolvers;
