/**
 * A layered layout for the cause-and-effect graph, small enough to read: causes on the left, effects to their
 * right. Each node's layer is the longest chain of causes before it (cycles, which inferred edges can make, are
 * cut by visiting each node once per walk); within a layer nodes are ordered by the mean row of their causes, so
 * edges cross less. Providers with no edge are left out of the drawing and listed apart.
 */
export interface GraphEdgeInput {
  fromId: string;
  toId: string;
}

export interface PlacedNode {
  id: string;
  layer: number;
  row: number;
  x: number;
  y: number;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  /** Nodes with no edge at all. */
  isolated: string[];
  width: number;
  height: number;
}

export interface LayoutSizes {
  nodeWidth: number;
  nodeHeight: number;
  columnGap: number;
  rowGap: number;
}

export const DEFAULT_SIZES: LayoutSizes = { nodeWidth: 200, nodeHeight: 64, columnGap: 140, rowGap: 36 };

export function layoutGraph(ids: string[], edges: GraphEdgeInput[], sizes = DEFAULT_SIZES): GraphLayout {
  const known = new Set(ids);
  const usable = edges.filter((e) => known.has(e.fromId) && known.has(e.toId) && e.fromId !== e.toId);
  const causes = new Map<string, string[]>();
  const linked = new Set<string>();
  for (const e of usable) {
    causes.set(e.toId, [...(causes.get(e.toId) ?? []), e.fromId]);
    linked.add(e.fromId).add(e.toId);
  }
  const drawn = ids.filter((id) => linked.has(id));

  const layerOf = new Map<string, number>();
  const depth = (id: string, path: Set<string>): number => {
    const cached = layerOf.get(id);
    if (cached !== undefined) return cached;
    path.add(id);
    let layer = 0;
    for (const cause of causes.get(id) ?? [])
      if (!path.has(cause)) layer = Math.max(layer, depth(cause, path) + 1);
    path.delete(id);
    layerOf.set(id, layer);
    return layer;
  };
  for (const id of drawn) depth(id, new Set());

  const layers: string[][] = [];
  for (const id of drawn) {
    const l = layerOf.get(id)!;
    layers[l] = [...(layers[l] ?? []), id];
  }
  const rowOf = new Map<string, number>();
  for (const layer of layers) {
    const weight = (id: string) => {
      const rows = (causes.get(id) ?? [])
        .map((c) => rowOf.get(c))
        .filter((r): r is number => r !== undefined);
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : Number.POSITIVE_INFINITY;
    };
    // Stable: ties keep the given (registration) order.
    const ordered = layer
      .map((id, n) => ({ id, n, w: weight(id) }))
      .sort((a, b) => a.w - b.w || a.n - b.n)
      .map((o) => o.id);
    for (const [row, id] of ordered.entries()) rowOf.set(id, row);
    layer.splice(0, layer.length, ...ordered);
  }

  const tallest = Math.max(0, ...layers.map((l) => l.length));
  const colStep = sizes.nodeWidth + sizes.columnGap;
  const rowStep = sizes.nodeHeight + sizes.rowGap;
  const nodes: PlacedNode[] = layers.flatMap((layer, l) => {
    // Shorter layers are centred against the tallest.
    const offset = ((tallest - layer.length) * rowStep) / 2;
    return layer.map((id, row) => ({ id, layer: l, row, x: l * colStep, y: offset + row * rowStep }));
  });
  return {
    nodes,
    isolated: ids.filter((id) => !linked.has(id)),
    width: layers.length ? layers.length * colStep - sizes.columnGap : 0,
    height: tallest ? tallest * rowStep - sizes.rowGap : 0,
  };
}

/** "declared" or "inferred 72%": what an edge's label says. */
export const edgeLabel = (kind: string, confidence: number): string =>
  kind === 'DECLARED' ? 'declared' : `inferred ${Math.round(confidence * 100)}%`;
