import {
  finishedNoteText,
  newDraftId,
  parsePrivateWritingServerMessage,
  PRIVATE,
  type Draft,
  type DraftId,
  type LaneId,
  type NoteKind,
  type PhaseInfo,
  type PhaseSettingsInput,
  type PrivateWritingClientType,
  type PrivateWritingServerMessage,
  type StageId,
  type WriterCount,
} from '../../../shared/index.ts';
import { showToast } from '../editorState.ts';
import { Store } from '../store.ts';
import { HeldByServer, type HeldSessionDeps } from '../reveal/HeldByServer.ts';

export interface DraftDrag {
  readonly id: DraftId;
  readonly offset: { readonly x: number; readonly y: number };
  readonly target: { readonly stageId: StageId; readonly laneId: LaneId } | null;
}

export interface PrivateWritingState {
  /** The open phase, or null. */
  readonly phase: PhaseInfo | null;
  /** Whether I may write drafts now (the server's word), and why not. */
  readonly canWrite: boolean;
  readonly why: string | null;
  /** My own drafts (only I have them), oldest placement first. */
  readonly drafts: readonly Draft[];
  /** How many drafts each person has: all anyone learns of the others. */
  readonly writers: readonly WriterCount[];
  readonly selected: DraftId | null;
  readonly editing: DraftId | null;
  readonly drag: DraftDrag | null;
  readonly lastRefusal: { readonly code: string; readonly message: string } | null;
}

const SEND_TEXT_AFTER_MS = 400;

/**
 * The client side of private writing (shared/protocol/privateWriting.ts): during a phase, the
 * notes I add are drafts kept by the server and shown only to me (every tab of mine). Changes are
 * applied here at once and confirmed by the server's echo; a refusal says why and re-reads my
 * drafts from the server. Says hello on every (re)connection, so a reload gets the drafts back.
 * Never writes the document: the reveal does, on the server.
 */
export class PrivateWritingSession {
  readonly state = new Store<PrivateWritingState>({
    phase: null,
    canWrite: false,
    why: null,
    drafts: [],
    writers: [],
    selected: null,
    editing: null,
    drag: null,
    lastRefusal: null,
  });
  private readonly deps: HeldSessionDeps;
  /** Hello on every (re)connection, sending, and the offline refusal (client/board/reveal/). */
  private readonly channel: HeldByServer<PrivateWritingClientType>;
  private seq = 0;
  private readonly textTimers = new Map<DraftId, ReturnType<typeof setTimeout>>();
  private clockOffset = 0;

  constructor(deps: HeldSessionDeps) {
    this.deps = deps;
    this.channel = new HeldByServer({
      ...deps,
      hello: PRIVATE.hello,
      // Drafts are kept by the server alone: offline, there is nowhere private to put them.
      offlineMessage: 'You are offline: private notes are kept by the server, so wait until you are back online.',
      receive: (m) => this.receive(parsePrivateWritingServerMessage(m)),
    });
  }

  /** True while a phase is open: new notes go here (as drafts), never into the document. */
  interceptsNewNotes(): boolean {
    return this.state.get().phase !== null;
  }

  start(settings: PhaseSettingsInput): void {
    this.channel.send({ type: PRIVATE.start, settings });
  }

  reveal(): void {
    const phase = this.state.get().phase;
    if (phase) this.channel.send({ type: PRIVATE.reveal, phaseId: phase.id });
  }

  cancel(): void {
    const phase = this.state.get().phase;
    if (phase) this.channel.send({ type: PRIVATE.cancel, phaseId: phase.id });
  }

