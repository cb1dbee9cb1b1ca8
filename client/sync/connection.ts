/** What the status pill shows. 'refused' is final: the server said no (unknown board, bad link). */
export type ConnectionState =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'connected'; readonly saving: boolean }
  | { readonly kind: 'reconnecting'; readonly pending: boolean }
  | { readonly kind: 'offline'; readonly pending: boolean }
  | { readonly kind: 'refused'; readonly reason: string };

/** A tiny external store for useSyncExternalStore. */
export class ConnectionStore {
  private state: ConnectionState = { kind: 'connecting' };
  private readonly listeners = new Set<() => void>();

  get = (): ConnectionState => this.state;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  set(next: ConnectionState): void {
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    this.state = next;
    for (const l of this.listeners) l();
  }
}
