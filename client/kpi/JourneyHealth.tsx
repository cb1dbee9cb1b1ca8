import { useState } from 'react';
import {
  canFacilitate,
  CHECKPOINT_LABEL_MAX,
  formatKpiNumber,
  HEALTH_WINDOWS,
  type HealthTrend,
  journeyHealth,
  KPI_STATUS_STYLE,
  slidingPainPoints,
} from '../../shared/index.ts';
import { CheckpointsApi } from '../api/checkpoints.ts';
import { showToast } from '../board/editorState.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { useStore } from '../board/store.ts';
import { ColumnHeads } from '../ui/ColumnHeads.tsx';
import { choicesOf, Select } from '../ui/Select.tsx';

const TREND: Record<HealthTrend, { label: string }> = {
  improving: { label: 'Improving' },
  worsening: { label: 'Worsening' },
  flat: { label: 'Flat' },
  unknown: { label: 'Not enough points' },
};

const WINDOW_CHOICES = choicesOf(HEALTH_WINDOWS, (w) => `the last ${w} measurements`);
/** The arrow shows where the value went; the word says whether that is good (effort going down is). */
function arrow(change: number | null, trend: HealthTrend): string {
  if (change === null) return '–';
  if (trend === 'flat' || change === 0) return '→';
  return change > 0 ? '↑' : '↓';
}

/**
 * Journey health: the stages that are sliding (a KPI below target and getting worse), most urgent
 * first, then every KPI with its status and trend over the chosen window. A facilitator starts a
 * review from here: a checkpoint, then a voting round on the sliding stages' pain points.
 */
export function JourneyHealth() {
  const session = useSession();
  const board = useBoard();
  const role = useStore(session.access, (a) => a.role);
  const me = useStore(session.identity, (s) => s.me);
  const openRound = useStore(session.voting.state, (s) => s.round !== null);
  const [window, setWindow] = useState<number>(6);
  const [starting, setStarting] = useState(false);
  const health = journeyHealth(board, window);
  const pains = slidingPainPoints(board.notes, health);
  const facilitator = role !== null && canFacilitate(role);

  const startReview = async () => {
    const stages = health.slidingStages.map((s) => s.stage).join(', ');
    setStarting(true);
    try {
      // The checkpoint first: the board as it stood when the review began can be looked at later.
      const api = new CheckpointsApi(session.boardId, () => session.token);
      await api.save(`Before the review of ${stages}`.slice(0, CHECKPOINT_LABEL_MAX), { id: me.id, name: me.name });
      session.voting.start({
        title: `Review: ${stages}`.slice(0, 120),
        votableKinds: [],
        votableNoteIds: pains,
      });
      showToast(session.editor, `Review started: vote on ${pains.length} pain point${pains.length === 1 ? '' : 's'}`);
    } catch (error) {
      showToast(
        session.editor,
        `The review did not start: ${error instanceof Error ? error.message : String(error)}`,
        'error',
      );
    } finally {
      setStarting(false);
    }
  };

  if (health.kpis.length === 0)
    return <p className="muted small">No KPIs on the stages yet: add one from the KPI row of the board.</p>;
  return (
    <div className="journey-health" data-testid="journey-health">
      <label className="health-window">
        <span>Trend over</span>
        <Select value={window} onValue={setWindow} choices={WINDOW_CHOICES} data-testid="health-window" />
      </label>
      <section className="health-sliding" aria-labelledby="health-sliding-title">
        <h3 id="health-sliding-title">Sliding stages</h3>
        {health.slidingStages.length === 0 ? (
          <p className="muted small" data-testid="health-none-sliding">
            No stage is sliding: no KPI is both below its target and getting worse.
          </p>
        ) : (
          <ol className="health-stage-list" data-testid="health-sliding">
            {health.slidingStages.map((s) => (
              <li key={s.stageId}>
                <strong>{s.stage}</strong>
                <span className="small">
                  {s.sliding
                    .map((k) => `${k.metric} ${KPI_STATUS_STYLE[k.status].label.toLowerCase()}, ${signed(k.change)}`)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ol>
        )}
        {facilitator && health.slidingStages.length > 0 && (
          <div className="health-review">
            <button
              type="button"
              className="btn primary"
              data-testid="start-review"
              disabled={starting || openRound || pains.length === 0}
              onClick={() => void startReview()}
            >
              Start a review
            </button>
            <span className="muted small">
              {openRound
                ? 'A voting round is open: reveal or cancel it first.'
                : pains.length === 0
                  ? 'The sliding stages have no pain points to vote on.'
                  : `Saves a checkpoint, then opens a voting round on their ${pains.length} pain point${pains.length === 1 ? '' : 's'}.`}
            </span>
          </div>
        )}
      </section>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways on a phone must take the keyboard's focus */}
      <section className="kpi-table-wrap" tabIndex={0} aria-label="Every KPI, most urgent first">
        <table className="kpi-table" data-testid="health-table">
          <caption className="sr-only">Every KPI, most urgent first</caption>
          <ColumnHeads columns={['Stage', 'Metric', 'Status', 'Trend']} />
          <tbody>
            {health.kpis.map((k) => (
              <tr key={k.kpiId} className={k.sliding ? 'health-row-sliding' : undefined}>
                <td>{k.stage}</td>
                <td>{k.metric}</td>
                <td className={`kpi-${k.status}`}>
                  {KPI_STATUS_STYLE[k.status].icon} {KPI_STATUS_STYLE[k.status].label}
                </td>
                <td>
                  <span aria-hidden>{arrow(k.change, k.trend)}</span> {TREND[k.trend].label}
                  {k.change !== null && (
                    <span className="muted">
                      {' '}
                      {signed(k.change)} over {k.points} points
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function signed(n: number | null): string {
  if (n === null) return 'no trend';
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatKpiNumber(Math.abs(n))}`;
}
