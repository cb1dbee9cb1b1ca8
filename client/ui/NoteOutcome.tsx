import { actionOutcome, kpisToCompare, type Note, OUTCOME_DEFAULTS } from '../../shared/index.ts';
import { useBoard } from '../board/hooks.ts';
import { useKpiSeries } from '../board/useKpiSeries.ts';
import { OutcomeLine } from './OutcomeLine.tsx';

/** "Did it work?" on a done action: its stage's KPIs before vs after, over each whole series. */
export function NoteOutcome({ note }: { note: Note }) {
  const board = useBoard();
  const series = useKpiSeries(kpisToCompare({ notes: [note], kpis: board.kpis }));
  const outcome = actionOutcome(
    note,
    board.kpis,
    (id) => series.get(id) ?? board.kpis.find((k) => k.id === id)?.recent ?? [],
  );
  if (!outcome) return null;
  return (
    <section className="note-outcome" data-testid="note-outcome" aria-label="Did it work?">
      <span className="note-outcome-title">
        Did it work? <span className="muted">({OUTCOME_DEFAULTS.window} measurements each side)</span>
      </span>
      {outcome.kpis.length === 0 ? (
        <span className="outcome outcome-too-little-data">{outcome.statement}</span>
      ) : (
        outcome.kpis.map((k) => <OutcomeLine key={k.kpiId} outcome={k} />)
      )}
    </section>
  );
}
