import {
  BoardModel,
  CommandError,
  canWrite,
  mustStopEditing,
  type CommandInput,
  type CommandName,
  type CommandResult,
} from '../../shared/index.ts';
import type { Identity } from '../identity/identity.ts';
import { fetchLinks, type BoardLinks } from '../api/boards.ts';
import { ROLE_READ_ONLY_REASON, type AccessState } from './access.ts';
import { saveBoardToken } from '../sync/boardTokens.ts';
import { connectBoard, type BoardConnection } from '../sync/connectBoard.ts';
import { PresenceStore } from '../sync/presenceStore.ts';
import { WorkshopSession } from './workshop/WorkshopSession.ts';
import { MassDeleteNotices } from './massDeleteNotices.ts';
import { BoardPeople } from './boardPeople.ts';
import { createEditorStore, showToast, type EditorState } from './editorState.ts';
import { Store } from './store.ts';
import { VotingSession } from './voting/votingSession.ts';
import { PrivateWritingSession } from './privateWriting/privateWritingSession.ts';
import { BoardLayouts } from './BoardLayouts.ts';
import { CommentsSession } from './comments/CommentsSession.ts';

export interface SessionFlags {
  /** The board was written by a newer Journeyboard: read-only until reload. */
  readonly newerSchema: boolean;
}

/** Everything one open board needs: connection, model, presence and this person's view state. */
export class BoardSession {
  readonly boardId: string;
  readonly connection: BoardConnection;
  readonly model: BoardModel;
  readonly presence: PresenceStore;
  readonly editor: Store<EditorState>;
  readonly flags = new Store<SessionFlags>({ newerSchema: false });
  readonly identity: Store<{ me: Identity }>;
  readonly access = new Store<AccessState>({ role: null, links: {} });
  /** This board's layouts, with my private drafts in them: every reader of where notes are asks here. */
  readonly layouts = new BoardLayouts();
  /** Live-workshop controls: timer, lock, follow-me, hidden cursors. */
  readonly workshop: WorkshopSession;
  /** Secret voting rounds: the open round, my ballot, results shown. */
  readonly voting: VotingSession;
  /** Private writing: my drafts, kept by the server and shown only to me until the reveal. */
  readonly privateWriting: PrivateWritingSession;
  /** The board's comments document and my comments view. */
  readonly comments: CommentsSession;
  /** "Ann removed 40 notes — Restore", for facilitators. */
  readonly massDeletes: MassDeleteNotices;
  /** A facilitator removes people; everyone hears of it. */
  readonly people: BoardPeople;
  /** My share token for this board (sent with the provider and as Bearer on HTTP). */
  token: string | null;

  /** `credential` proves who I am (client/identity/credential.ts); `me.id` is the person it proves. */
  constructor(boardId: string, me: Identity, token: string | null = null, credential: string | null = null) {
    this.boardId = boardId;
    this.token = token;
    this.identity = new Store({ me });
    this.connection = connectBoard(boardId, token ?? undefined, credential, me.name);
    this.model = new BoardModel(this.connection.doc, me);
    this.presence = new PresenceStore(this.connection.awareness!, {
      user: { id: me.id, name: me.name, colour: me.colour, department: me.department },
      cursor: null,
      selection: [],
      editing: null,
    });
    this.editor = createEditorStore();
    this.workshop = new WorkshopSession({
      connection: this.connection,
      presence: this.presence,
      editor: this.editor,
      identity: this.identity,
      access: this.access,
    });
    this.workshop.view.subscribe(() => this.updateReadOnly());
    this.massDeletes = new MassDeleteNotices(boardId, this.connection, () => this.token);
    this.people = new BoardPeople(this.connection, (message, tone) => showToast(this.editor, message, tone));
    this.voting = new VotingSession({
      connection: this.connection,
      identity: this.identity,
      editor: this.editor,
      presence: this.presence,
    });
    this.privateWriting = new PrivateWritingSession({
      connection: this.connection,
      identity: this.identity,
      editor: this.editor,
      presence: this.presence,
    });
    // My drafts take room in their cells (before React redraws: this subscription comes first).
    this.privateWriting.state.subscribe(() => this.layouts.setDrafts(this.privateWriting.state.get().drafts));
    this.comments = new CommentsSession(boardId, me, token, credential, (message) =>
      showToast(this.editor, message, 'error'),
    );
    this.access.subscribe(() => this.comments.setRole(this.access.get().role));
    this.model.source.subscribe(this.checkSchema);
    this.model.source.subscribe(this.pruneSelection);
    this.editor.subscribe(this.sharePresence);
    this.connection.onNotice((notice) => showToast(this.editor, notice.message, 'error'));
    // A final refusal (rotated link, limit) means nothing more will sync: stop editing too.
    this.connection.status.subscribe(() => this.updateReadOnly());
    void this.loadAccess();
  }

