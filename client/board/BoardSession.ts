import {
  BoardModel,
  CommandError,
  readMeta,
  schemaCompatibility,
  type CommandInput,
  type CommandName,
  type CommandResult,
} from '../../shared/index.ts';
import type { Identity } from '../identity/identity.ts';
import { connectBoard, type BoardConnection } from '../sync/connectBoard.ts';
import { PresenceStore } from '../sync/presenceStore.ts';
import { createEditorStore, showToast, type EditorState } from './editorState.ts';
import { Store } from './store.ts';

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

  constructor(boardId: string, me: Identity) {
    this.boardId = boardId;
    this.identity = new Store({ me });
    this.connection = connectBoard(boardId);
    this.model = new BoardModel(this.connection.doc, me);
    this.presence = new PresenceStore(this.connection.awareness!, {
      user: { id: me.id, name: me.name, colour: me.colour, department: me.department },
      cursor: null,
      selection: [],
      editing: null,
    });
    this.editor = createEditorStore();
    this.model.source.subscribe(this.checkSchema);
    this.model.source.subscribe(this.pruneSelection);
    this.editor.subscribe(this.sharePresence);
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
  }

  destroy(): void {
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
    const newer = schemaCompatibility(readMeta(this.model.doc).schemaVersion) === 'newer-doc';
    if (newer) this.model.readOnlyReason = 'This board was saved by a newer version of Journeyboard. Reload the page to keep editing.';
    this.flags.update({ newerSchema: newer });
  };
}
