import { useEffect, useMemo, useState } from 'react';
import type { StageId, Verbatim } from '../../shared/index.ts';
import { EvidenceApi } from '../api/evidence.ts';
import { showToast } from '../board/editorState.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { Select } from '../ui/Select.tsx';
import { stageChoices } from '../ui/boardChoices.ts';

/** The note a verbatim becomes: the customer's words, and the file and line they came from. */
function verbatimNoteText(v: Verbatim): string {
  const from = [v.source ?? 'import', `line ${v.line}`, v.day, v.channel].filter(Boolean).join(', ');
  return `Customer said: “${v.text}” (${from})`;
}

/** What customers said at a stage (from imported evidence), newest first; each can become a note. */
export function VerbatimsDialog({ onClose, readOnly }: { onClose: () => void; readOnly: boolean }) {
  const session = useSession();
  const board = useBoard();
  const api = useMemo(() => new EvidenceApi(session.boardId, () => session.token), [session]);
  const [stageId, setStageId] = useState<StageId | null>(board.stages[0]?.id ?? null);
  const [verbatims, setVerbatims] = useState<readonly Verbatim[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const lane = board.lanes.find((l) => l.kind === 'thought') ?? board.lanes[0];

  useEffect(() => {
    if (!stageId) return;
    let live = true;
    setVerbatims(null);
    api.verbatims(stageId).then(
      (v) => live && setVerbatims(v),
      (e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, stageId]);

  const makeNote = (v: Verbatim) => {
    if (!lane) return;
    if (session.run('addNote', { stageId: v.stageId, laneId: lane.id, text: verbatimNoteText(v) }))
      showToast(session.editor, `Added a note to ${lane.name}.`);
  };
  return (
    <Dialog title="What customers said" onClose={onClose} className="verbatims">
      <label className="verbatims-stage">
        Stage
        <Select value={stageId} onValue={setStageId} choices={stageChoices(board)} />
      </label>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {verbatims === null ? (
        <p className="muted small">Loading…</p>
      ) : verbatims.length === 0 ? (
        <p className="muted small">No verbatims for this stage yet: import a survey or support export.</p>
      ) : (
        <ul className="verbatim-list" data-testid="verbatims">
          {verbatims.map((v) => (
            <li key={v.id}>
              <blockquote>{v.text}</blockquote>
              <p className="muted small">
                {v.score !== null && `${v.metric} ${v.score} · `}
                {v.day}
                {v.channel && ` · ${v.channel}`}
                {v.touchpoint && ` · ${v.touchpoint}`} · {v.source ?? 'import'}, line {v.line}
              </p>
              {!readOnly && lane && (
                <button type="button" className="btn ghost small" onClick={() => makeNote(v)}>
                  Make a note
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
