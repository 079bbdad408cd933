import { type AddressInfo, createConnection, createServer, type Socket } from 'node:net';

export interface PausableProxy {
  /** `redis://127.0.0.1:<port>`: give it to ONE service as its REDIS_URL. */
  url: string;
  port: number;
  /** From now on nothing is forwarded either way: connections stay open and requests hang, as in a stalled Redis. */
  pause(): void;
  /** Forwards what was held, in order, and everything after it. */
  resume(): void;
  close(): Promise<void>;
}

/**
 * A TCP forwarder to the real Redis that a test can pause, so one service sees Redis stall while every other test
 * keeps using the shared server (CLIENT PAUSE or DEBUG SLEEP there would stall them all). While paused, bytes are
 * held, not dropped, so the connection is consistent again after `resume`. Backpressure is not modelled: this
 * carries test traffic, not bulk data.
 */
export async function startPausableProxy(redisUrl: string): Promise<PausableProxy> {
  const target = new URL(redisUrl);
  const sockets = new Set<Socket>();
  let paused = false;
  let held: { to: Socket; chunk: Buffer }[] = [];

  const forward = (from: Socket, to: Socket) => {
    from.on('data', (chunk: Buffer) => {
      if (paused) held.push({ to, chunk });
      else to.write(chunk);
    });
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  };

  const server = createServer((client) => {
    const upstream = createConnection({ host: target.hostname, port: Number(target.port || 6379) });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      const pending = held;
      held = [];
      for (const { to, chunk } of pending) if (!to.destroyed) to.write(chunk);
    },
    async close() {
      held = [];
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