  /** A new private note in a cell, opened for writing at once. */
  addDraft(stageId: StageId, laneId: LaneId, kind?: NoteKind, text = '', { edit = true } = {}): DraftId | null {
    const { canWrite, why } = this.state.get();
    if (!canWrite) {
      showToast(this.deps.editor, why ?? 'You cannot write notes now.', 'error');
      return null;
    }
    if (this.channel.offline()) return null;
    const id = newDraftId();
    const now = Date.now() + this.clockOffset;
    const draft: Draft = {
      id,
      stageId,
      laneId,
      kind: kind ?? null,
      text,
      placedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    this.state.update((s) => ({
      drafts: [...s.drafts, draft],
      selected: edit ? id : s.selected,
      editing: edit ? id : s.editing,
    }));
    this.deps.editor.update({ selection: new Set(), editing: null, header: null });
    this.channel.send({
      type: PRIVATE.add,
      id,
      stageId,
      laneId,
      ...(kind ? { kind } : {}),
      text,
      requestId: this.requestId(),
    });
    return id;
  }

  /** Typing: shown at once, sent after a short pause (and when the editor closes). */
  editText(id: DraftId, text: string): void {
    this.patch(id, { text });
    const pending = this.textTimers.get(id);
    if (pending) clearTimeout(pending);
    this.textTimers.set(
      id,
      setTimeout(() => this.flushText(id), SEND_TEXT_AFTER_MS),
    );
  }

  flushText(id: DraftId): void {
    const pending = this.textTimers.get(id);
    if (pending) clearTimeout(pending);
    this.textTimers.delete(id);
    const draft = this.draft(id);
    if (draft) this.channel.send({ type: PRIVATE.update, id, text: draft.text, requestId: this.requestId() });
  }

  moveDraft(id: DraftId, stageId: StageId, laneId: LaneId): void {
    const draft = this.draft(id);
    if (!draft || (draft.stageId === stageId && draft.laneId === laneId) || this.channel.offline()) return;
    this.patch(id, { stageId, laneId, placedAt: Date.now() + this.clockOffset });
    this.channel.send({ type: PRIVATE.update, id, stageId, laneId, requestId: this.requestId() });
  }

  deleteDraft(id: DraftId): void {
    if (this.channel.offline()) return;
    this.state.update((s) => ({
      drafts: s.drafts.filter((d) => d.id !== id),
      selected: s.selected === id ? null : s.selected,
      editing: s.editing === id ? null : s.editing,
    }));
    this.channel.send({ type: PRIVATE.remove, id, requestId: this.requestId() });
  }

  select(id: DraftId | null): void {
    this.state.update({ selected: id, editing: null });
    if (id) this.deps.editor.update({ selection: new Set(), editing: null, header: null });
  }

  startEditing(id: DraftId): void {
    this.state.update({ selected: id, editing: id });
    this.deps.editor.update({ selection: new Set(), editing: null, header: null });
  }

  stopEditing(): void {
    const editing = this.state.get().editing;
    const text = editing ? this.draft(editing)?.text : undefined;
    if (editing && text !== undefined && finishedNoteText(text) !== text)
      this.patch(editing, { text: finishedNoteText(text) });
    if (editing) this.flushText(editing);
    this.state.update({ editing: null });
  }

  destroy(): void {
    for (const t of this.textTimers.values()) clearTimeout(t);
    this.channel.destroy();
  }

  private draft(id: DraftId): Draft | undefined {
    return this.state.get().drafts.find((d) => d.id === id);
  }

  private patch(id: DraftId, change: Partial<Draft>): void {
    this.state.update((s) => ({ drafts: sortDrafts(s.drafts.map((d) => (d.id === id ? { ...d, ...change } : d))) }));
  }

  private requestId(): string {
    return `p${++this.seq}`;
  }

  private receive(message: PrivateWritingServerMessage | null): void {
    if (!message) return;
    switch (message.type) {
      case PRIVATE.state: {
        this.clockOffset = message.now - Date.now();
        const editing = this.state.get().editing;
        const local = editing ? this.draft(editing) : undefined;
        // Keep what I am typing: the server's copy may be a keystroke behind.
        const drafts = message.drafts.map((d) => (local && d.id === local.id ? { ...d, text: local.text } : d));
        this.state.update((s) => ({
          phase: message.phase,
          canWrite: message.canWrite,
          why: message.why,
          drafts: sortDrafts(drafts),
          writers: message.writers,
          selected: drafts.some((d) => d.id === s.selected) ? s.selected : null,
          editing: drafts.some((d) => d.id === s.editing) ? s.editing : null,
          drag: null,
        }));
        if (message.phase) this.deps.presence.setCursor(null);
        const event = message.event;
        if (event?.kind === 'opened')
          showToast(
            this.deps.editor,
            message.canWrite
              ? 'Private writing: the notes you add now are visible only to you until the facilitator reveals them.'
              : 'Private writing has started: notes appear when the facilitator reveals them.',
          );
        if (event?.kind === 'revealed')
          showToast(
            this.deps.editor,
            `Private notes revealed: ${event.notes} ${event.notes === 1 ? 'note' : 'notes'} added to the board.`,
          );
        if (event?.kind === 'cancelled')
          showToast(
            this.deps.editor,
            message.drafts.length > 0
              ? `Private writing was cancelled. Your ${message.drafts.length} private ${message.drafts.length === 1 ? 'note stays' : 'notes stay'} yours until the next reveal.`
              : 'Private writing was cancelled.',
          );
        return;
      }
      case PRIVATE.draft: {
        const editing = this.state.get().editing === message.draft.id || this.textTimers.has(message.draft.id);
        const local = this.draft(message.draft.id);
        const draft = editing && local ? { ...message.draft, text: local.text } : message.draft;
        this.state.update((s) => ({ drafts: sortDrafts([...s.drafts.filter((d) => d.id !== draft.id), draft]) }));
        return;
      }
      case PRIVATE.removed:
        this.state.update((s) => ({
          drafts: s.drafts.filter((d) => d.id !== message.id),
          selected: s.selected === message.id ? null : s.selected,
          editing: s.editing === message.id ? null : s.editing,
        }));
        return;
      case PRIVATE.writers:
        this.state.update({ writers: message.writers });
        return;
      case PRIVATE.refused:
        this.state.update({ lastRefusal: { code: message.code, message: message.message } });
        showToast(this.deps.editor, message.message, 'error');
        // My optimistic change did not happen: read my drafts again from the server.
        if (message.draftId) this.channel.hello();
        return;
    }
  }
}

function sortDrafts(drafts: readonly Draft[]): Draft[] {
  return [...drafts].sort((a, b) => a.placedAt - b.placedAt || a.id.localeCompare(b.id));
}
