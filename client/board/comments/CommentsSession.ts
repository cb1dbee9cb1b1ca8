import {
  CommentsModel,
  type CommentsCommandInput,
  type CommentsCommandName,
  type CommentsCommandResult,
  type ReadState,
  type ThreadId,
  type ThreadTarget,
} from '../../../shared/comments/index.ts';
import { CommandError } from '../../../shared/model/errors.ts';
import { canWrite, type Role } from '../../../shared/protocol/roles.ts';
import { parseVisitInfo, THREAD_READ, VISIT, type VisitInfo } from '../../../shared/protocol/visits.ts';
import type { Identity } from '../../identity/identity.ts';
import { connectComments, type CommentsConnection } from '../../sync/connectComments.ts';
import { Store } from '../store.ts';

/** This person's comments view: never synced. */
export interface CommentsUiState {
  /** The thread popover: what it is about, and a thread to scroll to. */
  readonly popover: { readonly target: ThreadTarget; readonly threadId: ThreadId | null } | null;
  readonly panelOpen: boolean;
  readonly filter: 'open' | 'resolved' | 'mine' | 'mentions';
  /** A note pulsing after "show me where" (panel or summary), until the next click. */
  readonly highlight: string | null;
  /** From the server on arrival: last visit, thread reads, notes changed since. */
  readonly visit: VisitInfo | null;
  /** Threads opened in this session, merged into the server's reads (thread → when). */
  readonly readsHere: Readonly<Record<string, number>>;
  /** The "since you were last here" card is shown (once per arrival, until closed). */
  readonly summaryOpen: boolean;
  /** Why I cannot comment (viewer role, refused), or null. */
  readonly readOnlyReason: string | null;
}

/**
 * The comments part of an open board: its own connection and model, this person's
 * read state, and the popover/panel state. BoardSession owns one; React reads it through
 * client/board/comments/hooks.ts.
 */
export class CommentsSession {
  readonly connection: CommentsConnection;
  readonly model: CommentsModel;
  readonly ui = new Store<CommentsUiState>({
    popover: null,
    panelOpen: false,
    filter: 'open',
    highlight: null,
    visit: null,
    readsHere: {},
    summaryOpen: false,
    readOnlyReason: null,
  });
  private me: Identity;
  private role: Role | null = null;
  private readonly offs: (() => void)[] = [];
  private readonly showError: (message: string) => void;

  constructor(
    boardId: string,
    me: Identity,
    token: string | null,
    credential: string | null,
    showError: (message: string) => void,
  ) {
    this.me = me;
    this.showError = showError;
    this.connection = connectComments(boardId, token ?? undefined, credential);
    this.model = new CommentsModel(this.connection.doc, me);
    this.offs.push(
      this.connection.onConnected(() => this.announce()),
      this.connection.onMessage((m) => {
        const info = parseVisitInfo(m);
        // The first answer describes this arrival; after a reconnect only the reads are news
        // (the summary stays about the time before this session, not about a network blip).
        if (info)
          this.ui.update((s) =>
            s.visit
              ? { visit: { ...s.visit, reads: { ...s.visit.reads, ...info.reads } } }
              : { visit: info, summaryOpen: info.previousSeenAt !== null },
          );
      }),
      this.connection.onNotice((n) => showError(n.message)),
    );
  }

  get identity(): Identity {
    return this.me;
  }

  setIdentity(me: Identity): void {
    const changed = me.name !== this.me.name || me.department !== this.me.department;
    this.me = me;
    this.model.actor = me;
    if (changed && this.connection.connected()) this.announce();
  }

  setRole(role: Role | null): void {
    this.role = role;
    this.updateReadOnly();
  }

  /** Runs a comments command; a refusal becomes a message, never an exception in a handler. */
  run<N extends CommentsCommandName>(name: N, input: CommentsCommandInput<N>): CommentsCommandResult<N> | undefined {
    this.updateReadOnly();
    try {
      return this.model.run(name, input);
    } catch (e) {
      if (e instanceof CommandError) {
        this.showError(e.message);
        return undefined;
      }
      throw e;
    }
  }

  /** Runs a command; true when it was applied (commands that return nothing included). */
  attempt<N extends CommentsCommandName>(name: N, input: CommentsCommandInput<N>): boolean {
    let ok = false;
    this.updateReadOnly();
    try {
      this.model.run(name, input);
      ok = true;
    } catch (e) {
      if (!(e instanceof CommandError)) throw e;
      this.showError(e.message);
    }
    return ok;
  }

  /** What I have read: the server's reads merged with this session's. */
  reads(): ReadState {
    const { visit, readsHere } = this.ui.get();
    return { baseline: visit?.firstSeenAt ?? Date.now(), threads: { ...(visit?.reads ?? {}), ...readsHere } };
  }

  markRead(threadId: ThreadId): void {
    const now = Date.now();
    this.ui.update((s) => ({ readsHere: { ...s.readsHere, [threadId]: now } }));
    this.connection.send({ type: THREAD_READ, threadId } as { type: string });
  }

  openPopover(target: ThreadTarget, threadId: ThreadId | null = null): void {
    this.ui.update({ popover: { target, threadId } });
  }

  closePopover(): void {
    this.ui.update({ popover: null });
  }

  destroy(): void {
    this.offs.forEach((off) => off());
    this.model.destroy();
    this.connection.destroy();
  }

  private announce(): void {
    const { id, name, department } = this.me;
    this.connection.send({ type: VISIT, person: { id, name, department } } as { type: string });
  }

  private updateReadOnly(): void {
    const refusal = this.connection.refusal();
    const reason =
      refusal ??
      (this.role && !canWrite(this.role, 'comments')
        ? 'You joined with a view-only link: you can read comments, but not write them.'
        : null);
    this.model.readOnlyReason = reason;
    this.ui.update({ readOnlyReason: reason });
  }
}
