/**
 * What the status pill shows. 'refused' is final: the server said no (unknown board, bad link).
 * `pending` counts the records (notes, stages, lanes, the title) changed here and not yet
 * acknowledged by the server; `savingDelayed` means the server has them but cannot write to its
 * database right now (it keeps them in memory and retries).
 */
export type ConnectionState =
  | { readonly kind: 'connecting'; readonly pending: number }
  | { readonly kind: 'connected'; readonly saving: boolean; readonly savingDelayed: boolean }
  | { readonly kind: 'reconnecting'; readonly pending: number }
  | { readonly kind: 'offline'; readonly pending: number }
  /** `revoked`: the facilitator took this person's or this link's access away. */
  | { readonly kind: 'refused'; readonly reason: string; readonly revoked?: boolean };

/** A tiny external store for useSyncExternalStore. */
export class ConnectionStore {
  private state: ConnectionState = { kind: 'connecting', pending: 0 };
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
