import { useId, useState } from 'react';
import {
  ACTION_EVENT_LABEL,
  type ActionMarker,
  kpiOutcome,
  type Kpi,
  type KpiMeasurement,
  OUTCOME_DEFAULTS,
} from '../../shared/index.ts';
import { MARKER_STYLE } from '../exports/kpiPlot.ts';
import { OutcomeLine } from '../ui/OutcomeLine.tsx';
import { ColumnHeads } from '../ui/ColumnHeads.tsx';
import { OutcomeWindowSelect } from '../ui/OutcomeWindowSelect.tsx';

/** The day of a step, in UTC like the periods it is compared with. */
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Under the chart: what its marks mean, "Did it work?" for each done action, and the steps of
 * the stage's actions as a table (what the chart shows, for screen readers and the keyboard).
 */
export function KpiActionSteps({
  kpi,
  series,
  markers,
}: {
  kpi: Kpi;
  series: readonly KpiMeasurement[];
  markers: readonly ActionMarker[];
}) {
  const [window, setWindow] = useState<number>(OUTCOME_DEFAULTS.window);
  const windowId = useId();
  const done = markers.filter((m) => m.event === 'done');
  return (
    <section className="kpi-steps" aria-label="Actions of this stage">
      <ul className="kpi-chart-key" aria-label="Chart key">
        <li>
          <span className="key-line" aria-hidden /> {kpi.metric}
        </li>
        {kpi.target !== null && (
          <li>
            <span className="key-line key-target" aria-hidden /> Target
          </li>
        )}
        {(Object.keys(MARKER_STYLE) as (keyof typeof MARKER_STYLE)[])
          .filter((e) => markers.some((m) => m.event === e))
          .map((e) => (
            <li key={e}>
              <span aria-hidden style={{ color: MARKER_STYLE[e].colour }}>
                {MARKER_STYLE[e].mark}
              </span>{' '}
              {ACTION_EVENT_LABEL[e]}
            </li>
          ))}
      </ul>
      {done.length > 0 && (
        <div className="kpi-outcomes" data-testid="kpi-outcomes">
          <div className="kpi-outcomes-head">
            <h3>Did it work?</h3>
            <label htmlFor={windowId}>
              <span>Compare</span>
              <OutcomeWindowSelect id={windowId} value={window} onChange={setWindow} />
            </label>
          </div>
          <ul>
            {done.map((m) => (
              <li key={m.noteId}>
                <span className="kpi-outcome-action">
                  {m.text || '(empty note)'} <span className="muted">· done {utcDay(m.at)}</span>
                </span>
                <OutcomeLine outcome={kpiOutcome(kpi, series, m.at, { ...OUTCOME_DEFAULTS, window })} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {markers.length === 0 ? (
        <p className="muted small">
          No dated action steps in this stage yet: make a pain point or idea an action, then move it along.
        </p>
      ) : (
        <div className="kpi-import-table-wrap">
          <table className="kpi-import-table" data-testid="kpi-steps-table">
            <caption className="sr-only">Steps of this stage's actions, oldest first</caption>
            <ColumnHeads columns={['Date', 'Step', 'Action']} />
            <tbody>
              {markers.map((m) => (
                <tr key={`${m.noteId}-${m.event}`}>
                  <td>{utcDay(m.at)}</td>
                  <td>
                    <span aria-hidden style={{ color: MARKER_STYLE[m.event].colour }}>
                      {MARKER_STYLE[m.event].mark}
                    </span>{' '}
                    {ACTION_EVENT_LABEL[m.event]}
                  </td>
                  <td className="kpi-step-text">{m.text || '(empty note)'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
