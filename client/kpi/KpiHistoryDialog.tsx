import { useEffect, useMemo, useState } from 'react';
import { actionMarkers, formatKpiValue, type Kpi, type KpiMeasurement } from '../../shared/index.ts';
import { KpiMeasurementsApi } from '../api/kpiMeasurements.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { kpiChartLabel } from '../exports/kpiPlot.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { KpiActionSteps } from './KpiActionSteps.tsx';
import { ColumnHeads } from '../ui/ColumnHeads.tsx';
import { KpiChart } from './KpiChart.tsx';

/**
 * A KPI's measurements: its whole series, read from the server (the board holds only the latest
 * points), as a chart with the target and the stage's action steps, then the same as tables
 * (newest first) and "Did it work?" for the stage's done actions. Read again whenever the board's
 * mirror of the series changes, so an import by someone else shows up here without a reload.
 */
export function KpiHistoryDialog({ kpi, stageName, onClose }: { kpi: Kpi; stageName: string; onClose: () => void }) {
  const session = useSession();
  const board = useBoard();
  const api = useMemo(() => new KpiMeasurementsApi(session.boardId, () => session.token), [session]);
  const [series, setSeries] = useState<readonly KpiMeasurement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const changed = `${kpi.measuredAt}|${kpi.recent.map((p) => p.value).join(',')}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `changed` is the signal that the series changed on the server
  useEffect(() => {
    let live = true;
    api.list(kpi.id).then(
      (s) => {
        if (!live) return;
        setSeries(s);
        setError(null);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, kpi.id, changed]);

  const unit = (value: number) => formatKpiValue({ value, unit: kpi.unit });
  const markersKey = JSON.stringify(actionMarkers(board.notes, kpi.stageId));
  // Only a change of the steps themselves draws the chart again, not every edit of the board.
  const markers = useMemo(() => JSON.parse(markersKey) as ReturnType<typeof actionMarkers>, [markersKey]);
  return (
    <Dialog title={`${kpi.metric} in ${stageName}`} onClose={onClose} className="kpi-history">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!series && !error && <p className="muted small">Loading the measurements…</p>}
      {series && series.length === 0 && (
        <p className="muted small" data-testid="kpi-history-empty">
          No measurements yet. Import a CSV file with a <code>date</code> column from the KPI panel to start a series.
        </p>
      )}
      {series && series.length > 0 && (
        <>
          <KpiChart
            series={series}
            target={kpi.target}
            markers={markers}
            label={kpiChartLabel(series, kpi, markers.length)}
          />
          <KpiActionSteps kpi={kpi} series={series} markers={markers} />
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the series scrolls inside the dialog: the keyboard must reach it */}
          <section className="kpi-import-table-wrap kpi-measurements" tabIndex={0} aria-label="Measurements">
            <table className="kpi-import-table" data-testid="kpi-history-table">
              <caption className="sr-only">Measurements of {kpi.metric}, newest first</caption>
              <ColumnHeads columns={['Date', 'Value', 'Sample', 'Source']} />
              <tbody>
                {[...series].reverse().map((m) => (
                  <tr key={m.period}>
                    <td>{m.period}</td>
                    <td>{unit(m.value)}</td>
                    <td>{m.sampleSize ?? '—'}</td>
                    <td>{m.source ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
