import { z } from 'zod';
import {
  clipboardNoteSchema,
  finishedNoteText,
  isLeftEmpty,
  LIMITS,
  textToNoteTexts,
  pasteCellFor,
  type ClipboardNote,
  type LaneId,
  type NoteId,
  type NoteKind,
  type StageId,
} from '../../shared/index.ts';
import { toBoard } from '../geometry/camera.ts';
import type { BoardSession } from './BoardSession.ts';
import { toolbarAddCell } from './addTarget.ts';
import { revealNote } from './cameraActions.ts';
import { EMPTY_SELECTION, showToast } from './editorState.ts';

export function select(session: BoardSession, ids: Iterable<NoteId>): void {
  const next = new Set(ids);
  session.editor.update({ selection: next.size ? next : EMPTY_SELECTION, header: null, connector: null });
}

export function startEditing(session: BoardSession, id: NoteId): void {
  if (session.model.readOnlyReason) return;
  select(session, [id]);
  session.editor.update({ editing: id });
  revealNote(session, id);
}

/**
 * Closes the note editor: trailing line breaks go (finishedNoteText), and a note its author leaves
 * empty is removed in the same undo step as its adding (shared discardEmptyNote), so stray
 * double-clicks and rapid adds leave nothing behind.
 */
export function finishEditing(session: BoardSession): void {
  const { editing } = session.editor.get();
  if (editing && !session.model.readOnlyReason) {
    const note = session.model.source.getSnapshot().notesById.get(editing);
    const finished = note && finishedNoteText(note.text);
    if (note && finished !== note.text) session.run('editNoteText', { noteId: editing, text: finished! });
    if (note && isLeftEmpty(note, session.model.actor.id)) {
      session.run('discardEmptyNote', { noteId: editing });
      const { selection } = session.editor.get();
      if (selection.has(editing))
        select(
          session,
          [...selection].filter((id) => id !== editing),
        );
    }
  }
  session.model.endStep();
  if (editing) session.editor.update({ editing: null });
}

export function addNoteInCell(
  session: BoardSession,
  stageId: StageId,
  laneId: LaneId,
  kind?: NoteKind,
): NoteId | undefined {
  // The note being written (or left empty) is done before the next one starts.
  finishEditing(session);
  // Private writing: a new note is my draft, kept by the server, never written into the document.
  if (session.privateWriting.interceptsNewNotes()) {
    session.privateWriting.addDraft(stageId, laneId, kind);
    return undefined;
  }
  const id = session.run('addNote', { stageId, laneId, kind });
  if (id) startEditing(session, id);
  return id;
}

/**
 * Toolbar "add": a note of that kind in the selected note's cell, else the last clicked cell, else
 * the stage in the middle of the view (toolbarAddCell picks the lane).
 */
export function addNoteOfKind(session: BoardSession, kind: NoteKind): NoteId | undefined {
  const board = session.model.source.getSnapshot();
  const layout = session.layouts.layoutFor(board);
  const { selection, camera, viewport, lastCell } = session.editor.get();
  const selected = [...selection].map((id) => board.notesById.get(id)).find(Boolean);
  const centre = toBoard(camera, { x: viewport.width / 2, y: viewport.height / 2 });
  const centreStage =
    layout.stages.find((s) => centre.x >= s.x && centre.x < s.x + s.width) ??
    (centre.x < (layout.stages[0]?.x ?? 0) ? layout.stages[0] : layout.stages.at(-1));
  const cell = toolbarAddCell(board, kind, selected?.position ?? lastCell, centreStage?.id ?? null);
  return cell ? addNoteInCell(session, cell.stageId, cell.laneId, kind) : undefined;
}

export function deleteSelection(session: BoardSession): void {
  const ids = [...session.editor.get().selection];
  if (ids.length && session.run('deleteNotes', { noteIds: ids }) !== undefined) select(session, []);
}

export function duplicateSelection(session: BoardSession): void {
  const ids = [...session.editor.get().selection];
  if (!ids.length) return;
  if (session.privateWriting.interceptsNewNotes()) {
    const board = session.model.source.getSnapshot();
    addDrafts(
      session,
      ids
        .map((id) => board.notesById.get(id))
        .flatMap((n) => (n ? [{ ...n.position, kind: n.kind, text: n.text }] : [])),
    );
    return;
  }
  const copies = session.run('duplicateNotes', { noteIds: ids });
  if (copies) select(session, copies);
}

