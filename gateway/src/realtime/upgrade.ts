import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { CLOSE } from './close-codes.ts';

/**
 * Routes the HTTP server's upgrades on `path` to `wss` through `admit`: the handshake completes either way, so a
 * refused client gets a close code and a reason it can act on (1013: retry later) instead of a bare failed
 * handshake; `admit` returns false after closing the socket itself. Other paths get a 400, as `ws` answers them.
 * Returns the detach function.
 */
export function attachUpgrade(
  server: Server,
  path: string,
  wss: WebSocketServer,
  admit: (request: IncomingMessage, socket: WebSocket) => boolean,
): () => void {
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = (request.url ?? '').split('?', 1)[0];
    if (pathname !== path) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      if (admit(request, ws)) wss.emit('connection', ws, request);
    });
  };
  server.on('upgrade', onUpgrade);
  return () => server.off('upgrade', onUpgrade);
}

interface IdleTracked {
  anonymous: boolean;
  idleSince: number | null;
  subscriptions(): number;
}

/**
 * Anonymous sockets exist only to hold public subscriptions: one that has held none for `idleMs` is closed
 * (4410). Signed-in sockets are never closed for idleness; keep-alive pings decide whether they are alive.
 */
export function closeIdleAnonymous(
  sockets: Map<WebSocket, IdleTracked>,
  idleMs: number,
  onClose: () => void,
  now = Date.now(),
): void {
  for (const [socket, state] of sockets) {
    if (!state.anonymous) continue;
    if (state.subscriptions() > 0) {
      state.idleSince = null;
      continue;
    }
    state.idleSince ??= now;
    if (now - state.idleSince >= idleMs) {
      onClose();
      socket.close(CLOSE.IDLE, 'Idle: an anonymous connection must hold a public subscription');
    }
  }
}
