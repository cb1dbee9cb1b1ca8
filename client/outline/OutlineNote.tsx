import { useState } from 'react';
import {
  channelOf,
  ACTION_STATUS_LABEL,
  DEPARTMENT_STYLE,
  NOTE_KIND_STYLE,
  SENTIMENT_LABEL,
  type BoardSnapshot,
  type LaneId,
  type Note,
  type StageId,
} from '../../shared/index.ts';
import { useSession } from '../board/hooks.ts';
import { OutlineVote } from '../ui/voting/OutlineVote.tsx';
import { OutlineCommentButton } from '../ui/comments/OutlineCommentButton.tsx';
import { FormActions } from './FormActions.tsx';
import { NoteConnectors } from './OutlineConnectors.tsx';
import { showPathsFrom } from '../board/pathHighlight.ts';

/** One note in the outline: readable as a sentence, with edit, move and delete as plain controls. */
export function OutlineNote({ note, board, readOnly }: { note: Note; board: BoardSnapshot; readOnly: boolean }) {
  const session = useSession();
  const [mode, setMode] = useState<'view' | 'edit' | 'move'>('view');
  const [draft, setDraft] = useState(note.text);
  const [target, setTarget] = useState(`${note.position.stageId}|${note.position.laneId}`);
  const kind = NOTE_KIND_STYLE[note.kind];
  const channel = channelOf(board, note);
  const sentiment = note.kind === 'emotion' && note.sentiment !== null ? SENTIMENT_LABEL[note.sentiment]?.label : null;
  const label = `${kind.label}: ${note.text || 'no text yet'}`;
  return (
    <li className="outline-note" data-note-id={note.id}>
      <article aria-label={label} style={{ ['--kind' as string]: kind.colour }}>
        <p className="outline-note-text">
          <span className="outline-kind" style={{ background: kind.colour }} aria-hidden>
            {kind.icon}
          </span>
          <span className="sr-only">{kind.label}: </span>
          {note.text ? <span dir="auto">{note.text}</span> : <em className="muted">No text yet</em>}
        </p>
        <p className="outline-meta muted">
          {note.authorName} · {DEPARTMENT_STYLE[note.department].label}
          {sentiment && ` · feeling: ${sentiment} (${note.sentiment! > 0 ? '+' : ''}${note.sentiment})`}
          {note.action &&
            ` · action: ${ACTION_STATUS_LABEL[note.action.status]}${note.action.owner ? `, owner ${note.action.owner}` : ''}${note.action.due ? `, due ${note.action.due}` : ''}`}
          {note.personaIds.length > 0 &&
            ` · about ${note.personaIds.map((id) => board.personas.find((p) => p.id === id)?.name ?? 'a removed persona').join(', ')}`}
          {channel && ` · on ${channel.name}`}
        </p>
        <NoteConnectors note={note} board={board} readOnly={readOnly} />
        {mode === 'view' && <OutlineVote note={note} />}
        {!readOnly && mode === 'view' && (
          <div className="outline-actions">
            <button
              type="button"
              className="tb-button"
              onClick={() => {
                setDraft(note.text);
                setMode('edit');
              }}
              aria-label={`Edit “${note.text || kind.label}”`}
            >
              Edit
            </button>
            <button
              type="button"
              className="tb-button"
              onClick={() => setMode('move')}
              aria-label={`Move “${note.text || kind.label}”`}
            >
              Move
            </button>
            <button
              type="button"
              className="tb-button"
              onClick={() => session.editor.update({ connectFrom: note.id })}
              aria-label={`Connect to… from “${note.text || kind.label}”`}
            >
              Connect to…
            </button>
            <button
              type="button"
              className="tb-button danger"
              onClick={() => session.run('deleteNotes', { noteIds: [note.id] })}
              aria-label={`Delete “${note.text || kind.label}”`}
            >
              Delete
            </button>
          </div>
        )}
        {mode === 'view' && <OutlineCommentButton noteId={note.id} label={note.text || kind.label} />}
        {mode === 'view' && (
          <button
            type="button"
            className="tb-button"
            onClick={() => showPathsFrom(session, note.id)}
            aria-label={`Paths from “${note.text || kind.label}”`}
          >
            Paths
          </button>
        )}
        {mode === 'edit' && (
          <form
            className="outline-form"
            onSubmit={(e) => {
              e.preventDefault();
              session.run('editNoteText', { noteId: note.id, text: draft });
              session.model.endStep();
              setMode('view');
            }}
          >
            <label className="sr-only" htmlFor={`edit-${note.id}`}>
              Note text
            </label>
            <textarea
              id={`edit-${note.id}`}
              autoFocus
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              rows={3}
              onKeyDown={(e) => e.key === 'Escape' && setMode('view')}
            />
            <FormActions submit="Save" onCancel={() => setMode('view')} />
          </form>
        )}
        {mode === 'move' && (
          <form
            className="outline-form"
            onSubmit={(e) => {
              e.preventDefault();
              const [stageId, laneId] = target.split('|') as [StageId, LaneId];
              session.run('moveNotes', { noteIds: [note.id], stageId, laneId });
              setMode('view');
            }}
          >
            <label htmlFor={`move-${note.id}`}>Move to</label>
            <select id={`move-${note.id}`} autoFocus value={target} onChange={(e) => setTarget(e.target.value)}>
              {board.stages.map((s) => (
                <optgroup key={s.id} label={s.name}>
                  {board.lanes.map((l) => (
                    <option key={l.id} value={`${s.id}|${l.id}`}>{`${s.name} — ${l.name}`}</option>
                  ))}
                </optgroup>
              ))}
            </select>
            <FormActions submit="Move" onCancel={() => setMode('view')} />
          </form>
        )}
      </article>
    </li>
  );
}
