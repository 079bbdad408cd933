/** An entity another subgraph owns (an incident, a user), known here by its id only. */
export interface EntityRef {
  id: string;
}
