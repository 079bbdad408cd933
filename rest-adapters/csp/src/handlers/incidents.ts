import type { RestHandler } from '@polystatus/rest-kit';
import { CREATE_CSP_INCIDENT } from '../documents.ts';
import { type IncidentCreateBody, incidentInputFromRest, incidentToRest } from '../mappers.ts';

/** Opens the incident through the incidents domain (the graph's createIncident), always with source CSP. */
export const createCspIncident: RestHandler<IncidentCreateBody> = async ({ body }, ctx) => {
  const data = await ctx.graphql(CREATE_CSP_INCIDENT, { input: incidentInputFromRest(body) });
  return { body: incidentToRest(data.createIncident) };
};
