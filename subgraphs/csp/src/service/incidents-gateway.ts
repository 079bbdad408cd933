import { defineOperation, GatewayClient, serviceAuthorization } from '@polystatus/kit';
import type { IncidentPlan } from '../domain/incident-rules.ts';

export interface UpstreamUpdateInput {
  provider: string;
  upstreamId: string;
  status: string;
  message: string;
  /** ISO 8601. */
  at: string;
  url: string | null;
}

/**
 * The incidents domain as the csp domain sees it: the only way it opens incidents or writes on their timelines.
 * Both calls are idempotent on the incidents side (`externalKey`; same provider, upstream id, status and time),
 * so a retry after a lost answer never duplicates anything.
 */
export interface IncidentsGateway {
  /** Opens (or finds, by its key) the incident for an event; returns its id. */
  openIncident(plan: IncidentPlan): Promise<string>;
  recordUpstreamUpdate(incidentId: string, update: UpstreamUpdateInput): Promise<void>;
  close(): Promise<void>;
}

const CREATE = defineOperation<
  { createIncident: { id: string } },
  {
    input: {
      title: string;
      sev: number;
      services: string[];
      summary: string;
      source: 'CSP';
      externalKey: string;
    };
  }
>(/* GraphQL */ `
  mutation CspOpenIncident($input: CreateIncidentInput!) {
    createIncident(input: $input) {
      id
    }
  }
`);

const RECORD = defineOperation<
  { recordUpstreamUpdate: { id: string } },
  { incidentId: string; input: UpstreamUpdateInput }
>(
  /* GraphQL */ `
    mutation CspRecordUpstreamUpdate($incidentId: ID!, $input: UpstreamUpdateInput!) {
      recordUpstreamUpdate(incidentId: $incidentId, input: $input) {
        id
      }
    }
  `,
);

/**
 * Calls the gateway as the `csp` service principal with the responder role (`Authorization: Service …`, signed
 * with the internal secret): the gateway audits it as `system:csp`, and the incidents domain stays the only
 * writer of incidents. The client connects lazily, so the csp service starts and polls while the gateway is down.
 */
export function gatewayIncidents(opts: { url: string; timeoutMs: number; secret: string }): IncidentsGateway {
  const client = new GatewayClient({ url: opts.url, timeoutMs: opts.timeoutMs, connections: 4 });
  const authorization = serviceAuthorization('csp', 'responder', opts.secret);
  const caller = () => ({
    authorization: authorization(),
    requestId: `csp-linker-${Date.now().toString(36)}`,
    clientAddress: '127.0.0.1',
  });
  return {
    async openIncident(plan) {
      const { externalKey, ...rest } = plan;
      const data = await client.execute(CREATE, { input: { ...rest, source: 'CSP', externalKey } }, caller());
      return data.createIncident.id;
    },
    async recordUpstreamUpdate(incidentId, input) {
      await client.execute(RECORD, { incidentId, input }, caller());
    },
    close: () => client.close(),
  };
}
