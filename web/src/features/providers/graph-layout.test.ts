import { describe, expect, it } from 'vitest';
import { edgeLabel, layoutGraph } from './graph-layout.ts';

const at = (layout: ReturnType<typeof layoutGraph>, id: string) => layout.nodes.find((n) => n.id === id);

describe('the cause graph layout', () => {
  it('puts each effect one layer right of its latest cause, and lists providers with no edge apart', () => {
    const layout = layoutGraph(
      ['aws', 'github', 'slack', 'heroku', 'gcp'],
      [
        { fromId: 'aws', toId: 'heroku' },
        { fromId: 'heroku', toId: 'github' },
        { fromId: 'aws', toId: 'github' },
      ],
    );
    expect(at(layout, 'aws')?.layer).toBe(0);
    expect(at(layout, 'heroku')?.layer).toBe(1);
    expect(at(layout, 'github')?.layer).toBe(2);
    expect(layout.isolated).toEqual(['slack', 'gcp']);
    expect(layout.width).toBeGreaterThan(0);
  });

  it('survives a cycle of inferred edges', () => {
    const layout = layoutGraph(
      ['a', 'b'],
      [
        { fromId: 'a', toId: 'b' },
        { fromId: 'b', toId: 'a' },
      ],
    );
    expect(layout.nodes).toHaveLength(2);
    expect(new Set(layout.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(2);
  });

  it('ignores edges to unknown providers and draws nothing without edges', () => {
    const layout = layoutGraph(['a'], [{ fromId: 'a', toId: 'gone' }]);
    expect(layout.nodes).toEqual([]);
    expect(layout.isolated).toEqual(['a']);
    expect(layout.height).toBe(0);
  });

  it('labels edges by kind, inferred ones with their confidence', () => {
    expect(edgeLabel('DECLARED', 1)).toBe('declared');
    expect(edgeLabel('INFERRED', 0.724)).toBe('inferred 72%');
  });
});
