import {
  defineOperation,
  GatewayClient,
  type Logger,
  type Role,
  serviceAuthorization,
} from '@polystatus/kit';

/** Records a mitigation on an incident's timeline; resolves to the entry id or rejects with the reason. */
export interface IncidentTimeline {
  addMitigation(incidentId: string, message: string, requestId: string): Promise<string>;
}

const ADD_MITIGATION = defineOperation<
  { addTimelineEvent: { id: string } },
  { incidentId: string; input: { type: 'MITIGATION'; message: string } }
>(/* GraphQL */ `
  mutation FlagKillSwitchMitigation($incidentId: ID!, $input: TimelineNoteInput!) {
    addTimelineEvent(incidentId: $incidentId, input: $input) {
      id
    }
  }
`);

export interface GatewayTimelineOptions {
  gatewayUrl: string;
  internalSecret: string;
  timeoutMs: number;
  logger: Logger;
}

/**
 * The incidents domain owns timelines, so the flags domain asks the graph, as itself: a `system` principal
 * `flags` with the responder role (`Authorization: Service …`), never the caller's identity, which this
 * subgraph does not hold. The client is created on first use: the gateway starts after the subgraphs and may
 * be down; a kill switch must not wait for it, so the deadline is short and the caller decides what a failure means.
 */
export function gatewayTimeline(opts: GatewayTimelineOptions): IncidentTimeline & { close(): Promise<void> } {
  const role: Role = 'responder';
  const authorization = serviceAuthorization('flags', role, opts.internalSecret);
  let client: GatewayClient | null = null;
  return {
    async addMitigation(incidentId, message, requestId) {
      client ??= new GatewayClient({ url: opts.gatewayUrl, timeoutMs: opts.timeoutMs, connections: 4 });
      const data = await client.execute(
        ADD_MITIGATION,
        { incidentId, input: { type: 'MITIGATION', message } },
        { authorization: authorization(), requestId, clientAddress: '127.0.0.1', log: opts.logger },
      );
      return data.addTimelineEvent.id;
    },
    async close() {
      await client?.close();
    },
  };
}
