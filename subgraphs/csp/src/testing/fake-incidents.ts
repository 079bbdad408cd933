import type { IncidentPlan } from '../domain/incident-rules.ts';
import type { IncidentsGateway, UpstreamUpdateInput } from '../service/incidents-gateway.ts';

/**
 * The incidents domain as the linker sees it, in memory, with the same idempotency the real one promises (one
 * incident per `externalKey`; one timeline entry per provider, upstream id, status and time), so tests can prove
 * the linker never relies on luck. `failNext` makes the next calls throw, as an unreachable gateway would.
 */
export class FakeIncidents implements IncidentsGateway {
  readonly incidents = new Map<string, { id: string; plan: IncidentPlan }>();
  readonly timeline = new Map<string, UpstreamUpdateInput[]>();
  openCalls = 0;
  recordCalls = 0;
  failNext = 0;

  private fail() {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('the gateway is unreachable');
    }
  }

  async openIncident(plan: IncidentPlan): Promise<string> {
    this.openCalls++;
    this.fail();
    const existing = this.incidents.get(plan.externalKey);
    if (existing) return existing.id;
    const id = `INC-FAKE${String(this.incidents.size + 1).padStart(3, '0')}`;
    this.incidents.set(plan.externalKey, { id, plan });
    return id;
  }

  async recordUpstreamUpdate(incidentId: string, update: UpstreamUpdateInput): Promise<void> {
    this.recordCalls++;
    this.fail();
    const entries = this.timeline.get(incidentId) ?? [];
    const same = (u: UpstreamUpdateInput) =>
      u.provider === update.provider &&
      u.upstreamId === update.upstreamId &&
      u.status === update.status &&
      u.at === update.at;
    if (!entries.some(same)) entries.push(update);
    this.timeline.set(incidentId, entries);
  }

  async close(): Promise<void> {}
}
