import { cellKey, type BoardSnapshot, type Stage } from '../../shared/index.ts';
import { OutlineAddNote } from './OutlineAddNote.tsx';
import { OutlineKpis } from './OutlineKpis.tsx';
import { OutlineNote } from './OutlineNote.tsx';

/** The id of a stage's heading, the target of the stage links and tabs. */
export const stageHeadingId = (s: Stage) => `outline-${s.id.replace(':', '-')}`;

/** One stage of the outline: its KPIs, then each lane with its notes as cards and "+ Add note". */
export function OutlineStage({
  stage,
  number,
  board,
  readOnly,
  kpisLast = false,
}: {
  stage: Stage;
  number: number;
  board: BoardSnapshot;
  readOnly: boolean;
  /** On a phone the notes come first: a participant is there to add and vote, the KPIs can wait. */
  kpisLast?: boolean;
}) {
  const kpis = <OutlineKpis stage={stage} kpis={board.kpisByStage.get(stage.id) ?? []} readOnly={readOnly} />;
  return (
    <>
      <h2 id={stageHeadingId(stage)} tabIndex={-1}>
        <span className="outline-step">Stage {number}</span> {stage.name}
      </h2>
      {stage.description && <p className="muted">{stage.description}</p>}
      {!kpisLast && kpis}
      {board.lanes.map((l) => {
        const notes = board.cells.get(cellKey(stage.id, l.id)) ?? [];
        return (
          <div key={l.id} className="outline-lane">
            <h3>
              {l.name} <span className="muted">({notes.length})</span>
            </h3>
            {notes.length > 0 && (
              <ul className="stack-list" aria-label={`${l.name} in ${stage.name}`}>
                {notes.map((n) => (
                  <OutlineNote key={n.id} note={n} board={board} readOnly={readOnly} />
                ))}
              </ul>
            )}
            {!readOnly && <OutlineAddNote stageId={stage.id} lane={l} where={`${l.name} in ${stage.name}`} />}
          </div>
        );
      })}
      {kpisLast && kpis}
    </>
  );
}