const clipboardSchema = z.object({ journeyboard: z.literal(1), notes: z.array(z.unknown()) });

/** The selection as clipboard text: JSON our paste understands, readable anywhere else. */
export function copySelection(session: BoardSession): string | null {
  const board = session.model.source.getSnapshot();
  const notes: ClipboardNote[] = [...session.editor.get().selection]
    .map((id) => board.notesById.get(id))
    .filter((n) => n !== undefined)
    .map((n) => ({
      ...n.position,
      kind: n.kind,
      text: n.text,
      colour: n.colour,
      sentiment: n.sentiment,
      department: n.department,
    }));
  return notes.length ? JSON.stringify({ journeyboard: 1, notes }) : null;
}

export function pasteClipboard(session: BoardSession, text: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  const data = clipboardSchema.safeParse(parsed);
  if (!data.success) return false;
  if (session.privateWriting.interceptsNewNotes()) {
    const notes = z.array(clipboardNoteSchema).safeParse(data.data.notes);
    if (!notes.success) return false;
    addDrafts(session, notes.data);
    return true;
  }
  const ids = session.run('pasteNotes', { notes: data.data.notes as ClipboardNote[] });
  if (ids) select(session, ids);
  return true;
}

/**
 * Private writing: notes pasted or duplicated while a phase is open are my drafts, like any new
 * note, in the cells a paste would put them in. Their text and kind go along; a draft has no
 * colour or sentiment of its own until the reveal.
 */
function addDrafts(
  session: BoardSession,
  notes: readonly Pick<ClipboardNote, 'stageId' | 'laneId' | 'kind' | 'text'>[],
): void {
  const board = session.model.source.getSnapshot();
  for (const n of notes) {
    const cell = pasteCellFor(board, n);
    // Refused (not allowed to write now, offline, over the limit): addDraft has said why.
    if (!cell || session.privateWriting.addDraft(cell.stageId, cell.laneId, n.kind, n.text, { edit: false }) === null)
      return;
  }
}

/** More lines than this are shown before they become notes. */
const PASTE_PREVIEW_OVER = 10;

/**
 * Plain text pasted onto the board (not into a note): one note per line in the selected note's
 * cell or the last clicked cell; more than PASTE_PREVIEW_OVER lines wait for a preview. When it
 * cannot, it says why instead of doing nothing.
 */
export function pastePlainText(session: BoardSession, text: string): void {
  const why = session.model.readOnlyReason;
  if (why) {
    showToast(session.editor, why, 'error');
    return;
  }
  const texts = textToNoteTexts(text, LIMITS.noteTextLength);
  if (texts.length === 0) return;
  const board = session.model.source.getSnapshot();
  const { selection, lastCell } = session.editor.get();
  const selected = [...selection].map((id) => board.notesById.get(id)).find(Boolean);
  const picked = selected?.position ?? lastCell;
  const cell =
    picked && board.stages.some((s) => s.id === picked.stageId) && board.lanes.some((l) => l.id === picked.laneId)
      ? picked
      : null;
  if (!cell) {
    showToast(session.editor, 'Click a cell first, then paste: each line of the text becomes a note there.');
    return;
  }
  const target = { stageId: cell.stageId, laneId: cell.laneId };
  if (texts.length > PASTE_PREVIEW_OVER) session.editor.update({ pastePreview: { ...target, texts } });
  else addPastedTexts(session, target, texts);
}

/** Writes pasted lines as notes of the cell's lane kind (or as my drafts during private writing). */
export function addPastedTexts(
  session: BoardSession,
  cell: { stageId: StageId; laneId: LaneId },
  texts: readonly string[],
): void {
  const board = session.model.source.getSnapshot();
  const kind = board.lanes.find((l) => l.id === cell.laneId)?.kind ?? 'touchpoint';
  if (session.privateWriting.interceptsNewNotes()) {
    addDrafts(
      session,
      texts.map((t) => ({ ...cell, kind, text: t })),
    );
    return;
  }
  const department = session.model.actor.department;
  const notes = texts.map((t) => ({
    ...cell,
    kind,
    text: t,
    colour: null,
    sentiment: kind === 'emotion' ? 0 : null,
    department,
  }));
  const ids = session.run('pasteNotes', { notes, target: cell });
  if (ids) select(session, ids);
}