  /** Asks the server for my role and my links; the server, not this, is what enforces the role. */
  async loadAccess(): Promise<void> {
    try {
      this.setAccess(await fetchLinks(this.boardId, this.token));
    } catch {
      // A refused token shows as the connection's refusal; nothing more to say here.
    }
  }

  /** After a rotation: the new links; if my own link was rotated, keep going with its token. */
  setAccess(links: BoardLinks): void {
    const own = links.links[links.role];
    const token = own ? new URLSearchParams(own.slice(own.indexOf('#') + 1)).get('token') : null;
    if (token && token !== this.token) {
      this.token = token;
      saveBoardToken(this.boardId, token);
    }
    this.access.update({ role: links.role, links: links.links });
    this.updateReadOnly();
  }

  private newerSchema = false;

  private updateReadOnly(): void {
    const role = this.access.get().role;
    const status = this.connection.status.get();
    this.model.readOnlyReason =
      status.kind === 'refused'
        ? status.reason
        : this.newerSchema
          ? 'This board was saved by a newer version of Journeyboard. Reload the page to keep editing.'
          : role && !canWrite(role, 'board')
            ? (ROLE_READ_ONLY_REASON[role] ?? 'You cannot change this board.')
            : this.workshop.lockReason();
  }

  /** Runs a command; a refusal becomes a toast, never an exception in a React handler. */
  run<N extends CommandName>(name: N, input: CommandInput<N>): CommandResult<N> | undefined {
    try {
      return this.model.run(name, input);
    } catch (e) {
      if (e instanceof CommandError) {
        showToast(this.editor, e.message, 'error');
        return undefined;
      }
      throw e;
    }
  }

  setIdentity(me: Identity): void {
    this.model.actor = me;
    this.identity.update({ me });
    this.presence.setUser({ id: me.id, name: me.name, colour: me.colour, department: me.department });
    this.comments.setIdentity(me);
  }

  destroy(): void {
    this.workshop.destroy();
    this.massDeletes.destroy();
    this.people.destroy();
    this.voting.destroy();
    this.privateWriting.destroy();
    this.comments.destroy();
    this.presence.destroy();
    this.model.destroy();
    this.connection.destroy();
  }

  /** Notes removed by anyone leave my selection and my editor. */
  private readonly pruneSelection = (): void => {
    const { notesById } = this.model.source.getSnapshot();
    const { selection, editing } = this.editor.get();
    const kept = [...selection].filter((id) => notesById.has(id));
    if (kept.length !== selection.size) this.editor.update({ selection: new Set(kept) });
    if (editing && !notesById.has(editing)) this.editor.update({ editing: null });
  };

  private shared: Pick<EditorState, 'selection' | 'editing'> = { selection: new Set(), editing: null };

  private readonly sharePresence = (): void => {
    const { selection, editing } = this.editor.get();
    if (selection !== this.shared.selection) this.presence.setSelection([...selection]);
    if (editing !== this.shared.editing) this.presence.setEditing(editing);
    this.shared = { selection, editing };
  };

  private readonly checkSchema = (): void => {
    const newer = mustStopEditing(this.model.doc);
    if (newer !== this.newerSchema) {
      this.newerSchema = newer;
      this.updateReadOnly();
    }
    this.flags.update({ newerSchema: newer });
  };
}
