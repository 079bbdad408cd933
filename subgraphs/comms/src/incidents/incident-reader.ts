import { randomUUID } from 'node:crypto';
import { DomainError, defineOperation, type GatewayClient, type Logger } from '@polystatus/kit';
import type { IncidentFacts, IncidentStatus } from '../domain/incident.ts';

/** Incidents as the graph shows them; null for one that does not exist (or that comms may not see). */
export interface IncidentReader {
  getMany(ids: readonly string[]): Promise<(IncidentFacts | null)[]>;
}

interface IncidentNode {
  id: string;
  title: string;
  sev: number;
  status: 'OPEN' | 'MITIGATED' | 'RESOLVED';
  services: string[];
  startedAt: string;
  resolvedAt: string | null;
  updatedAt: string;
}

const FIELDS = 'id title sev status services startedAt resolvedAt updatedAt';
/** Under the gateway's alias limit (GRAPHQL_MAX_ALIASES, 50 by default). */
const BATCH = 40;

/** `query CommsIncidents($i0: ID!, …) { i0: incident(id: $i0) { … } … }`, one per batch size used. */
const operations = new Map<
  number,
  ReturnType<typeof defineOperation<Record<string, IncidentNode | null>, Record<string, string>>>
>();
function operationFor(n: number) {
  let op = operations.get(n);
  if (!op) {
    const vars = Array.from({ length: n }, (_, i) => `$i${i}: ID!`).join(', ');
    const fields = Array.from({ length: n }, (_, i) => `i${i}: incident(id: $i${i}) { ${FIELDS} }`).join(' ');
    op = defineOperation(`query CommsIncidents(${vars}) { ${fields} }`);
    operations.set(n, op);
  }
  return op;
}

const facts = (n: IncidentNode): IncidentFacts => ({
  id: n.id,
  title: n.title,
  sev: n.sev,
  status: n.status.toLowerCase() as IncidentStatus,
  services: n.services,
  startedAt: Date.parse(n.startedAt),
  resolvedAt: n.resolvedAt ? Date.parse(n.resolvedAt) : null,
  updatedAt: Date.parse(n.updatedAt),
});

/**
 * Reads incidents through the gateway as `system:comms` with the viewer role (a signed service credential, see
 * the kit's service-credential.ts), never from the incidents domain's keys. A gateway that is down or slow
 * arrives as DomainError UNAVAILABLE: callers retry later (the incidents consumer) or answer 503 (a write).
 */
export class GatewayIncidentReader implements IncidentReader {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly authorization: () => string,
    private readonly log: Logger,
  ) {}

  async getMany(ids: readonly string[]): Promise<(IncidentFacts | null)[]> {
    const out: (IncidentFacts | null)[] = [];
    for (let at = 0; at < ids.length; at += BATCH) {
      const batch = ids.slice(at, at + BATCH);
      const variables = Object.fromEntries(batch.map((id, i) => [`i${i}`, id]));
      const data = await this.gateway.execute(operationFor(batch.length), variables, {
        authorization: this.authorization(),
        requestId: `comms-${randomUUID()}`,
        clientAddress: '127.0.0.1',
        log: this.log,
      });
      for (let i = 0; i < batch.length; i++) {
        const node = data[`i${i}`];
        out.push(node ? facts(node) : null);
      }
    }
    return out;
  }
}

/** One incident, or NOT_FOUND naming the field the caller gave it in. */
export async function requireIncident(
  reader: IncidentReader,
  id: string,
  field: string,
): Promise<IncidentFacts> {
  const [found] = await reader.getMany([id]);
  if (!found)
    throw new DomainError('NOT_FOUND', `incident ${id} not found`, {
      details: [{ field, issue: 'no such incident' }],
    });
  return found;
}
