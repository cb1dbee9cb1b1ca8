import { useRef } from 'react';
import { NOTE_KIND_STYLE, draftCell, type NoteKind } from '../../../shared/index.ts';
import { useBoard, useEditor, useSession } from '../../board/hooks.ts';
import { usePrivateWriting } from '../../board/privateWriting/hooks.ts';
import { StrokeIcon } from '../StrokeIcon.tsx';
import { noteTextareaKeys, noteTextareaProps, useFocusAtEnd } from '../noteTextarea.ts';
import { screenRect } from '../overlayPosition.ts';
import { OverBoard } from '../OverBoard.tsx';

/**
 * Over my selected private draft: a textarea while I write it (sent to the server after a pause
 * and when I leave it), otherwise a small bar with Edit and Delete that says who can see it.
 */
export function DraftOverlay() {
  const session = useSession();
  const board = useBoard();
  const camera = useEditor((s) => s.camera);
  const selected = usePrivateWriting((s) => s.selected);
  const editing = usePrivateWriting((s) => s.editing);
  const draft = usePrivateWriting((s) => s.drafts.find((d) => d.id === (s.editing ?? s.selected)));
  const drag = usePrivateWriting((s) => s.drag);
  const ref = useRef<HTMLTextAreaElement>(null);
  useFocusAtEnd(ref, editing);
  const rect = draft ? session.layouts.layoutFor(board).drafts.get(draft.id) : undefined;
  if (!draft || !rect || drag) return null;
  const r = screenRect(camera, rect);
  const s = camera.scale;
  const lane = board.lanes.find((l) => l.id === draftCell(board, draft)?.laneId);
  const kind: NoteKind = draft.kind ?? lane?.kind ?? 'touchpoint';
  const pw = session.privateWriting;
  if (editing === draft.id) {
    return (
      <textarea
        ref={ref}
        className="note-editor draft-editor"
        data-testid="draft-editor"
        aria-label="Private note text (only you can see it)"
        value={draft.text}
        placeholder="Only you can see this until the reveal…"
        {...noteTextareaProps(r, s, NOTE_KIND_STYLE[kind].colour)}
        onChange={(e) => pw.editText(draft.id, e.target.value)}
        onBlur={() => pw.stopEditing()}
        onKeyDown={noteTextareaKeys(() => pw.stopEditing())}
      />
    );
  }
  if (selected !== draft.id) return null;
  return (
    <OverBoard
      className="draft-toolbar"
      role="toolbar"
      aria-label="Private note"
      data-testid="draft-toolbar"
      style={{ left: r.x, top: Math.max(4, r.y - 42) }}
    >
      <span
        className="draft-private"
        title="Private writing: nobody else sees this note until the facilitator reveals the notes"
      >
        <LockSmall /> Only you can see this
      </span>
      <button type="button" className="btn ghost" onClick={() => pw.startEditing(draft.id)} data-testid="draft-edit">
        Edit
      </button>
      <button
        type="button"
        className="btn ghost draft-delete"
        onClick={() => pw.deleteDraft(draft.id)}
        data-testid="draft-delete"
      >
        Delete
      </button>
    </OverBoard>
  );
}

export function LockSmall() {
  return (
    <StrokeIcon size={12} strokeWidth={1.8}>
      <rect x="3" y="7" width="10" height="7" rx="1.6" fill="currentColor" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </StrokeIcon>
  );
}
