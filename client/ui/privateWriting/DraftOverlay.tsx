import { useEffect, useRef } from 'react';
import { LIMITS, NOTE_KIND_STYLE, draftCell, type NoteKind } from '../../../shared/index.ts';
import { useBoard, useEditor, useSession } from '../../board/hooks.ts';
import { usePrivateWriting } from '../../board/privateWriting/hooks.ts';
import { noteEditorKey } from '../noteEditorKeys.ts';
import { screenRect } from '../overlayPosition.ts';

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
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus each time another draft is edited
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, [editing]);
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
        dir="auto"
        maxLength={LIMITS.noteTextLength}
        value={draft.text}
        placeholder="Only you can see this until the reveal…"
        style={{
          left: r.x,
          top: r.y,
          width: r.width,
          height: r.height,
          fontSize: 13.5 * s,
          padding: `${28 * s}px ${12 * s}px ${26 * s}px`,
          borderRadius: 8 * s,
          background: NOTE_KIND_STYLE[kind].colour,
        }}
        onChange={(e) => pw.editText(draft.id, e.target.value)}
        onBlur={() => pw.stopEditing()}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (
            noteEditorKey({ key: e.key, shiftKey: e.shiftKey, isComposing: e.nativeEvent.isComposing }) === 'finish'
          ) {
            e.preventDefault();
            pw.stopEditing();
          }
        }}
      />
    );
  }
  if (selected !== draft.id) return null;
  return (
    <div
      className="draft-toolbar"
      role="toolbar"
      aria-label="Private note"
      data-testid="draft-toolbar"
      style={{ left: r.x, top: Math.max(4, r.y - 42) }}
      onPointerDown={(e) => e.stopPropagation()}
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
    </div>
  );
}

export function LockSmall() {
  return (
    <svg
      width={12}
      height={12}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      aria-hidden
    >
      <rect x="3" y="7" width="10" height="7" rx="1.6" fill="currentColor" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}
