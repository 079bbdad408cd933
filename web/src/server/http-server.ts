import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import next from 'next';
import { log } from './log.ts';

export interface WebServerOptions {
  dir: string;
  host: string;
  port: number;
}

export interface WebServer {
  server: Server;
  close(): Promise<void>;
}

/**
 * The production Next.js app behind a plain Node server that also answers the probes every PolyStatus process
 * has (/healthz, /readyz, /metrics), which the launcher and the containers' health checks call.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const app = next({ dev: false, dir: opts.dir, hostname: opts.host, port: opts.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const counts = new Map<string, number>();
  const started = Date.now();
  const probe = (res: ServerResponse, body: string, type = 'application/json') => {
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  };
  const metrics = () =>
    [
      '# HELP web_http_requests_total Requests answered by the web app, by status class.',
      '# TYPE web_http_requests_total counter',
      // service="web" like every other process's metrics (the kit's registries label theirs so), for one scrape config.
      ...[...counts].map(([status, n]) => `web_http_requests_total{service="web",status="${status}"} ${n}`),
      '# HELP web_uptime_seconds Seconds since the web server started.',
      '# TYPE web_uptime_seconds gauge',
      `web_uptime_seconds{service="web"} ${(Date.now() - started) / 1000}`,
      '',
    ].join('\n');

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' || path === '/readyz') return probe(res, '{"status":"ok"}');
    if (path === '/metrics') return probe(res, metrics(), 'text/plain; version=0.0.4');
    res.once('finish', () => {
      const status = `${Math.floor(res.statusCode / 100)}xx`;
      counts.set(status, (counts.get(status) ?? 0) + 1);
    });
    handle(req, res).catch((err: unknown) => {
      log('error', 'request failed', { err: String(err), path });
      if (!res.headersSent) res.writeHead(500).end('internal error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, resolve);
  });
  return {
    server,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}
