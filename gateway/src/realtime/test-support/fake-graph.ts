import type { Principal } from '@polystatus/kit';
import { type GraphQLSchema, graphql } from 'graphql';
import type { GraphExecutor, GraphResult } from '../graph-executor.ts';
import { apiSchemaOf } from '../schema.ts';
import { compareStreamIds } from '../stream-id.ts';

export interface FakeIncident {
  id: string;
  title: string;
  sev: number;
  commanderId: string | null;
  timeline: { id: string; type: string; message: string; authorId: string; at: string; system: boolean }[];
}

/**
 * A stand-in for the gateway in unit tests: runs each operation against the real API schema of the committed
 * supergraph, over in-memory incidents. It records every call, so tests can count hydrations per event.
 */
export class FakeGraph implements GraphExecutor {
  readonly calls: { query: string; variables: Record<string, unknown>; principal: Principal }[] = [];
  readonly incidents = new Map<string, FakeIncident>();
  private readonly schema: GraphQLSchema;
  /** Milliseconds to wait before answering, per call (lets tests finish hydrations out of order). */
  delays: number[] = [];
  /** Fields that fail with FORBIDDEN, as a subgraph's access rule would. */
  forbidden = new Set<string>();

  constructor(supergraphSdl: string) {
    this.schema = apiSchemaOf(supergraphSdl);
  }

  async execute(
    query: string,
    variables: Record<string, unknown>,
    principal: Principal,
  ): Promise<GraphResult> {
    this.calls.push({ query, variables, principal });
    const delay = this.delays.shift();
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const result = await graphql({
      schema: this.schema,
      source: query,
      variableValues: variables,
      rootValue: { incident: ({ id }: { id: string }) => this.view(id) },
    });
    return JSON.parse(JSON.stringify(result)) as GraphResult;
  }

  private view(id: string) {
    const incident = this.incidents.get(id);
    if (!incident) return null;
    const guard = (field: string, value: unknown) => () => {
      if (this.forbidden.has(field)) throw new Error(`forbidden: ${field}`);
      return value;
    };
    return {
      id: incident.id,
      title: guard('title', incident.title),
      sev: incident.sev,
      commanderId: incident.commanderId,
      timeline: ({ after, first }: { after?: string | null; first: number }) => {
        const start = after ? incident.timeline.findIndex((e) => compareStreamIds(e.id, after) > 0) : 0;
        const from = start < 0 ? incident.timeline.length : start;
        const nodes = incident.timeline
          .slice(from, from + first)
          .map((e) => ({ ...e, incidentId: incident.id }));
        const end = nodes.at(-1)?.id ?? null;
        return {
          nodes,
          edges: nodes.map((n) => ({ cursor: n.id, node: n })),
          pageInfo: { hasNextPage: from + first < incident.timeline.length, endCursor: end },
        };
      },
    };
  }
}
