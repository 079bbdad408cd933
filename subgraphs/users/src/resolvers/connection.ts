import { encodeCursor, type Page } from '../domain/cursor.ts';

/** A service page as the GraphQL connection shape shared with the other subgraphs. */
export function connection<T>(page: Page<T>, cursorOf: (item: T) => string) {
  return {
    edges: page.items.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node })),
    nodes: page.items,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
  };
}
