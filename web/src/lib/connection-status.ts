/**
 * The live connection (graphql-ws) as the banner shows it. `connected` once the socket is acknowledged;
 * `reconnecting` after it was lost while subscriptions were running (graphql-ws also closes an idle socket on
 * purpose: that is `idle`, not a problem). `gap` is set when a resume cursor was too old for the gateway's
 * streams, so some changes may be missing until the page is reloaded.
 */
export type LiveStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting';

export interface LiveSnapshot {
  status: LiveStatus;
  gap: boolean;
}

export class ConnectionStatus {
  #snapshot: LiveSnapshot = { status: 'idle', gap: false };
  #everConnected = false;
  readonly #listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): LiveSnapshot => this.#snapshot;

  connecting() {
    this.#set({ status: this.#everConnected ? 'reconnecting' : 'connecting' });
  }

  connected() {
    this.#everConnected = true;
    this.#set({ status: 'connected' });
  }

  closed(activeSubscriptions: number) {
    this.#set({ status: activeSubscriptions > 0 ? 'reconnecting' : 'idle' });
  }

  gap() {
    this.#set({ gap: true });
  }

  #set(change: Partial<LiveSnapshot>) {
    const next = { ...this.#snapshot, ...change };
    if (next.status === this.#snapshot.status && next.gap === this.#snapshot.gap) return;
    this.#snapshot = next;
    for (const l of this.#listeners) l();
  }
}
