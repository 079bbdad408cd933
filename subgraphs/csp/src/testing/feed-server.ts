import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What one path answers. A body gets an ETag (its hash) unless `etag: false`; `status` defaults to 200. */
export interface FeedRoute {
  body?: Buffer | string;
  contentType?: string;
  status?: number;
  etag?: boolean;
  /** Extra headers (Location for a redirect …). */
  headers?: Record<string, string>;
  /** Wait this long before answering (a timeout test). */
  delayMs?: number;
  /** Close the socket without answering (a network error). */
  drop?: boolean;
}

export interface FeedServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Sets or replaces what `path` answers. */
  set(path: string, route: FeedRoute): void;
  /** Requests received per path, and how many were answered 304. */
  hits(path: string): number;
  notModified(path: string): number;
  close(): Promise<void>;
}

/**
 * A status page on loopback for tests and the demo: serves what it is told per path, honours If-None-Match
 * with 304, and counts requests, so a test can prove a poll happened (or did not) without the internet.
 */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, FeedRoute>();
  const hits = new Map<string, number>();
  const notModified = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    bump(hits, path);
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (route.delayMs) await new Promise((r) => setTimeout(r, route.delayMs));
    if (route.drop) {
      req.socket.destroy();
      return;
    }
    const body = route.body === undefined ? Buffer.alloc(0) : Buffer.from(route.body);
    const headers: Record<string, string> = {
      'content-type': route.contentType ?? 'application/json',
      ...route.headers,
    };
    if (route.etag !== false && body.length > 0) {
      const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
      headers.etag = etag;
      if (req.headers['if-none-match'] === etag) {
        bump(notModified, path);
        res.writeHead(304, { etag }).end();
        return;
      }
    }
    res.writeHead(route.status ?? 200, headers).end(body);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set: (path, route) => routes.set(path, route),
    hits: (path) => hits.get(path) ?? 0,
    notModified: (path) => notModified.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
