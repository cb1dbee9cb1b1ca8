import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { addPastedTexts } from '../board/noteActions.ts';
import { Dialog } from './Dialog.tsx';

/** How many of the pasted lines the preview lists before "and N more". */
const SHOWN = 12;

/** Before a long paste becomes notes: how many, where, and the first lines. */
export function PastePreviewDialog() {
  const session = useSession();
  const board = useBoard();
  const preview = useEditor((s) => s.pastePreview);
  if (!preview) return null;
  const stage = board.stages.find((s) => s.id === preview.stageId)?.name ?? 'this stage';
  const lane = board.lanes.find((l) => l.id === preview.laneId)?.name ?? 'this lane';
  const close = () => session.editor.update({ pastePreview: null });
  const paste = () => {
    close();
    addPastedTexts(session, preview, preview.texts);
  };
  const more = preview.texts.length - SHOWN;
  return (
    <Dialog title={`Paste ${preview.texts.length} notes?`} onClose={close}>
      <p className="muted">
        One note per line, into {stage} · {lane}.
      </p>
      <ol className="paste-preview" data-testid="paste-preview">
        {preview.texts.slice(0, SHOWN).map((t, i) => (
          <li key={i} dir="auto">
            {t}
          </li>
        ))}
      </ol>
      {more > 0 && <p className="muted small">…and {more} more.</p>}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={close}>
          Cancel
        </button>
        <button type="button" className="btn primary" onClick={paste} autoFocus>
          Paste {preview.texts.length} notes
        </button>
      </div>
    </Dialog>
  );
}
