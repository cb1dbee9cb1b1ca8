import type { Identity } from '../../identity/identity.ts';
import type { BoardConnection } from '../../sync/connectBoard.ts';
import { showToast, type EditorState } from '../editorState.ts';
import type { Store } from '../store.ts';

/** What a held feature's session (VotingSession, PrivateWritingSession) gets from BoardSession. */
export interface HeldSessionDeps {
  readonly connection: BoardConnection;
  /** My presence: the feature withdraws my cursor while its secret is being made (it shows where I click). */
  readonly presence: { setCursor(p: null): void };
  readonly identity: Store<{ me: Identity }>;
  readonly editor: Store<EditorState>;
}

export interface HeldByServerOptions<ClientType extends string> {
  readonly connection: Pick<BoardConnection, 'status' | 'onMessage' | 'send'>;
  readonly identity: Store<{ me: Identity }>;
  readonly editor: Store<EditorState>;
  /** The feature's hello message type (`voting:hello`, `private:hello`). */
  readonly hello: ClientType;
  /** The toast when an action needs the server and the connection is down. */
  readonly offlineMessage: string;
  /** Every JSON message from the server (the feature parses its own and ignores the rest). */
  readonly receive: (message: unknown) => void;
}

/**
 * The client side every feature shares whose state the server holds until a reveal (voting,
 * private writing): it speaks the feature's messages over the board connection's JSON channel,
 * says hello on every (re)connection and whenever my name or department changes (so a
 * reconnecting or reloading person gets their ballot or drafts back), and refuses actions while
 * offline, since only the server can keep them.
 */
export class HeldByServer<ClientType extends string> {
  private readonly options: HeldByServerOptions<ClientType>;
  private readonly offs: (() => void)[] = [];
  private wasConnected = false;

  constructor(options: HeldByServerOptions<ClientType>) {
    this.options = options;
    const { connection, identity } = options;
    this.offs.push(connection.onMessage((m) => options.receive(m)));
    const onStatus = () => {
      const connected = connection.status.get().kind === 'connected';
      if (connected && !this.wasConnected) this.hello();
      this.wasConnected = connected;
    };
    this.offs.push(connection.status.subscribe(onStatus));
    this.offs.push(identity.subscribe(() => this.wasConnected && this.hello()));
    onStatus();
  }

  send(message: { readonly type: ClientType } & Record<string, unknown>): void {
    this.options.connection.send(message);
  }

  /** Tells the server who I am: it re-sends what it holds for me. */
  hello(): void {
    const { id, name, department } = this.options.identity.get().me;
    this.send({ type: this.options.hello, person: { id, name, department } });
  }

  /** True (after a toast that says why) when the connection is down. */
  offline(): boolean {
    if (this.options.connection.status.get().kind === 'connected') return false;
    showToast(this.options.editor, this.options.offlineMessage, 'error');
    return true;
  }

  destroy(): void {
    for (const off of this.offs.splice(0)) off();
  }
}
