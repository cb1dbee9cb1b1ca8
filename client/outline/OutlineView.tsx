import { useState } from 'react';
import { cellKey, type LaneId, type StageId } from '../../shared/index.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { OutlineKpis } from './OutlineKpis.tsx';
import { OutlineNote } from './OutlineNote.tsx';
import { OutlineDrafts } from '../ui/privateWriting/OutlineDrafts.tsx';

/**
 * The whole board as an HTML document (stages, then lanes, then notes), live, for keyboards and
 * screen readers: a canvas is invisible to assistive technology. Every frequent action works here.
 */
export function OutlineView({ readOnly }: { readOnly: boolean }) {
  const board = useBoard();
  return (
    <div className="outline" data-testid="outline">
      <div className="outline-inner">
        <h1 className="outline-title">{board.meta.title}</h1>
        <p className="muted">
          {board.stages.length} stages · {board.lanes.length} lanes · {board.notes.length} notes. Changes by others
          appear here as they happen.
        </p>
        <OutlineDrafts />
        {board.personas.length > 0 && (
          <section className="outline-personas" aria-labelledby="outline-personas">
            <h2 id="outline-personas">Personas</h2>
            <ul>
              {board.personas.map((p) => (
                <li key={p.id}>
                  <strong>{p.name}</strong>
                  {p.role && <>, {p.role}</>}
                  {p.quote && <q> {p.quote}</q>}
                </li>
              ))}
            </ul>
          </section>
        )}
        <nav aria-label="Stages">
          <ol className="outline-toc">
            {board.stages.map((s) => (
              <li key={s.id}>
                <a href={`#outline-${s.id.replace(':', '-')}`}>{s.name}</a>
              </li>
            ))}
          </ol>
        </nav>
        {board.stages.map((s, i) => (
          <section key={s.id} className="outline-stage" aria-labelledby={`outline-${s.id.replace(':', '-')}`}>
            <h2 id={`outline-${s.id.replace(':', '-')}`} tabIndex={-1}>
              <span className="outline-step">Stage {i + 1}</span> {s.name}
            </h2>
            {s.description && <p className="muted">{s.description}</p>}
            <OutlineKpis stage={s} kpis={board.kpisByStage.get(s.id) ?? []} readOnly={readOnly} />
            {board.lanes.map((l) => {
              const notes = board.cells.get(cellKey(s.id, l.id)) ?? [];
              return (
                <div key={l.id} className="outline-lane">
                  <h3>
                    {l.name} <span className="muted">({notes.length})</span>
                  </h3>
                  {notes.length > 0 && (
                    <ul aria-label={`${l.name} in ${s.name}`}>
                      {notes.map((n) => (
                        <OutlineNote key={n.id} note={n} board={board} readOnly={readOnly} />
                      ))}
                    </ul>
                  )}
                  {!readOnly && <AddNote stageId={s.id} laneId={l.id} where={`${l.name} in ${s.name}`} />}
                </div>
              );
            })}
          </section>
        ))}
      </div>
    </div>
  );
}

function AddNote({ stageId, laneId, where }: { stageId: StageId; laneId: LaneId; where: string }) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  if (!open)
    return (
      <button
        type="button"
        className="tb-button outline-add"
        onClick={() => setOpen(true)}
        aria-label={`Add note to ${where}`}
      >
        + Add note
      </button>
    );
  return (
    <form
      className="outline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        // Private writing: the note is my draft (shown on the board, to me alone, until the reveal).
        if (session.privateWriting.interceptsNewNotes())
          session.privateWriting.addDraft(stageId, laneId, undefined, text.trim(), { edit: false });
        else session.run('addNote', { stageId, laneId, text: text.trim() });
        session.model.endStep();
        setText('');
        setOpen(false);
      }}
    >
      <label htmlFor={`add-${stageId}-${laneId}`}>New note in {where}</label>
      <textarea
        id={`add-${stageId}-${laneId}`}
        autoFocus
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      />
      <div className="outline-actions">
        <button className="btn primary" type="submit">
          Add
        </button>
        <button className="btn" type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
